import { LinkOutlined } from "@ant-design/icons";
import type { Invitation, Role } from "@clusterbrain/contracts";
import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { invitationLink } from "../invitations/invitation-refusal.ts";
import {
  INVITATION_DEFAULT_DAYS,
  INVITATION_MAX_DAYS,
  type InvitationFormValues,
  toInvitationCreateRequest,
} from "./invitation-form.ts";
import { assignableRoles } from "./member-form.ts";

/**
 * Invite by link: the owner/admin enters an email and a role and gets a one-time link to send on
 * (shown once; the server keeps only its hash). Pending invitations are listed and can be withdrawn.
 */
export function InvitationsPanel() {
  const { t, tEnum, locale } = useI18n();
  const me = useMe();
  const list = useApi((signal) => api.invitations.list(signal), []);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [form] = Form.useForm<InvitationFormValues>();
  const [toast, toastHolder] = message.useMessage();
  const roleOptions = assignableRoles(me.role).map((r) => ({ value: r, label: tEnum("role", r) }));
  const pending = (list.data?.items ?? []).filter((i) => i.status === "pending");
  const when = (iso: string) => new Date(iso).toLocaleString(locale === "en" ? "en-GB" : "zh-CN");

  const create = async (values: InvitationFormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      const created = await api.invitations.create(toInvitationCreateRequest(values));
      setLink(invitationLink(window.location.origin, created.path));
      list.reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setActionError(null);
    try {
      await api.invitations.revoke(id);
      toast.success(t("invitations.revoked"));
    } catch (err) {
      setActionError(err);
    }
    list.reload();
  };

  const close = () => {
    setOpen(false);
    setLink(null);
    setFormError(null);
  };

  const columns: ColumnsType<Invitation> = [
    { title: t("members.email"), dataIndex: "email", key: "email" },
    {
      title: t("members.role"),
      key: "role",
      render: (_, i) => <Tag data-testid="invitation-role">{tEnum("role", i.role)}</Tag>,
    },
    {
      title: t("invitations.expiresAt"),
      key: "expiresAt",
      responsive: ["md"],
      render: (_, i) => when(i.expiresAt),
    },
    {
      title: t("members.actions"),
      key: "actions",
      render: (_, i) => (
        <Popconfirm
          title={t("invitations.revokeConfirm")}
          okText={t("common.ok")}
          cancelText={t("common.cancel")}
          onConfirm={() => revoke(i.id)}
        >
          <Button danger size="small" data-testid="invitation-revoke">
            {t("invitations.revoke")}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div data-testid="invitations-panel" style={{ marginTop: 32 }}>
      {toastHolder}
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={4}>{t("invitations.title")}</Typography.Title>
        <Button icon={<LinkOutlined />} data-testid="invite-open" onClick={() => setOpen(true)}>
          {t("invitations.invite")}
        </Button>
      </Space>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {actionError !== null && <ErrorAlert error={actionError} />}
      <Table<Invitation>
        rowKey="id"
        size="small"
        data-testid="invitations-table"
        loading={list.loading}
        columns={columns}
        dataSource={pending}
        locale={{ emptyText: t("invitations.empty") }}
        pagination={false}
      />
      <Modal
        open={open}
        title={t("invitations.invite")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={close}
        onOk={() => (link === null ? form.submit() : close())}
        destroyOnHidden
      >
        {link === null ? (
          <Form<InvitationFormValues>
            form={form}
            layout="vertical"
            onFinish={create}
            initialValues={{ role: "member", days: INVITATION_DEFAULT_DAYS }}
            data-testid="invite-form"
          >
            <Form.Item
              name="email"
              label={t("members.email")}
              rules={[
                { required: true, whitespace: true, message: t("members.required") },
                { type: "email", message: t("members.emailInvalid") },
              ]}
            >
              <Input autoComplete="off" maxLength={254} data-testid="invite-email" />
            </Form.Item>
            <Form.Item
              name="role"
              label={t("members.role")}
              rules={[{ required: true, message: t("members.required") }]}
            >
              <Select<Role> options={roleOptions} data-testid="invite-role" />
            </Form.Item>
            <Form.Item
              name="days"
              label={t("invitations.expiresInDays")}
              rules={[{ required: true, message: t("members.required") }]}
            >
              <InputNumber min={1} max={INVITATION_MAX_DAYS} precision={0} data-testid="invite-days" />
            </Form.Item>
            {formError !== null && <ErrorAlert error={formError} />}
          </Form>
        ) : (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Alert type="success" showIcon title={t("invitations.created")} />
            <Typography.Text strong>{t("invitations.link")}</Typography.Text>
            <Typography.Paragraph copyable={{ text: link }} code data-testid="invite-link">
              {link}
            </Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </div>
  );
}
