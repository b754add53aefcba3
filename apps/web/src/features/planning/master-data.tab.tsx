import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import {
  IMPORT_MODES,
  type ImportMode,
  PLANNING_ENTITIES,
  type PlanningEntity,
  type PlanningImportReport,
  type PlanningRecord,
} from "@clusterbrain/contracts";
import { Alert, Button, Card, Popconfirm, Radio, Space, Table, Typography } from "antd";
import { type ChangeEvent, useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { toBase64 } from "../imports/import-file.ts";
import { planningApi, planningDownloads } from "./planning.api.ts";
import { RecordForm } from "./record-form.component.tsx";

/** Master data of one entity: template, import with every bad cell listed, the records, export. */
export function MasterDataTab({ canWrite }: { canWrite: boolean }) {
  const { t, tEnum, fmt } = useI18n();
  const [entity, setEntity] = useState<PlanningEntity>("items");
  const [mode, setMode] = useState<ImportMode>("all-or-nothing");
  const [report, setReport] = useState<PlanningImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<PlanningRecord | null | undefined>(undefined);
  const records = useApi((signal) => planningApi.list(entity, signal), [entity, version]);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setReport(await planningApi.import(entity, toBase64(bytes), mode));
      setVersion((v) => v + 1);
    } catch (err) {
      setReport(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await planningApi.remove(id);
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  };

  const fields = Object.keys(records.data?.items[0]?.data ?? {});
  return (
    <div data-testid="planning-data">
      {editing !== undefined && (
        <RecordForm
          key={editing?.id ?? "new"}
          entity={entity}
          record={editing}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) setVersion((v) => v + 1);
          }}
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Radio.Group
            data-testid="planning-entity"
            value={entity}
            optionType="button"
            onChange={(e) => {
              setEntity(e.target.value as PlanningEntity);
              setReport(null);
            }}
            options={PLANNING_ENTITIES.map((value) => ({ value, label: tEnum("planning.entity", value) }))}
          />
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              href={planningDownloads.template(entity)}
              download
              data-testid="planning-template"
            >
              {t("planning.template")}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={planningDownloads.export(entity)}
              download
              data-testid="planning-export"
            >
              {t("planning.export")}
            </Button>
            {canWrite && (
              <>
                <Radio.Group
                  value={mode}
                  onChange={(e) => setMode(e.target.value as ImportMode)}
                  options={IMPORT_MODES.map((value) => ({ value, label: tEnum("imports.mode", value) }))}
                />
                <Button
                  type="primary"
                  icon={<UploadOutlined />}
                  loading={busy}
                  onClick={() => document.getElementById("planning-file-input")?.click()}
                >
                  {t("planning.import")}
                </Button>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => setEditing(null)}
                  data-testid="planning-new-record"
                >
                  {t("planning.newRecord")}
                </Button>
                <input
                  id="planning-file-input"
                  data-testid="planning-file"
                  type="file"
                  accept=".xlsx"
                  style={{ display: "none" }}
                  onChange={upload}
                />
              </>
            )}
          </Space>
        </Space>
      </Card>
      {error !== null && <ErrorAlert error={error} />}
      {report !== null && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="planning-import-report">
          <Alert
            type={report.committed ? "success" : "warning"}
            showIcon
            title={
              report.committed
                ? t("planning.imported", { written: report.written, total: report.totalRows })
                : t("planning.notImported", { invalid: report.invalidRows, total: report.totalRows })
            }
          />
          {report.issues.length > 0 && (
            <Table
              size="small"
              rowKey={(i) => `${i.row}-${i.column}-${i.code}`}
              pagination={false}
              dataSource={report.issues}
              columns={[
                { title: t("imports.row"), dataIndex: "row", key: "row" },
                { title: t("imports.column"), dataIndex: "column", key: "column" },
                { title: t("planning.problem"), key: "code", render: (_, i) => tEnum("importIssue", i.code) },
                { title: "", key: "message", render: (_, i) => fmt.server(i) ?? "" },
              ]}
            />
          )}
        </Card>
      )}
      <Typography.Text type="secondary">
        {t("planning.records", { count: records.data?.items.length ?? 0 })}
      </Typography.Text>
      <Table
        data-testid="planning-records"
        size="small"
        rowKey="id"
        loading={records.loading}
        dataSource={records.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          ...fields.map((f) => ({
            title: f,
            key: f,
            render: (_: unknown, r: { data: Record<string, unknown> }) => String(r.data[f] ?? ""),
          })),
          ...(canWrite
            ? [
                {
                  title: "",
                  key: "delete",
                  render: (_: unknown, r: PlanningRecord) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t("planning.editRecord")}
                        onClick={() => setEditing(r)}
                      />
                      <Popconfirm title={t("planning.deleteConfirm")} onConfirm={() => remove(r.id)}>
                        <Button size="small" icon={<DeleteOutlined />} aria-label={t("planning.delete")} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
