import { PlusOutlined } from "@ant-design/icons";
import { MEMBER_PASSWORD_MIN, type MemberList, type Role } from "@clusterbrain/contracts";
import { Button, Form, Input, Modal, message, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ApiError, fieldProblems } from "../../shared/api/api-error.ts";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { NotFound } from "../../shared/ui/not-found.component.tsx";
import { InvitationsPanel } from "./invitations.component.tsx";
import { assignableRoles, canEditMember, type MemberFormValues, toMemberAddRequest } from "./member-form.ts";

type Member = MemberList["items"][number];

const ROLE_COLOR: Record<Role, string> = { owner: "gold", admin: "blue", member: "green", viewer: "default" };
const FORM_FIELDS = new Set(["email", "displayName", "role", "password"]);

/** My org's members: owners/admins add people, change roles and remove them (the server decides). */
export default function MembersPage() {
  const me = useMe();
  if (!canManageOrg(me)) return <NotFound />;
  return <MembersManager />;
}

function MembersManager() {
  const { t, tEnum, fmt } = useI18n();
  const me = useMe();
  const members = useApi((signal) => api.members.list(me.org.id, signal), [me.org.id]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [form] = Form.useForm<MemberFormValues>();
  const [toast, toastHolder] = message.useMessage();
  const roleOptions = assignableRoles(me.role).map((r) => ({ value: r, label: tEnum("role", r) }));

  const add = async (values: MemberFormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      const added = await api.members.add(toMemberAddRequest(values));
      toast.success(t(added.created ? "members.added" : "members.attached"));
      setOpen(false);
      form.resetFields();
      members.reload();
    } catch (err) {
      // Field problems go onto the fields; the banner keeps the server's code and message.
      const problems = err instanceof ApiError ? fieldProblems(err.details) : [];
      form.setFields(
        problems
          .filter((p) => FORM_FIELDS.has(p.field))
          .map((p) => ({
            name: p.field as keyof MemberFormValues,
            errors: [fmt.server(p) ?? t("error.title")],
          })),
      );
      setFormError(err);
    } finally {
      setBusy(false);
    }
  };

  const act = async (
    userId: string,
    run: () => Promise<unknown>,
    done: "members.roleChanged" | "members.removed",
  ) => {
    setActionError(null);
    try {
      await run();
      // My own role changed (or I left): the session's role is stale, so start over from the top.
      if (userId === me.user.id) {
        window.location.assign("/");
        return;
      }
      toast.success(t(done));
    } catch (err) {
      setActionError(err);
    }
    members.reload();
  };

  const columns: ColumnsType<Member> = [
    {
      title: t("members.displayName"),
      key: "name",
      render: (_, m) => (
        <span data-testid="member-name">
          {m.displayName}
          {m.userId === me.user.id && <Tag style={{ marginInlineStart: 8 }}>{t("members.you")}</Tag>}
        </span>
      ),
    },
    { title: t("members.email"), dataIndex: "email", key: "email", responsive: ["md"] },
    {
      title: t("members.role"),
      key: "role",
      render: (_, m) => (
        <Tag color={ROLE_COLOR[m.role]} data-testid="member-role-tag" data-role={m.role}>
          {tEnum("role", m.role)}
        </Tag>
      ),
    },
    {
      title: t("members.actions"),
      key: "actions",
      render: (_, m) =>
        canEditMember(me.role, m.role) ? (
          <Space wrap>
            <Select<Role>
              size="small"
              style={{ minWidth: 110 }}
              value={m.role}
              options={roleOptions}
              aria-label={t("members.role")}
              data-testid="member-role-select"
              onChange={(role) =>
                act(m.userId, () => api.members.setRole(m.userId, { role }), "members.roleChanged")
              }
            />
            <Popconfirm
              title={t("members.removeConfirm")}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={() => act(m.userId, () => api.members.remove(m.userId), "members.removed")}
            >
              <Button danger size="small" data-testid="member-remove">
                {t("members.remove")}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <div data-testid="members-page">
      {toastHolder}
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={3}>{t("members.title")}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} data-testid="member-add" onClick={() => setOpen(true)}>
          {t("members.add")}
        </Button>
      </Space>
      {members.error !== null && <ErrorAlert error={members.error} onRetry={members.reload} />}
      {actionError !== null && (
        <div data-testid="member-action-error" style={{ marginBottom: 16 }}>
          <ErrorAlert error={actionError} />
        </div>
      )}
      <Table<Member>
        rowKey="userId"
        size="small"
        data-testid="members-table"
        loading={members.loading}
        columns={columns}
        dataSource={members.data?.items ?? []}
        locale={{ emptyText: t("members.empty") }}
        pagination={false}
      />
      <InvitationsPanel />
      <Modal
        open={open}
        title={t("members.add")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<MemberFormValues>
          form={form}
          layout="vertical"
          onFinish={add}
          initialValues={{ role: "member" }}
          data-testid="member-form"
        >
          <Form.Item
            name="email"
            label={t("members.email")}
            rules={[
              { required: true, whitespace: true, message: t("members.required") },
              { type: "email", message: t("members.emailInvalid") },
            ]}
          >
            <Input autoComplete="off" maxLength={254} data-testid="member-email" />
          </Form.Item>
          <Form.Item name="displayName" label={t("members.displayName")}>
            <Input maxLength={100} data-testid="member-display-name" />
          </Form.Item>
          <Form.Item
            name="role"
            label={t("members.role")}
            rules={[{ required: true, message: t("members.required") }]}
          >
            <Select<Role> options={roleOptions} data-testid="member-role" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("members.password")}
            extra={t("members.passwordHelp")}
            rules={[{ min: MEMBER_PASSWORD_MIN, message: t("members.passwordMin") }]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} data-testid="member-password" />
          </Form.Item>
          {formError !== null && <ErrorAlert error={formError} />}
        </Form>
      </Modal>
    </div>
  );
}
