import { DownloadOutlined, PlayCircleOutlined } from "@ant-design/icons";
import type { PlanningMrpResult } from "@clusterbrain/contracts";
import { Button, Card, InputNumber, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { planningApi, planningDownloads } from "./planning.api.ts";

const round = (n: number) => Math.round(n * 1000) / 1000;

/** MRP from forecast, customer orders, stock and open orders: planned orders with pegging, actions. */
export function MrpTab() {
  const { t, tEnum } = useI18n();
  const [horizon, setHorizon] = useState(12);
  const [result, setResult] = useState<PlanningMrpResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await planningApi.mrp(horizon));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="planning-mrp">
      <Space style={{ marginBottom: 16 }} wrap>
        {t("planning.horizon")}
        <InputNumber min={1} max={60} value={horizon} onChange={(v) => setHorizon(v ?? 12)} />
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={busy}
          onClick={run}
          data-testid="planning-run-mrp"
        >
          {t("planning.runMrp")}
        </Button>
        <Button icon={<DownloadOutlined />} href={planningDownloads.mrp} download>
          {t("planning.exportMrp")}
        </Button>
      </Space>
      {error !== null && <ErrorAlert error={error} />}
      {result && (
        <>
          <Card size="small" title={t("planning.plannedOrders")} style={{ marginBottom: 16 }}>
            <Table
              data-testid="planning-planned-orders"
              size="small"
              rowKey="index"
              dataSource={result.plannedOrders}
              expandable={{
                rowExpandable: (o) => o.pegs.length > 0,
                expandedRowRender: (o) => (
                  <Table
                    size="small"
                    rowKey={(g) => `${g.demandId}-${g.date}`}
                    pagination={false}
                    dataSource={o.pegs}
                    columns={[
                      { title: t("planning.pegDemand"), dataIndex: "demandId", key: "demandId" },
                      { title: t("planning.item"), dataIndex: "item", key: "item" },
                      { title: t("planning.date"), dataIndex: "date", key: "date" },
                      { title: t("planning.quantity"), key: "q", render: (_, g) => round(g.quantity) },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: t("planning.item"), dataIndex: "item", key: "item" },
                {
                  title: t("planning.releaseDate"),
                  key: "release",
                  render: (_, o) => (
                    <Space>
                      {o.releaseDate}
                      {o.pastDue && <Tag color="red">{t("planning.pastDue")}</Tag>}
                    </Space>
                  ),
                },
                { title: t("planning.receiptDate"), dataIndex: "receiptDate", key: "receipt" },
                { title: t("planning.quantity"), key: "q", render: (_, o) => round(o.quantity) },
              ]}
            />
          </Card>
          <Card size="small" title={t("planning.actions")}>
            <Table
              data-testid="planning-actions"
              size="small"
              rowKey={(a) => `${a.kind}-${a.item}-${a.orderNo}-${a.fromDate}-${a.quantity}`}
              dataSource={result.actions}
              columns={[
                {
                  title: t("planning.actionKind"),
                  key: "kind",
                  render: (_, a) => tEnum("planning.action", a.kind),
                },
                { title: t("planning.item"), dataIndex: "item", key: "item" },
                {
                  title: t("planning.orderNo"),
                  key: "order",
                  render: (_, a) => a.orderNo ?? t("planning.plannedOrder"),
                },
                { title: t("planning.quantity"), key: "q", render: (_, a) => round(a.quantity) },
                { title: t("planning.from"), dataIndex: "fromDate", key: "from" },
                { title: t("planning.to"), key: "to", render: (_, a) => a.toDate ?? "–" },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
