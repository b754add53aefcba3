import { CAPACITY_PROCESSES, type CapacityProcess, type Rfq, routeTable } from "@clusterbrain/contracts";
import { Button, Card, Form, Input, InputNumber, Select, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { callRoute } from "../../shared/api/route.client.ts";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { DataText } from "../../shared/ui/data-text.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";

const r = routeTable.capacityExchange;

interface RfqForm {
  process: CapacityProcess;
  hours: number;
  windowFrom: string;
  windowTo: string;
  spec?: string;
  certifications?: string;
}

/** Requests for quotation: post one; the ones my firm posted and the ones it was asked to quote on. */
export default function RfqsPage() {
  const { t, tEnum, pick } = useI18n();
  const navigate = useNavigate();
  const list = useApi((signal) => callRoute(r.rfqList, {}, signal), []);
  const [error, setError] = useState<unknown>(null);
  const post = async (v: RfqForm) => {
    setError(null);
    try {
      const created = await callRoute(r.rfqCreate, {
        body: {
          process: v.process,
          hours: v.hours,
          windowFrom: v.windowFrom,
          windowTo: v.windowTo,
          spec: v.spec ?? "",
          certifications: (v.certifications ?? "")
            .split(/[,，]/)
            .map((s) => s.trim())
            .filter(Boolean),
        },
      });
      navigate(`/capacity-exchange/rfqs/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const columns = [
    {
      title: t("cx.process"),
      dataIndex: "process",
      render: (p: string, q: Rfq) => (
        <Link to={`/capacity-exchange/rfqs/${q.id}`} data-testid="rfq-link">
          {tEnum("cx.process", p)}
        </Link>
      ),
    },
    { title: t("cx.buyer"), render: (_: unknown, q: Rfq) => pick(q.buyerNameZh, q.buyerNameEn) },
    { title: t("cx.hours"), dataIndex: "hours" },
    { title: t("cx.window"), render: (_: unknown, q: Rfq) => `${q.windowFrom} – ${q.windowTo}` },
    { title: t("cx.spec"), render: (_: unknown, q: Rfq) => <DataText text={q.spec} /> },
    { title: t("cx.status"), render: (_: unknown, q: Rfq) => tEnum("cx.rfqStatus", q.status) },
  ];
  return (
    <div data-testid="rfqs-page">
      <Link to="/capacity-exchange">{t("cx.back")}</Link>
      <Typography.Title level={3}>{t("cx.rfqs")}</Typography.Title>
      {error ? <ErrorAlert error={error} /> : null}
      <Card title={t("cx.newRfq")} size="small" style={{ marginBottom: 16 }}>
        <Form<RfqForm> layout="inline" onFinish={post} initialValues={{ process: "winding", hours: 40 }}>
          <Form.Item name="process" label={t("cx.process")}>
            <Select
              style={{ width: 140 }}
              data-testid="rfq-process"
              options={CAPACITY_PROCESSES.map((p) => ({ value: p, label: tEnum("cx.process", p) }))}
            />
          </Form.Item>
          <Form.Item name="hours" label={t("cx.hours")} rules={[{ required: true }]}>
            <InputNumber min={1} data-testid="rfq-hours" />
          </Form.Item>
          <Form.Item name="windowFrom" label={t("cx.windowFrom")} rules={[{ required: true }]}>
            <Input type="date" data-testid="rfq-from" />
          </Form.Item>
          <Form.Item name="windowTo" label={t("cx.windowTo")} rules={[{ required: true }]}>
            <Input type="date" data-testid="rfq-to" />
          </Form.Item>
          <Form.Item name="spec" label={t("cx.spec")}>
            <Input style={{ width: 260 }} data-testid="rfq-spec" />
          </Form.Item>
          <Form.Item name="certifications" label={t("cx.certs")}>
            <Input placeholder="ISO 13485" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="rfq-post">
            {t("cx.postRfq")}
          </Button>
        </Form>
      </Card>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Card title={t("cx.myRfqs")} size="small" style={{ marginBottom: 16 }}>
        <Table<Rfq>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.mine ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t("cx.none") }}
        />
      </Card>
      <Card title={t("cx.invitedRfqs")} size="small">
        <Table<Rfq>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.invited ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t("cx.none") }}
        />
      </Card>
    </div>
  );
}
