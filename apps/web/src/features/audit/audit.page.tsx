import type { AuditEntry } from "@clusterbrain/contracts";
import { Card, Input, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { OrgPicker } from "../../shared/ui/org-picker.component.tsx";
import { changedFields, showValue } from "./audit-diff.ts";

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
        { title: "", dataIndex: "field", key: "field", width: 160 },
        { title: t("audit.before"), key: "before", render: (_, c) => <code>{showValue(c.before)}</code> },
        { title: t("audit.after"), key: "after", render: (_, c) => <code>{showValue(c.after)}</code> },
      ]}
    />
  );
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState("");
  const [orgId, setOrgId] = useState("");
  const log = useApi(
    (signal) =>
      api.audit.page(
        {
          page,
          pageSize: PAGE_SIZE,
          action: action === "" ? undefined : action,
          orgId: orgId === "" ? undefined : orgId,
        },
        signal,
      ),
    [page, action, orgId],
  );

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t("audit.time"),
      key: "at",
      width: 190,
      render: (_, e) => new Date(e.at).toLocaleString(locale === "en" ? "en-GB" : "zh-CN"),
    },
    { title: t("audit.actor"), key: "actor", render: (_, e) => e.actorEmail ?? t("audit.system") },
    { title: t("audit.action"), dataIndex: "action", key: "action", render: (a: string) => <code>{a}</code> },
    {
      title: t("audit.target"),
      key: "target",
      responsive: ["md"],
      render: (_, e) => `${e.entity} · ${e.entityId}`,
    },
  ];

  return (
    <div data-testid="audit-page">
      <Typography.Title level={3}>{t("audit.title")}</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t("audit.actionFilter")}
            data-testid="audit-action-filter"
            onSearch={(v) => {
              setAction(v.trim());
              setPage(1);
            }}
            style={{ width: 280 }}
          />
          {me.isOperator && (
            <OrgPicker
              allowClear
              value={orgId === "" ? undefined : orgId}
              placeholder={t("audit.allOrgs")}
              testId="audit-org-filter"
              onChange={(v) => {
                setOrgId(v);
                setPage(1);
              }}
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
