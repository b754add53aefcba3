import { GlobalOutlined } from "@ant-design/icons";
import { MEMBER_PASSWORD_MIN } from "@clusterbrain/contracts";
import { Alert, Button, Card, Descriptions, Form, Input, Result, Space, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useSession } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { PageLoading } from "../../shared/ui/page-loading.component.tsx";
import { invitationProblem } from "./invitation-refusal.ts";

interface RegisterForm {
  displayName: string;
  password: string;
  confirm: string;
}

/**
 * The public page behind an invitation link: shows the org and role, then lets the invitee join —
 * signed in with the invited email, or by creating an account. Joining signs in to that org.
 */
export default function AcceptInvitationPage() {
  const { token = "" } = useParams();
  const { t, tEnum, pick, locale, setLocale } = useI18n();
  const { state, logout } = useSession();
  const navigate = useNavigate();
  const preview = useApi((signal) => api.invitations.preview(token, signal), [token]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<RegisterForm>();

  // The server set the new session's cookie: start the app afresh in the invited org.
  const accept = async (body: { displayName?: string; password?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.invitations.accept(token, body);
      window.location.assign("/");
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const problemOf = (err: unknown) => {
    const problem = invitationProblem(err);
    return problem === null ? null : (
      <Result
        status="warning"
        title={t("invite.unusable")}
        subTitle={<span data-testid="invite-problem">{t(`invite.reason.${problem}`)}</span>}
        extra={
          <Button type="primary" onClick={() => navigate("/")}>
            {t("app.backHome")}
          </Button>
        }
      />
    );
  };

  let body: ReactNode;
  if (preview.loading || state.status === "loading") body = <PageLoading />;
  else if (preview.error !== null || preview.data === undefined)
    body = problemOf(preview.error) ?? <ErrorAlert error={preview.error} onRetry={preview.reload} />;
  else {
    const inv = preview.data;
    const me = state.status === "signed-in" ? state.me : null;
    const org = pick(inv.orgNameZh, inv.orgNameEn);
    let action: ReactNode;
    if (me !== null && me.user.email === inv.email) {
      action = (
        <Button type="primary" block loading={busy} data-testid="invite-accept" onClick={() => accept({})}>
          {t("invite.accept")}
        </Button>
      );
    } else if (me !== null) {
      action = (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Alert
            type="warning"
            showIcon
            title={t("invite.signedInAs", { email: me.user.email, invited: inv.email })}
          />
          <Button block onClick={() => void logout()} data-testid="invite-sign-out">
            {t("invite.signOut")}
          </Button>
        </Space>
      );
    } else if (inv.accountExists) {
      action = (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Alert type="info" showIcon title={t("invite.signInToAccept")} />
          <Button
            type="primary"
            block
            data-testid="invite-sign-in"
            onClick={() => navigate("/login", { state: { from: `/invite/${token}` } })}
          >
            {t("invite.signIn")}
          </Button>
        </Space>
      );
    } else {
      action = (
        <Form<RegisterForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          data-testid="invite-register-form"
          onFinish={(v) => accept({ displayName: v.displayName.trim(), password: v.password })}
        >
          <Typography.Title level={5}>{t("invite.register")}</Typography.Title>
          <Form.Item
            name="displayName"
            label={t("invite.displayName")}
            rules={[{ required: true, whitespace: true, message: t("members.required") }]}
          >
            <Input maxLength={100} autoComplete="name" data-testid="invite-display-name" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("invite.password")}
            rules={[
              { required: true, message: t("members.required") },
              { min: MEMBER_PASSWORD_MIN, message: t("members.passwordMin") },
            ]}
          >
            <Input.Password maxLength={200} autoComplete="new-password" data-testid="invite-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t("invite.passwordConfirm")}
            dependencies={["password"]}
            rules={[
              { required: true, message: t("members.required") },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue("password")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("invite.passwordMismatch"))),
              }),
            ]}
          >
            <Input.Password
              maxLength={200}
              autoComplete="new-password"
              data-testid="invite-password-confirm"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="invite-accept">
            {t("invite.accept")}
          </Button>
        </Form>
      );
    }
    body = (
      <Space orientation="vertical" style={{ width: "100%" }} size="middle">
        <Typography.Title level={4} data-testid="invite-summary">
          {t("invite.summary", { org, role: tEnum("role", inv.role) })}
        </Typography.Title>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("invite.email")}>
            <span data-testid="invite-email-shown">{inv.email}</span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">
          {t("invite.expires", {
            date: new Date(inv.expiresAt).toLocaleString(locale === "en" ? "en-GB" : "zh-CN"),
          })}
        </Typography.Text>
        {action}
        {error !== null && (problemOf(error) ?? <ErrorAlert error={error} />)}
      </Space>
    );
  }

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "linear-gradient(135deg, #001529 0%, #0a4a7a 100%)",
        padding: 16,
      }}
    >
      <Card style={{ width: "100%", maxWidth: 480 }} data-testid="invite-card">
        <Space style={{ width: "100%", justifyContent: "space-between" }} align="start">
          <Typography.Text type="secondary">{t("invite.title")}</Typography.Text>
          <Button
            size="small"
            icon={<GlobalOutlined />}
            data-testid="language-switch"
            onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
          >
            {t("shell.switchLanguage")}
          </Button>
        </Space>
        {body}
      </Card>
    </div>
  );
}
