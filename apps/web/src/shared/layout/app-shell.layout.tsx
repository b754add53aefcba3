import { GlobalOutlined, LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Drawer, Grid, Layout, Menu, Space, Typography } from "antd";
import { lazy, Suspense, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useMe, useSession } from "../auth/session.context.tsx";
import { DataText } from "../ui/data-text.component.tsx";
import { PageLoading } from "../ui/page-loading.component.tsx";
import { breadcrumbTrail } from "./breadcrumbs.ts";
import { activeNavKey, navItemsFor } from "./nav.items.tsx";
import { hasSeveralOrgs, OrgSwitcher } from "./org-switcher.component.tsx";

const { Header, Sider, Content } = Layout;
// Its own chunk: the live stream's schema (zod) stays out of the first load.
const NotificationBell = lazy(() => import("../../features/notifications/notification-bell.component.tsx"));
const GlobalSearch = lazy(() => import("../../features/global-search.component.tsx"));

/**
 * Signed-in frame: a collapsible sider on wide screens; below antd's `lg` breakpoint (992 px) the
 * menu moves into a drawer opened from the header, so it stays reachable at 768 px.
 */
export function AppShell() {
  const { t, locale, setLocale, pick, tEnum } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = navItemsFor(me).map((item) => ({
    key: item.key,
    icon: item.icon,
    label: <span data-testid={`nav-${item.key}`}>{t(item.label)}</span>,
    path: item.path,
  }));
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      data-testid="nav-menu"
      selectedKeys={[activeNavKey(pathname)]}
      items={items.map(({ path: _path, ...rest }) => rest)}
      onClick={({ key }) => {
        const target = items.find((i) => i.key === key);
        if (target !== undefined) navigate(target.path);
        setDrawerOpen(false);
      }}
    />
  );
  const brand = (
    <div
      style={{ color: "#fff", padding: "16px", fontWeight: 600, whiteSpace: "nowrap", overflow: "hidden" }}
    >
      {collapsed && wide ? "CB" : t("app.title")}
    </div>
  );

  return (
    <Layout style={{ minHeight: "100vh" }} data-testid="app-shell">
      {wide && (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} data-testid="sider">
          {brand}
          {menu}
        </Sider>
      )}
      {!wide && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          styles={{ body: { padding: 0, background: "#001529" } }}
          closable={false}
          data-testid="nav-drawer"
        >
          {brand}
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            background: "#fff",
            padding: "0 16px",
            // antd's 64px line-height would push wrapped or ellipsised text off the centre line.
            lineHeight: "normal",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            gap: 12,
          }}
        >
          <Space>
            {!wide && (
              <Button
                icon={<MenuOutlined />}
                aria-label={t("nav.menu")}
                data-testid="menu-toggle"
                onClick={() => setDrawerOpen(true)}
              />
            )}
            {hasSeveralOrgs(me) ? (
              <OrgSwitcher me={me} />
            ) : (
              <Typography.Text strong ellipsis data-testid="shell-org">
                {pick(me.org.nameZh, me.org.nameEn)}
              </Typography.Text>
            )}
          </Space>
          <Space wrap={false}>
            {screens.md === true && (
              <Suspense fallback={null}>
                <GlobalSearch />
              </Suspense>
            )}
            {wide && (
              <Typography.Text type="secondary" data-testid="shell-user">
                <DataText text={me.user.displayName} /> ·{" "}
                {me.isOperator ? t("role.operator") : tEnum("role", me.role)}
              </Typography.Text>
            )}
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <Button
              icon={<GlobalOutlined />}
              data-testid="language-switch"
              lang={locale === "en" ? "zh-CN" : "en"}
              onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
            >
              {t("shell.switchLanguage")}
            </Button>
            <Button
              icon={<LogoutOutlined />}
              data-testid="logout"
              onClick={() => {
                void logout().finally(() => navigate("/login"));
              }}
            >
              {screens.md === true ? t("shell.logout") : null}
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: wide ? 24 : 12 }}>
          <Breadcrumb
            style={{ marginBottom: 8 }}
            data-testid="breadcrumbs"
            items={breadcrumbTrail(pathname).map((c) => ({
              title: c.path ? <Link to={c.path}>{t(c.label)}</Link> : t(c.label),
            }))}
          />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
