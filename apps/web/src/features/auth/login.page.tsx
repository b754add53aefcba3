import { GlobalOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useSession } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

interface LoginForm {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { t, tEnum, locale, setLocale, pick } = useI18n();
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The server decides whether demo accounts may be shown (development mode only).
  const demo = useApi((signal) => api.auth.demoAccounts(signal).catch(() => null), []);

  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (state.status === "signed-in") return <Navigate to={from} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await login(values);
      navigate(from, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const accounts = demo.data?.devMode === true ? demo.data.accounts : [];
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
      <Space orientation="vertical" size="large" style={{ width: "100%", maxWidth: 420 }}>
        <Card data-testid="login-card">
          <Space style={{ width: "100%", justifyContent: "space-between" }} align="start">
            <div>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="login-title">
                {t("app.title")}
              </Typography.Title>
              <Typography.Text type="secondary">{t("app.subtitle")}</Typography.Text>
            </div>
            <Button
              size="small"
              icon={<GlobalOutlined />}
              data-testid="language-switch"
              onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
            >
              {t("shell.switchLanguage")}
            </Button>
          </Space>
          <Typography.Title level={5}>{t("login.title")}</Typography.Title>
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="email"
              label={t("login.email")}
              rules={[{ required: true, message: t("login.emailRequired") }]}
            >
              <Input autoComplete="username" autoFocus data-testid="login-email" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("login.password")}
              rules={[{ required: true, message: t("login.passwordRequired") }]}
            >
              <Input.Password autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {error !== null && (
              <Form.Item>
                <ErrorAlert error={error} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t("login.submit")}
            </Button>
          </Form>
        </Card>
        {accounts.length > 0 && (
          <Card size="small" title={t("login.demoTitle")} data-testid="demo-accounts">
            <List
              size="small"
              dataSource={accounts}
              renderItem={(account) => (
                <List.Item
                  data-testid={`demo-account-${account.persona}`}
                  actions={[
                    <Button
                      key="use"
                      size="small"
                      type="link"
                      data-testid={`demo-use-${account.persona}`}
                      onClick={() =>
                        form.setFieldsValue({ email: account.email, password: account.password })
                      }
                    >
                      {t("login.demoUse")}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={`${tEnum("role", account.persona === "operator" ? "operator" : account.role)} · ${pick(account.orgNameZh, account.orgNameEn)}`}
                    description={
                      <span>
                        {account.email} / <code>{account.password}</code>
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
      </Space>
    </div>
  );
}
