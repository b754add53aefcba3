import { routeTable, SHIPMENT_EVENT_TYPES, type ShipmentEventType } from "@clusterbrain/contracts";
import { Button, Card, Descriptions, Form, Input, Select, Timeline, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { StatusTag } from "../logistics/logistics.tags.tsx";
import { OrderStatusTag } from "./order-status.tag.tsx";

const r = routeTable.capacityExchange;

interface ShipForm {
  carrier: string;
  trackingNo: string;
  promisedOn: string;
}
interface EventForm {
  type: ShipmentEventType;
  location?: string;
}

/** One order: both parties see its status and shipment timeline; the seller ships it and adds tracking events. */
export default function OrderPage() {
  const { id = "" } = useParams();
  const { t, tEnum, pick, fmt } = useI18n();
  const me = useMe();
  const order = useApi((signal) => callRoute(r.orderGet, { params: { id } }, signal), [id]);
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      order.reload();
    } catch (e) {
      setError(e);
    }
  };
  const o = order.data;
  const seller = o !== undefined && o.sellerOrgId === me.org.id;
  return (
    <div data-testid="order-page" data-loaded={o ? "true" : "false"}>
      <Link to="/capacity-exchange">{t("cx.back")}</Link>
      {order.error ? <ErrorAlert error={order.error} onRetry={order.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {o ? (
        <>
          <Typography.Title level={3}>
            {t("cx.order")} · {tEnum("cx.process", o.process)} <OrderStatusTag status={o.status} />
          </Typography.Title>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("cx.buyer")}>{pick(o.buyerNameZh, o.buyerNameEn)}</Descriptions.Item>
            <Descriptions.Item label={t("cx.seller")}>
              {pick(o.sellerNameZh, o.sellerNameEn)}
            </Descriptions.Item>
            <Descriptions.Item label={t("cx.hours")}>{o.hours}</Descriptions.Item>
            <Descriptions.Item label={t("cx.price")}>{o.pricePerHour}</Descriptions.Item>
            <Descriptions.Item label={t("cx.dates")}>
              {o.startOn ?? "—"} – {o.endOn ?? "—"}
            </Descriptions.Item>
            {o.rfqId ? (
              <Descriptions.Item label={t("cx.rfq")}>
                <Link to={`/capacity-exchange/rfqs/${o.rfqId}`}>{t("cx.viewRfq")}</Link>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {!o.shipment && seller ? (
            <Card title={t("cx.ship")} size="small" style={{ marginBottom: 16 }}>
              <Form<ShipForm>
                layout="inline"
                onFinish={(v) => act(() => callRoute(r.orderShip, { params: { id }, body: v }))}
                initialValues={{ carrier: "顺丰速运", promisedOn: o.endOn ?? undefined }}
              >
                <Form.Item name="carrier" label={t("cx.carrier")} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="trackingNo" label={t("cx.trackingNo")} rules={[{ required: true }]}>
                  <Input data-testid="ship-tracking" />
                </Form.Item>
                <Form.Item name="promisedOn" label={t("cx.promisedOn")} rules={[{ required: true }]}>
                  <Input type="date" data-testid="ship-promised" />
                </Form.Item>
                <Button type="primary" htmlType="submit" data-testid="ship-create">
                  {t("cx.ship")}
                </Button>
              </Form>
            </Card>
          ) : null}
          {o.shipment ? (
            <Card
              size="small"
              title={
                <>
                  {t("cx.shipment")} · {o.shipment.carrier} {o.shipment.trackingNo}{" "}
                  <StatusTag status={o.shipment.status} />
                </>
              }
            >
              {seller && o.shipment.status !== "delivered" ? (
                <Form<EventForm>
                  layout="inline"
                  style={{ marginBottom: 16 }}
                  initialValues={{ type: "picked_up" }}
                  onFinish={(v) =>
                    act(() =>
                      callRoute(routeTable.logistics.addEvent, {
                        params: { id: o.shipment?.id ?? "" },
                        body: {
                          type: v.type,
                          occurredAt: new Date().toISOString(),
                          location: v.location ?? "",
                          note: "",
                          eta: null,
                        },
                      }),
                    )
                  }
                >
                  <Form.Item name="type" label={t("cx.eventType")}>
                    <Select
                      style={{ width: 160 }}
                      data-testid="event-type"
                      options={SHIPMENT_EVENT_TYPES.map((e) => ({
                        value: e,
                        label: tEnum("logistics.status", e),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name="location" label={t("cx.location")}>
                    <Input />
                  </Form.Item>
                  <Button htmlType="submit" data-testid="event-add">
                    {t("cx.addEvent")}
                  </Button>
                </Form>
              ) : null}
              {o.shipment.events.length === 0 ? <p>{t("logistics.noEvents")}</p> : null}
              <Timeline
                data-testid="order-timeline"
                items={[...o.shipment.events].reverse().map((e) => ({
                  key: e.id,
                  color: e.type === "exception" ? "red" : e.type === "delivered" ? "green" : "blue",
                  children: (
                    <div data-testid={`order-event-${e.type}`}>
                      <strong>{tEnum("logistics.status", e.type)}</strong> · {fmt.dateTime(e.occurredAt)}
                      {e.location ? ` · ${e.location}` : ""}
                    </div>
                  ),
                }))}
              />
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
