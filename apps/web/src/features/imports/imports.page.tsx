import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_MODES,
  type ImportEntity,
  type ImportMode,
  type ImportReport,
} from "@clusterbrain/contracts";
import { Alert, Button, Card, Collapse, Form, Radio, Space, Table, Tag, Typography } from "antd";
import { type ChangeEvent, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { langOf } from "../../i18n/locale-format.ts";
import { api, downloads } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { fileProblem, formatOf, toBase64 } from "./import-file.ts";
import { ImportHistory } from "./import-history.component.tsx";
import { ImportReportView } from "./import-report.component.tsx";

export default function ImportsPage() {
  const { t, tEnum, fmt, locale } = useI18n();
  const [runs, setRuns] = useState(0);
  const me = useMe();
  // Organisations are registered by the operator; firms import their own supply relations.
  const entities: ImportEntity[] = me.isOperator ? ["orgs", "relations"] : ["relations"];
  const [entity, setEntity] = useState<ImportEntity>(entities[0]);
  const [mode, setMode] = useState<ImportMode>("all-or-nothing");
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<"dry" | "real" | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const template = useApi((signal) => api.imports.template(entity, signal), [entity]);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0] ?? null;
    setReport(null);
    setError(null);
    const why = chosen === null ? null : fileProblem(chosen.name, chosen.size);
    setProblem(why === null ? null : t(why === "badFormat" ? "imports.badFormat" : "imports.tooLarge"));
    setFile(why === null ? chosen : null);
  };

  const run = async (dryRun: boolean) => {
    const format = file === null ? null : formatOf(file.name);
    if (file === null || format === null) return;
    setBusy(dryRun ? "dry" : "real");
    setError(null);
    try {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      setReport(await api.imports.run({ entity, format, mode, dryRun, fileName: file.name, contentBase64 }));
    } catch (err) {
      setReport(null);
      setError(err);
    } finally {
      setBusy(null);
      setRuns((n) => n + 1);
    }
  };

  return (
    <div data-testid="imports-page">
      <Typography.Title level={3}>{t("imports.title")}</Typography.Title>
      <Alert
        type="info"
        showIcon
        title={t("imports.hint")}
        description={
          <span data-testid="import-limits">
            {t("imports.limits", {
              size: `${fmt.number(IMPORT_MAX_BYTES / 1024 / 1024)} MB`,
              rows: fmt.number(IMPORT_MAX_ROWS),
            })}
          </span>
        }
        style={{ marginBottom: 16 }}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item label={t("imports.entity")}>
            <Radio.Group
              data-testid="import-entity"
              value={entity}
              onChange={(e) => {
                setEntity(e.target.value as ImportEntity);
                setReport(null);
              }}
              options={entities.map((value) => ({ value, label: tEnum("imports.entity", value) }))}
            />
          </Form.Item>
          <Form.Item label={t("imports.mode")}>
            <Radio.Group
              data-testid="import-mode"
              value={mode}
              onChange={(e) => setMode(e.target.value as ImportMode)}
              options={IMPORT_MODES.map((value) => ({ value, label: tEnum("imports.mode", value) }))}
            />
          </Form.Item>
          <Form.Item label={t("imports.downloadTemplate")} help={t("imports.templateHint")}>
            <Button
              icon={<DownloadOutlined />}
              href={downloads.importTemplate(entity, langOf(locale))}
              download
              data-testid="import-template-download"
            >
              {t("imports.downloadTemplate")} (.xlsx)
            </Button>
          </Form.Item>
          <Form.Item
            label={t("imports.file")}
            validateStatus={problem === null ? undefined : "error"}
            help={problem ?? file?.name}
          >
            <Button
              icon={<UploadOutlined />}
              onClick={() => document.getElementById("import-file-input")?.click()}
            >
              {t("imports.chooseFile")}
            </Button>
            <input
              id="import-file-input"
              data-testid="import-file"
              type="file"
              accept=".csv,.xlsx"
              style={{ display: "none" }}
              onChange={choose}
            />
          </Form.Item>
          <Space wrap>
            <Button
              data-testid="import-dry-run"
              disabled={file === null}
              loading={busy === "dry"}
              onClick={() => run(true)}
            >
              {t("imports.dryRun")}
            </Button>
            <Button
              type="primary"
              data-testid="import-run"
              disabled={file === null}
              loading={busy === "real"}
              onClick={() => run(false)}
            >
              {t("imports.run")}
            </Button>
          </Space>
        </Form>
      </Card>
      {error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      {report !== null && <ImportReportView report={report} />}
      <ImportHistory version={runs} />
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: "template",
            label: t("imports.template"),
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                loading={template.loading}
                dataSource={template.data?.columns ?? []}
                columns={[
                  {
                    title: t("imports.colKey"),
                    dataIndex: "key",
                    key: "key",
                    render: (k: string) => <code>{k}</code>,
                  },
                  {
                    title: t("imports.colLabel"),
                    key: "label",
                    render: (_, c) => tEnum("importLabel", c.key),
                  },
                  {
                    title: t("imports.required"),
                    key: "required",
                    render: (_, c) => (c.required ? <Tag color="red">{t("imports.required")}</Tag> : null),
                  },
                  { title: t("imports.colNote"), key: "note", render: (_, c) => tEnum("importNote", c.key) },
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
