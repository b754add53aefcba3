import {
  CAPACITY_PROCESSES,
  type CapacityOffer,
  type CapacityOrder,
  type CapacityProcess,
  routeTable,
} from "@clusterbrain/contracts";
import { Button, Card, Form, Input, InputNumber, message, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { OrderStatusTag } from "./order-status.tag.tsx";
import { ScheduleOffersCard } from "./schedule-offers.card.tsx";

const r = routeTable.capacityExchange;

interface OfferForm {
  process: CapacityProcess;
  hours: number;
  pricePerHour: number;
  certifications?: string;
  leadTimeDays: number;
}

/** Offers of every firm (cheapest first), publishing my own, booking hours, and my orders. */
export default function CapacityExchangePage() {
  const { t, tEnum, pick } = useI18n();
  const [toast, toastHolder] = message.useMessage();
  const offers = useApi((signal) => callRoute(r.offers, { query: {} }, signal), []);
  const orders = useApi((signal) => callRoute(r.orders, {}, signal), []);
  const [error, setError] = useState<unknown>(null);
  const [hours, setHours] = useState<Record<string, number>>({});

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      offers.reload();
      orders.reload();
    } catch (e) {
      setError(e);
    }
  };
  const publish = (v: OfferForm) =>
    act(() =>
      callRoute(r.offer, {
        body: {
          process: v.process,
          hours: v.hours,
          pricePerHour: v.pricePerHour,
          leadTimeDays: v.leadTimeDays,
          certifications: (v.certifications ?? "")
            .split(/[,，]/)
            .map((s) => s.trim())
            .filter(Boolean),
        },
      }),
    );
  const book = (o: CapacityOffer) =>
    act(async () => {
      const h = hours[o.id] ?? o.hoursAvailable;
      await callRoute(r.accept, { params: { id: o.id }, body: { hours: h } });
      toast.success(t("cx.booked", { hours: h }));
    });

  const orderColumns = [
    {
      title: t("cx.process"),
      dataIndex: "process",
      render: (p: string, o: CapacityOrder) => (
        <Link to={`/capacity-exchange/orders/${o.id}`} data-testid="order-link">
          {tEnum("cx.process", p)}
        </Link>
      ),
    },
    { title: t("cx.buyer"), render: (_: unknown, o: CapacityOrder) => pick(o.buyerNameZh, o.buyerNameEn) },
    { title: t("cx.seller"), render: (_: unknown, o: CapacityOrder) => pick(o.sellerNameZh, o.sellerNameEn) },
    { title: t("cx.hours"), dataIndex: "hours" },
    { title: t("cx.price"), dataIndex: "pricePerHour" },
    {
      title: t("cx.status"),
      render: (_: unknown, o: CapacityOrder) => <OrderStatusTag status={o.status} />,
    },
  ];
  return (
    <div data-testid="capacity-exchange-page">
      {toastHolder}
      <Typography.Title level={3}>{t("cx.title")}</Typography.Title>
      {error ? <ErrorAlert error={error} /> : null}
      <p>
        <Link to="/capacity-exchange/rfqs" data-testid="rfqs-link">
          {t("cx.rfqs")}
        </Link>
      </p>
      <ScheduleOffersCard onOffered={offers.reload} />
      <Card title={t("cx.newOffer")} size="small" style={{ marginBottom: 16 }}>
        <Form<OfferForm>
          layout="inline"
          onFinish={publish}
          initialValues={{ process: "winding", hours: 40, pricePerHour: 150, leadTimeDays: 7 }}
        >
          <Form.Item name="process" label={t("cx.process")}>
            <Select
              style={{ width: 140 }}
              options={CAPACITY_PROCESSES.map((p) => ({ value: p, label: tEnum("cx.process", p) }))}
            />
          </Form.Item>
          <Form.Item name="hours" label={t("cx.hours")} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="pricePerHour" label={t("cx.price")} rules={[{ required: true }]}>
            <InputNumber min={0.01} />
          </Form.Item>
          <Form.Item name="leadTimeDays" label={t("cx.lead")} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="certifications" label={t("cx.certs")}>
            <Input placeholder="ISO 13485" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("cx.publish")}
          </Button>
        </Form>
      </Card>
      <Card title={t("cx.offers")} size="small" style={{ marginBottom: 16 }}>
        {offers.error ? <ErrorAlert error={offers.error} onRetry={offers.reload} /> : null}
        <Table<CapacityOffer>
          size="small"
          rowKey="id"
          loading={offers.loading}
          dataSource={offers.data?.items ?? []}
          locale={{ emptyText: t("cx.none") }}
          columns={[
            { title: t("cx.process"), dataIndex: "process", render: (p: string) => tEnum("cx.process", p) },
            { title: t("cx.seller"), render: (_, o) => pick(o.orgNameZh, o.orgNameEn) },
            { title: t("cx.available"), dataIndex: "hoursAvailable" },
            { title: t("cx.price"), dataIndex: "pricePerHour" },
            { title: t("cx.lead"), dataIndex: "leadTimeDays" },
            {
              title: t("cx.window"),
              render: (_, o) => (o.availableFrom ? `${o.availableFrom} – ${o.availableTo}` : t("cx.anytime")),
            },
            {
              title: t("cx.source"),
              render: (_, o) =>
                o.source === "schedule"
                  ? `${t("cx.source.schedule")} · ${o.workCentre}`
                  : t("cx.source.manual"),
            },
            { title: t("cx.certs"), render: (_, o) => o.certifications.join(", ") },
            {
              title: t("cx.book"),
              render: (_, o) => (
                <Space>
                  <InputNumber
                    min={1}
                    max={o.hoursAvailable}
                    value={hours[o.id] ?? o.hoursAvailable}
                    onChange={(v) => setHours((h) => ({ ...h, [o.id]: Number(v ?? 1) }))}
                  />
                  <Button onClick={() => book(o)}>{t("cx.book")}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t("cx.orders")} size="small">
        <Typography.Title level={5}>{t("cx.bought")}</Typography.Title>
        <Table
          size="small"
          rowKey="id"
          dataSource={orders.data?.bought ?? []}
          columns={orderColumns}
          pagination={false}
          locale={{ emptyText: t("cx.none") }}
        />
        <Typography.Title level={5}>{t("cx.sold")}</Typography.Title>
        <Table
          size="small"
          rowKey="id"
          dataSource={orders.data?.sold ?? []}
          columns={orderColumns}
          pagination={false}
          locale={{ emptyText: t("cx.none") }}
        />
      </Card>
    </div>
  );
}
