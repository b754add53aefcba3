import { DownloadOutlined } from "@ant-design/icons";
import type { ImportHistoryEntry } from "@clusterbrain/contracts";
import { Button, Card, Table, Tag } from "antd";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { langOf } from "../../i18n/locale-format.ts";
import { api, downloads } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

/** The organisation's past runs, newest first, each with its error report to download. */
export function ImportHistory({ version }: { version: number }) {
  const { t, tEnum, fmt, locale } = useI18n();
  const history = useApi((signal) => api.imports.history(1, signal), [version]);
  if (history.error !== null) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  return (
    <Card size="small" title={t("imports.history")} style={{ marginTop: 16 }}>
      <Table<ImportHistoryEntry>
        size="small"
        rowKey="id"
        data-testid="import-history"
        loading={history.loading}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: t("imports.historyEmpty") }}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t("imports.historyTime"), key: "at", render: (_, h) => fmt.dateTime(h.at) },
          {
            title: t("imports.historyUser"),
            key: "user",
            render: (_, h) => (h.userName ? <DataText text={h.userName} /> : "—"),
          },
          { title: t("imports.historyFile"), key: "file", render: (_, h) => h.fileName || "—" },
          {
            title: t("imports.historyRun"),
            key: "run",
            render: (_, h) => (
              <>
                <Tag>{tEnum("imports.entity", h.entity)}</Tag>
                {h.dryRun ? t("imports.dryRun") : tEnum("imports.mode", h.mode)}
              </>
            ),
          },
          {
            title: t("imports.historyResult"),
            key: "result",
            render: (_, h) =>
              t("imports.historyResultText", {
                total: fmt.number(h.totalRows),
                valid: fmt.number(h.validRows),
                written: fmt.number(h.written),
              }),
          },
          {
            title: t("imports.historyIssues"),
            key: "issues",
            render: (_, h) =>
              h.issueCount === 0 ? (
                "0"
              ) : (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={downloads.importReport(h.id, langOf(locale))}
                  download
                  data-testid="import-history-report"
                >
                  {fmt.number(h.issueCount)}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
