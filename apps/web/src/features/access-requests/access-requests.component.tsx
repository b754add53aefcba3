import type { AccessRequest } from "@clusterbrain/contracts";
import { Button, Card, Form, Input, Modal, message, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { isFutureDay, untilToExpiresAt } from "../grants/grant-form.ts";
import { defaultUntil } from "./access-request-form.ts";

const STATUS_COLOR: Record<AccessRequest["status"], string> = {
  pending: "processing",
  approved: "green",
  declined: "red",
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

type Decision = { request: AccessRequest; kind: "approve" | "decline" };

/**
 * Requests to my org (owners/admins approve with an end date or decline with a note) and the ones my
 * org made, with the owner's answer. Approving makes the grant; `onChanged` reloads the grant lists.
 */
export function AccessRequests({ onChanged }: { onChanged: () => void }) {
  const { t, tEnum, pick, locale } = useI18n();
  const me = useMe();
  const manage = canManageOrg(me);
  const requests = useApi((signal) => api.accessRequests.list(signal), []);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ until: string; note: string }>();
  const [toast, toastHolder] = message.useMessage();
  const fmt = (iso: string) =>
    new Date(iso).toLocaleDateString(locale === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" });

  const decide = async (values: { until?: string; note?: string }) => {
    if (decision === null) return;
    setBusy(true);
    setError(null);
    try {
      if (decision.kind === "approve") {
        await api.accessRequests.approve(decision.request.id, {
          expiresAt: untilToExpiresAt(values.until ?? ""),
        });
        toast.success(t("access.approvedOk"));
      } else {
        await api.accessRequests.decline(decision.request.id, { note: values.note?.trim() || undefined });
        toast.success(t("access.declinedOk"));
      }
      setDecision(null);
      requests.reload();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const columns = (side: "incoming" | "outgoing"): ColumnsType<AccessRequest> => [
    {
      title: side === "incoming" ? t("access.requester") : t("access.owner"),
      key: "party",
      render: (_, r) =>
        side === "incoming" ? pick(r.requesterNameZh, r.requesterNameEn) : pick(r.ownerNameZh, r.ownerNameEn),
    },
    { title: t("grants.dataClass"), key: "class", render: (_, r) => tEnum("dataClass", r.dataClass) },
    { title: t("grants.purpose"), dataIndex: "purpose", key: "purpose", responsive: ["md"] },
    { title: t("access.askedOn"), key: "at", render: (_, r) => fmt(r.createdAt) },
    {
      title: t("grants.status"),
      key: "status",
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLOR[r.status]} data-testid="access-request-status">
            {tEnum("access.status", r.status)}
          </Tag>
          {r.decisionNote && <Typography.Text type="secondary">{r.decisionNote}</Typography.Text>}
        </Space>
      ),
    },
    ...(side === "incoming" && manage
      ? [
          {
            title: t("grants.actions"),
            key: "actions",
            render: (_: unknown, r: AccessRequest) =>
              r.status === "pending" ? (
                <Space wrap>
                  <Button
                    size="small"
                    type="primary"
                    data-testid="access-request-approve"
                    onClick={() => {
                      setError(null);
                      setDecision({ request: r, kind: "approve" });
                    }}
                  >
                    {t("access.approve")}
                  </Button>
                  <Button
                    size="small"
                    danger
                    data-testid="access-request-decline"
                    onClick={() => {
                      setError(null);
                      setDecision({ request: r, kind: "decline" });
                    }}
                  >
                    {t("access.decline")}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  const table = (side: "incoming" | "outgoing") => (
    <Table<AccessRequest>
      rowKey="id"
      size="small"
      data-testid={`access-requests-${side}`}
      loading={requests.loading}
      columns={columns(side)}
      dataSource={requests.data?.[side] ?? []}
      locale={{ emptyText: t("access.empty") }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: true }}
    />
  );

  return (
    <>
      {toastHolder}
      {requests.error !== null && <ErrorAlert error={requests.error} onRetry={requests.reload} />}
      <Card size="small" title={t("access.incoming")} style={{ marginBottom: 16 }}>
        {table("incoming")}
      </Card>
      <Card size="small" title={t("access.outgoing")} style={{ marginBottom: 16 }}>
        {table("outgoing")}
      </Card>
      <Modal
        open={decision !== null}
        title={decision?.kind === "approve" ? t("access.approve") : t("access.decline")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setDecision(null)}
        onOk={() => form.submit()}
        okButtonProps={{ "data-testid": "access-decision-ok" }}
        destroyOnHidden
      >
        {decision !== null && (
          <Typography.Paragraph>
            {t("access.decisionSummary", {
              org: pick(decision.request.requesterNameZh, decision.request.requesterNameEn),
              dataClass: tEnum("dataClass", decision.request.dataClass),
            })}
          </Typography.Paragraph>
        )}
        <Form
          form={form}
          layout="vertical"
          onFinish={decide}
          data-testid="access-decision-form"
          initialValues={{ until: defaultUntil(today()), note: "" }}
        >
          {decision?.kind === "approve" ? (
            <Form.Item
              name="until"
              label={t("grants.until")}
              rules={[
                { required: true, message: t("myOrg.required") },
                {
                  validator: async (_, value: string | undefined) => {
                    if (value && !isFutureDay(value, today())) throw new Error(t("grants.untilFuture"));
                  },
                },
              ]}
            >
              <Input type="date" min={today()} data-testid="access-decision-until" />
            </Form.Item>
          ) : (
            <Form.Item name="note" label={t("access.note")}>
              <Input.TextArea rows={2} maxLength={500} data-testid="access-decision-note" />
            </Form.Item>
          )}
          {error !== null && <ErrorAlert error={error} />}
        </Form>
      </Modal>
    </>
  );
}
