import { PlusOutlined } from "@ant-design/icons";
import { DATA_CLASSES, type Grant } from "@clusterbrain/contracts";
import { Button, Card, Form, Input, Modal, message, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { OrgPicker } from "../../shared/ui/org-picker.component.tsx";
import { AccessRequests } from "../access-requests/access-requests.component.tsx";
import { type GrantFormValues, isFutureDay, toGrantRequest } from "./grant-form.ts";
import { RevokeGrantButton } from "./revoke-grant.component.tsx";

const STATUS_COLOR: Record<Grant["status"], string> = { active: "green", expired: "default", revoked: "red" };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export default function GrantsPage() {
  const { t, tEnum, pick, locale } = useI18n();
  const me = useMe();
  const manage = canManageOrg(me);
  const grants = useApi((signal) => api.grants.list(signal), []);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [form] = Form.useForm<GrantFormValues>();
  const [toast, toastHolder] = message.useMessage();
  // Grants run to the end of a day in the cluster's own time zone, whatever the viewer's clock says.
  const fmt = (iso: string) =>
    new Date(iso).toLocaleDateString(locale === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" });

  const create = async (values: GrantFormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      await api.grants.create(toGrantRequest(values));
      toast.success(t("grants.created"));
      setOpen(false);
      form.resetFields();
      grants.reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string, reason: string) => {
    setActionError(null);
    await api.grants.revoke(id, reason);
    toast.success(t("grants.revokedOk"));
    grants.reload();
  };

  const columns = (side: "given" | "received"): ColumnsType<Grant> => [
    {
      title: side === "given" ? t("grants.grantee") : t("grants.grantor"),
      key: "party",
      render: (_, g) =>
        side === "given" ? pick(g.granteeNameZh, g.granteeNameEn) : pick(g.grantorNameZh, g.grantorNameEn),
    },
    { title: t("grants.dataClass"), key: "class", render: (_, g) => tEnum("dataClass", g.dataClass) },
    // The purpose is the grantor's own words, shown as written (marked with its language).
    {
      title: t("grants.purpose"),
      key: "purpose",
      responsive: ["md"],
      render: (_, g) => <DataText text={g.purpose} />,
    },
    { title: t("grants.until"), key: "until", render: (_, g) => fmt(g.expiresAt) },
    {
      title: t("grants.status"),
      key: "status",
      render: (_, g) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLOR[g.status]} data-testid="grant-status">
            {tEnum("grants", g.status)}
          </Tag>
          {g.status === "revoked" && g.revokeReason && (
            <Typography.Text type="secondary" data-testid="grant-revoke-reason-shown">
              {t("revoke.shown", { reason: g.revokeReason })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(side === "given" && manage
      ? [
          {
            title: t("grants.actions"),
            key: "actions",
            render: (_: unknown, g: Grant) =>
              g.status === "active" ? (
                <RevokeGrantButton onRevoke={(reason) => revoke(g.id, reason)} />
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div data-testid="grants-page">
      {toastHolder}
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3}>{t("grants.title")}</Typography.Title>
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="grant-create"
            onClick={() => setOpen(true)}
          >
            {t("grants.create")}
          </Button>
        )}
      </Space>
      {grants.error !== null && <ErrorAlert error={grants.error} onRetry={grants.reload} />}
      {actionError !== null && <ErrorAlert error={actionError} />}
      <AccessRequests onChanged={grants.reload} />
      <Card size="small" title={t("grants.given")} style={{ marginBottom: 16 }}>
        <Table<Grant>
          rowKey="id"
          size="small"
          data-testid="grants-given"
          loading={grants.loading}
          columns={columns("given")}
          dataSource={grants.data?.given ?? []}
          locale={{ emptyText: t("grants.empty") }}
          pagination={false}
        />
      </Card>
      <Card size="small" title={t("grants.received")}>
        <Table<Grant>
          rowKey="id"
          size="small"
          data-testid="grants-received"
          loading={grants.loading}
          columns={columns("received")}
          dataSource={grants.data?.received ?? []}
          locale={{ emptyText: t("grants.empty") }}
          pagination={false}
        />
      </Card>
      <Modal
        open={open}
        title={t("grants.create")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<GrantFormValues> form={form} layout="vertical" onFinish={create} data-testid="grant-form">
          <Form.Item
            name="granteeOrgId"
            label={t("grants.grantee")}
            rules={[{ required: true, message: t("myOrg.required") }]}
          >
            <OrgPicker excludeId={me.org.id} testId="grant-grantee" />
          </Form.Item>
          <Form.Item
            name="dataClass"
            label={t("grants.dataClass")}
            rules={[{ required: true, message: t("myOrg.required") }]}
          >
            <Select
              data-testid="grant-data-class"
              options={DATA_CLASSES.map((c) => ({ value: c, label: tEnum("dataClass", c) }))}
            />
          </Form.Item>
          <Form.Item
            name="purpose"
            label={t("grants.purpose")}
            rules={[{ required: true, whitespace: true, message: t("myOrg.required") }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="grant-purpose" />
          </Form.Item>
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
            <Input type="date" min={today()} data-testid="grant-until" />
          </Form.Item>
          {formError !== null && <ErrorAlert error={formError} />}
        </Form>
      </Modal>
    </div>
  );
}
