import { DownloadOutlined } from "@ant-design/icons";
import type { AuditEntry } from "@clusterbrain/contracts";
import { Button, Card, DatePicker, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { langOf } from "../../i18n/locale-format.ts";
import { api, downloads } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { OrgPicker } from "../../shared/ui/org-picker.component.tsx";
import { AUDIT_ACTIONS, changedFields, showValue } from "./audit-diff.ts";

const PAGE_SIZE = 20;

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const changes = changedFields(entry.before, entry.after);
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      columns={[
        { title: t("audit.field"), dataIndex: "field", key: "field", width: 160 },
        { title: t("audit.before"), key: "before", render: (_, c) => <code>{showValue(c.before)}</code> },
        { title: t("audit.after"), key: "after", render: (_, c) => <code>{showValue(c.after)}</code> },
      ]}
    />
  );
}

interface Filters {
  action?: string;
  orgId?: string;
  from?: string;
  to?: string;
}

export default function AuditPage() {
  const { t, tEnum, pick, fmt, locale } = useI18n();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>({});
  const log = useApi(
    (signal) => api.audit.page({ page, pageSize: PAGE_SIZE, ...filters }, signal),
    [page, filters],
  );
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: t("audit.time"), key: "at", width: 180, render: (_, e) => fmt.dateTime(e.at) },
    {
      title: t("audit.actor"),
      key: "actor",
      render: (_, e) =>
        e.actorUserId === null ? (
          t("audit.system")
        ) : (
          <Space orientation="vertical" size={0}>
            <DataText testId="audit-actor-name" text={e.actorName ?? e.actorEmail ?? e.actorUserId} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {pick(e.actorOrgNameZh, e.actorOrgNameEn) || e.actorOrgId}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t("audit.action"),
      key: "action",
      render: (_, e) => <span data-testid="audit-action">{tEnum("auditAction", e.action)}</span>,
    },
    {
      title: t("audit.org"),
      key: "org",
      responsive: ["md"],
      render: (_, e) => pick(e.orgNameZh, e.orgNameEn) || e.orgId,
    },
  ];

  return (
    <div data-testid="audit-page">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3}>{t("audit.title")}</Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={downloads.audit(filters, langOf(locale))}
          download
          data-testid="audit-export"
        >
          {t("audit.export")}
        </Button>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t("audit.allActions")}
            data-testid="audit-action-filter"
            value={filters.action}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: tEnum("auditAction", a) }))}
            onChange={(v: string | undefined) => filter({ action: v })}
          />
          <DatePicker.RangePicker
            data-testid="audit-date-range"
            onChange={(range) =>
              filter({
                from: range?.[0]?.format("YYYY-MM-DD") ?? undefined,
                to: range?.[1]?.format("YYYY-MM-DD") ?? undefined,
              })
            }
          />
          {me.isOperator && (
            <OrgPicker
              allowClear
              value={filters.orgId}
              placeholder={t("audit.allOrgs")}
              testId="audit-org-filter"
              onChange={(v) => filter({ orgId: v === "" ? undefined : v })}
            />
          )}
        </Space>
      </Card>
      {log.error !== null && <ErrorAlert error={log.error} onRetry={log.reload} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        data-testid="audit-table"
        loading={log.loading}
        columns={columns}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t("audit.empty") }}
        expandable={{ expandedRowRender: (entry) => <Changes entry={entry} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: log.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </div>
  );
}
