import type { HubEvent, Registration } from "@clusterbrain/contracts";
import { Button, Card, Drawer, Form, Input, List, Modal, message, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { eventsApi } from "./events.api.ts";

const KIND_COLOR: Record<HubEvent["kind"], string> = {
  fair: "magenta",
  conference: "blue",
  matchmaking: "green",
};

/** The organiser's view of one event: who registered, and check-in at the door. */
function Registrations({ event, onClose }: { event: HubEvent; onClose: () => void }) {
  const { t, pick, fmt } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const list = useApi((signal) => eventsApi.registrations(event.id, signal), [event.id]);
  const checkIn = async (r: Registration) => {
    setError(null);
    try {
      await eventsApi.checkIn(r.id);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Drawer
      open
      width={640}
      title={`${t("events.manage")} · ${pick(event.titleZh, event.titleEn)}`}
      onClose={onClose}
    >
      {(list.error ?? error) !== null && <ErrorAlert error={list.error ?? error} />}
      <Table<Registration>
        rowKey="id"
        size="small"
        data-testid="event-registrations"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("events.noRegistrations") }}
        pagination={false}
        columns={[
          { title: t("events.org"), key: "org", render: (_, r) => pick(r.orgNameZh, r.orgNameEn) },
          { title: t("events.attendee"), dataIndex: "attendee", key: "attendee" },
          {
            title: t("events.checkIn"),
            key: "checkIn",
            render: (_, r) =>
              r.checkedInAt ? (
                <Tag color="green">{`${t("events.checkedIn")} ${fmt.dateTime(r.checkedInAt)}`}</Tag>
              ) : (
                <Button size="small" type="primary" data-testid="event-check-in" onClick={() => checkIn(r)}>
                  {t("events.checkIn")}
                </Button>
              ),
          },
        ]}
      />
    </Drawer>
  );
}

/** Fairs, conferences and matchmaking sessions: register my org; organisers manage check-in. */
export default function EventsPage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const list = useApi((signal) => eventsApi.list(signal), []);
  const [registering, setRegistering] = useState<HubEvent | null>(null);
  const [managing, setManaging] = useState<HubEvent | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ attendee: string }>();
  const [toast, toastHolder] = message.useMessage();

  const register = async (values: { attendee: string }) => {
    if (!registering) return;
    setBusy(true);
    setError(null);
    try {
      await eventsApi.register(registering.id, values);
      toast.success(t("events.registerOk"));
      setRegistering(null);
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const status = (e: HubEvent) => {
    if (e.myCheckedIn) return <Tag color="green">{t("events.checkedIn")}</Tag>;
    if (e.myRegistrationId) return <Tag color="blue">{t("events.registeredMine")}</Tag>;
    if (e.capacity !== null && e.registered >= e.capacity) return <Tag>{t("events.full")}</Tag>;
    if (me.role === "viewer" || Date.parse(e.endsAt) <= Date.now()) return null;
    return (
      <Button
        size="small"
        type="primary"
        data-testid="event-register"
        onClick={() => {
          setError(null);
          form.resetFields();
          form.setFieldsValue({ attendee: me.user.displayName });
          setRegistering(e);
        }}
      >
        {t("events.register")}
      </Button>
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="events-page">
      {toastHolder}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("events.title")}
      </Typography.Title>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <List<HubEvent>
        data-testid="events-list"
        data-loaded={list.loading ? "false" : "true"}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("events.empty") }}
        renderItem={(e) => (
          <List.Item key={e.id} data-testid="event-item">
            <Card size="small" style={{ width: "100%" }}>
              <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                <Space wrap>
                  <Tag color={KIND_COLOR[e.kind]}>{tEnum("events.kind", e.kind)}</Tag>
                  <Typography.Text strong>{pick(e.titleZh, e.titleEn)}</Typography.Text>
                  {status(e)}
                </Space>
                <Typography.Text type="secondary">
                  {t("events.organiser")}: {pick(e.organiserNameZh, e.organiserNameEn)} ·{" "}
                  {fmt.dateTime(e.startsAt)} – {fmt.dateTime(e.endsAt)} · {e.location}
                </Typography.Text>
                {e.description && (
                  <Typography.Paragraph style={{ marginBottom: 0 }}>{e.description}</Typography.Paragraph>
                )}
                <Space wrap>
                  <Typography.Text>
                    {e.capacity === null
                      ? t("events.registered", { count: e.registered })
                      : t("events.capacity", { count: e.registered, capacity: e.capacity })}
                  </Typography.Text>
                  {e.mine && (
                    <Button size="small" data-testid="event-manage" onClick={() => setManaging(e)}>
                      {t("events.manage")}
                    </Button>
                  )}
                </Space>
              </Space>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={registering !== null}
        title={
          registering ? `${t("events.register")} · ${pick(registering.titleZh, registering.titleEn)}` : ""
        }
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setRegistering(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={register}>
          <Form.Item
            name="attendee"
            label={t("events.attendee")}
            rules={[{ required: true, whitespace: true, message: t("events.attendeeRequired") }]}
          >
            <Input maxLength={200} data-testid="event-attendee" />
          </Form.Item>
        </Form>
        {error !== null && <ErrorAlert error={error} />}
      </Modal>
      {managing && <Registrations event={managing} onClose={() => setManaging(null)} />}
    </Space>
  );
}
