import { BellOutlined } from "@ant-design/icons";
import type { Notification } from "@clusterbrain/contracts";
import { Badge, Button, List, Popover, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { api } from "../../shared/api/endpoints.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useLive } from "../jobs/use-live.hook.ts";
import { notificationText } from "./notification-text.ts";

/**
 * The notification centre in the header: grants, access requests (later alarms), newest first,
 * with an unread count that updates live (the "notification" topic of the live stream).
 */
export default function NotificationBell() {
  const { t, tEnum, pick, locale } = useI18n();
  const navigate = useNavigate();
  const list = useApi((signal) => api.notifications.list(signal), []);
  const [open, setOpen] = useState(false);
  useLive("notification", () => list.reload());
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(locale === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" });
  const text = (n: Notification) => notificationText(n, { t, tEnum, pick, date });

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (n.readAt === null) await api.notifications.read(n.id).catch(() => undefined);
    list.reload();
    if (n.link) navigate(n.link);
  };

  const content = (
    <div style={{ width: 340, maxWidth: "80vw" }} data-testid="notifications-panel">
      <Space style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Text strong>{t("notify.title")}</Typography.Text>
        <Button
          size="small"
          type="link"
          data-testid="notifications-read-all"
          disabled={(list.data?.unread ?? 0) === 0}
          onClick={() => void api.notifications.readAll().then(() => list.reload())}
        >
          {t("notify.readAll")}
        </Button>
      </Space>
      <List<Notification>
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("notify.empty") }}
        style={{ maxHeight: 360, overflowY: "auto" }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            style={{ cursor: "pointer", fontWeight: n.readAt === null ? 600 : 400 }}
            onClick={() => void openOne(n)}
          >
            <List.Item.Meta
              title={<span style={{ whiteSpace: "normal" }}>{text(n)}</span>}
              description={date(n.createdAt)}
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content}>
      <Badge count={list.data?.unread ?? 0} size="small" data-testid="notifications-count">
        <Button icon={<BellOutlined />} aria-label={t("notify.title")} data-testid="notifications-open" />
      </Badge>
    </Popover>
  );
}
