import { type Quote, type RfqMatch, routeTable } from "@clusterbrain/contracts";
import {
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

const r = routeTable.capacityExchange;

interface QuoteForm {
  offerId: string;
  hours: number;
  pricePerHour: number;
  startOn: string;
  endOn: string;
  note?: string;
}

/** One RFQ: the buyer sees ranked matches with reasons, invites and accepts; an invited supplier quotes. */
export default function RfqPage() {
  const { id = "" } = useParams();
  const { t, tEnum, pick } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const rfq = useApi((signal) => callRoute(r.rfqGet, { params: { id } }, signal), [id]);
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      rfq.reload();
    } catch (e) {
      setError(e);
    }
  };
  const q = rfq.data;
  const buyer = q !== undefined && q.buyerOrgId === me.org.id;
  const accept = (quote: Quote) =>
    act(async () => {
      const order = await callRoute(r.quoteAccept, { params: { id: quote.id }, body: {} });
      navigate(`/capacity-exchange/orders/${order.id}`);
    });
  return (
    <div data-testid="rfq-page" data-loaded={q ? "true" : "false"}>
      <Link to="/capacity-exchange/rfqs">{t("cx.backRfqs")}</Link>
      {rfq.error ? <ErrorAlert error={rfq.error} onRetry={rfq.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {q ? (
        <>
          <Typography.Title level={3}>
            {t("cx.rfq")} · {tEnum("cx.process", q.process)}
          </Typography.Title>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("cx.buyer")}>{pick(q.buyerNameZh, q.buyerNameEn)}</Descriptions.Item>
            <Descriptions.Item label={t("cx.hours")}>{q.hours}</Descriptions.Item>
            <Descriptions.Item label={t("cx.window")}>
              {q.windowFrom} – {q.windowTo}
            </Descriptions.Item>
            <Descriptions.Item label={t("cx.status")}>
              <span data-testid="rfq-status">{tEnum("cx.rfqStatus", q.status)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("cx.spec")}>
              <DataText text={q.spec} />
            </Descriptions.Item>
            <Descriptions.Item label={t("cx.certs")}>{q.certifications.join(", ")}</Descriptions.Item>
          </Descriptions>
          {buyer ? (
            <Card title={t("cx.matches")} size="small" style={{ marginBottom: 16 }}>
              <Table<RfqMatch>
                size="small"
                rowKey={(m) => m.offer.id}
                dataSource={q.matches}
                pagination={false}
                locale={{ emptyText: t("cx.noMatches") }}
                onRow={(m) => ({ "data-match": m.offer.id }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t("cx.seller"), render: (_, m) => pick(m.offer.orgNameZh, m.offer.orgNameEn) },
                  { title: t("cx.score"), render: (_, m) => m.score.toFixed(2) },
                  {
                    title: t("cx.reasons"),
                    render: (_, m) => (
                      <Space wrap size={2}>
                        {m.reasons.map((reason) => (
                          <Tag
                            key={reason.code}
                            color={reason.value >= 0.99 ? "green" : reason.value > 0 ? "gold" : "default"}
                          >
                            {t(`cx.reason.${reason.code}`, {
                              figure: reason.figure,
                              pct: Math.round(reason.value * 100),
                            })}
                          </Tag>
                        ))}
                      </Space>
                    ),
                  },
                  { title: t("cx.available"), render: (_, m) => m.offer.hoursAvailable },
                  { title: t("cx.price"), render: (_, m) => m.offer.pricePerHour },
                  {
                    title: t("cx.invite"),
                    render: (_, m) =>
                      m.invited ? (
                        <Tag color="blue">{t("cx.invited")}</Tag>
                      ) : q.status === "open" ? (
                        <Button
                          size="small"
                          data-testid="match-invite"
                          onClick={() =>
                            act(() =>
                              callRoute(r.rfqInvite, { params: { id }, body: { offerId: m.offer.id } }),
                            )
                          }
                        >
                          {t("cx.invite")}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </Card>
          ) : (
            <Card title={t("cx.answer")} size="small" style={{ marginBottom: 16 }}>
              {q.status === "open" ? (
                <Form<QuoteForm>
                  layout="inline"
                  onFinish={(v) =>
                    act(() =>
                      callRoute(r.quoteCreate, { params: { id }, body: { ...v, note: v.note ?? "" } }),
                    )
                  }
                  initialValues={{
                    offerId: q.invitedOfferIds[0],
                    hours: q.hours,
                    startOn: q.windowFrom,
                    endOn: q.windowTo,
                  }}
                >
                  <Form.Item name="offerId" label={t("cx.offer")}>
                    <Select
                      style={{ width: 220 }}
                      options={q.invitedOfferIds.map((o) => ({ value: o, label: o.slice(0, 8) }))}
                    />
                  </Form.Item>
                  <Form.Item name="hours" label={t("cx.hours")} rules={[{ required: true }]}>
                    <InputNumber min={1} />
                  </Form.Item>
                  <Form.Item name="pricePerHour" label={t("cx.price")} rules={[{ required: true }]}>
                    <InputNumber min={0.01} data-testid="quote-price" />
                  </Form.Item>
                  <Form.Item name="startOn" label={t("cx.startOn")} rules={[{ required: true }]}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name="endOn" label={t("cx.endOn")} rules={[{ required: true }]}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name="note" label={t("cx.note")}>
                    <Input />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" data-testid="quote-send">
                    {t("cx.sendQuote")}
                  </Button>
                </Form>
              ) : null}
            </Card>
          )}
          <Card title={t("cx.quotes")} size="small">
            <Table<Quote>
              size="small"
              rowKey="id"
              dataSource={q.quotes}
              pagination={false}
              locale={{ emptyText: t("cx.none") }}
              onRow={(x) => ({ "data-quote": x.status }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t("cx.seller"), render: (_, x) => pick(x.supplierNameZh, x.supplierNameEn) },
                { title: t("cx.hours"), dataIndex: "hours" },
                { title: t("cx.price"), dataIndex: "pricePerHour" },
                { title: t("cx.dates"), render: (_, x) => `${x.startOn} – ${x.endOn}` },
                { title: t("cx.note"), render: (_, x) => <DataText text={x.note} /> },
                { title: t("cx.status"), render: (_, x) => tEnum("cx.quoteStatus", x.status) },
                {
                  title: "",
                  render: (_, x) =>
                    x.orderId ? (
                      <Link to={`/capacity-exchange/orders/${x.orderId}`} data-testid="quote-order">
                        {t("cx.viewOrder")}
                      </Link>
                    ) : buyer && x.status === "open" && q.status === "open" ? (
                      <Button
                        type="primary"
                        size="small"
                        data-testid="quote-accept"
                        onClick={() => accept(x)}
                      >
                        {t("cx.accept")}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
