import type { Booking } from "@clusterbrain/contracts";
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Rate,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canManageOrg } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { resourcesApi } from "./resources.api.ts";

const STATUS_COLOR: Record<Booking["status"], string> = {
  pending: "processing",
  approved: "green",
  declined: "red",
  cancelled: "default",
  completed: "blue",
};

type ActionKind = "approve" | "decline" | "cancel" | "usage" | "rate";
interface Pending {
  booking: Booking;
  kind: ActionKind;
}
interface ActionValues {
  note?: string;
  usedHours?: number;
  rating?: number;
}

/** The owner's approval queue (incoming) and the bookings my org made (outgoing). */
export default function BookingsPage() {
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const manage = canManageOrg(me);
  const write = me.role !== "viewer";
  const list = useApi((signal) => resourcesApi.bookings(signal), []);
  const [action, setAction] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<ActionValues>();
  const [toast, toastHolder] = message.useMessage();

  const open = (booking: Booking, kind: ActionKind) => {
    setError(null);
    form.resetFields();
    if (kind === "usage")
      form.setFieldsValue({
        usedHours: (Date.parse(booking.endsAt) - Date.parse(booking.startsAt)) / 3_600_000,
      });
    setAction({ booking, kind });
  };

  const run = async (values: ActionValues) => {
    if (!action) return;
    setBusy(true);
    setError(null);
    const id = action.booking.id;
    const note = values.note?.trim() || undefined;
    try {
      if (action.kind === "approve") await resourcesApi.approve(id, { note });
      else if (action.kind === "decline") await resourcesApi.decline(id, { note });
      else if (action.kind === "cancel") await resourcesApi.cancel(id, { note });
      else if (action.kind === "usage")
        await resourcesApi.usage(id, { usedHours: values.usedHours ?? 0, note });
      else await resourcesApi.rate(id, { rating: values.rating ?? 5, comment: note });
      toast.success(t("bookings.done"));
      setAction(null);
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const button = (b: Booking, kind: ActionKind, primary = false) => (
    <Button
      key={kind}
      size="small"
      type={primary ? "primary" : "default"}
      danger={kind === "decline" || kind === "cancel"}
      data-testid={`booking-${kind}`}
      onClick={() => open(b, kind)}
    >
      {t(`bookings.${kind}`)}
    </Button>
  );

  const actionsFor = (b: Booking, side: "incoming" | "outgoing") => {
    const started = Date.parse(b.startsAt) <= Date.now();
    const out: React.ReactNode[] = [];
    if (side === "incoming" && manage) {
      if (b.status === "pending") out.push(button(b, "approve", true), button(b, "decline"));
      if (b.status === "approved" && started) out.push(button(b, "usage", true));
      if ((b.status === "pending" || b.status === "approved") && Date.parse(b.endsAt) > Date.now())
        out.push(button(b, "cancel"));
    }
    if (side === "outgoing" && write) {
      if ((b.status === "pending" || b.status === "approved") && !started) out.push(button(b, "cancel"));
      if (b.status === "completed" && b.rating === null) out.push(button(b, "rate", true));
    }
    return <Space wrap>{out}</Space>;
  };

  const columns = (side: "incoming" | "outgoing"): ColumnsType<Booking> => [
    {
      title: t("bookings.resource"),
      key: "resource",
      render: (_, b) => (
        <Link to={`/resources/${b.resourceId}`}>{pick(b.resourceNameZh, b.resourceNameEn)}</Link>
      ),
    },
    {
      title: side === "incoming" ? t("bookings.requester") : t("bookings.owner"),
      key: "party",
      render: (_, b) =>
        side === "incoming" ? pick(b.requesterNameZh, b.requesterNameEn) : pick(b.ownerNameZh, b.ownerNameEn),
    },
    {
      title: t("bookings.when"),
      key: "when",
      render: (_, b) => `${fmt.dateTime(b.startsAt)} – ${fmt.dateTime(b.endsAt).slice(-5)}`,
    },
    { title: t("resources.purpose"), dataIndex: "purpose", key: "purpose", responsive: ["lg"] },
    { title: t("bookings.cost"), key: "cost", render: (_, b) => fmt.number(b.cost) },
    {
      title: t("bookings.status"),
      key: "status",
      render: (_, b) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLOR[b.status]} data-testid="booking-status">
            {tEnum("bookings.status", b.status)}
          </Tag>
          {b.decisionNote && <Typography.Text type="secondary">{b.decisionNote}</Typography.Text>}
          {b.cancelReason && <Typography.Text type="secondary">{b.cancelReason}</Typography.Text>}
          {b.rating !== null && (
            <Typography.Text type="secondary">{t("bookings.ratedAs", { rating: b.rating })}</Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t("bookings.actions"), key: "actions", render: (_, b) => actionsFor(b, side) },
  ];

  const table = (side: "incoming" | "outgoing") => (
    <Table<Booking>
      rowKey="id"
      size="small"
      data-testid={`bookings-${side}`}
      data-loaded={list.loading ? "false" : "true"}
      loading={list.loading}
      columns={columns(side)}
      dataSource={list.data?.[side] ?? []}
      locale={{ emptyText: t("bookings.empty") }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: true }}
    />
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="bookings-page">
      {toastHolder}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("bookings.title")}
      </Typography.Title>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Card size="small" title={t("bookings.incoming")}>
        {table("incoming")}
      </Card>
      <Card size="small" title={t("bookings.outgoing")}>
        {table("outgoing")}
      </Card>
      <Modal
        open={action !== null}
        title={action ? t(`bookings.${action.kind}`) : ""}
        okText={t("bookings.confirm")}
        okButtonProps={{ "data-testid": "booking-action-ok" } as Record<string, string>}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Form<ActionValues> form={form} layout="vertical" data-testid="booking-action-form" onFinish={run}>
          {action?.kind === "usage" && (
            <Form.Item name="usedHours" label={t("bookings.usedHours")} rules={[{ required: true }]}>
              <InputNumber<number> min={0} max={336} step={0.5} />
            </Form.Item>
          )}
          {action?.kind === "rate" && (
            <Form.Item name="rating" label={t("bookings.stars")} rules={[{ required: true }]}>
              <Rate />
            </Form.Item>
          )}
          <Form.Item name="note" label={action?.kind === "rate" ? t("bookings.comment") : t("bookings.note")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
        {error !== null && <ErrorAlert error={error} />}
      </Modal>
    </Space>
  );
}
