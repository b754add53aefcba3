import type { GrowthStrategy, SuppressedNumber } from "@clusterbrain/contracts";
import { Card, Col, Descriptions, Row, Skeleton, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import { useApi } from "../../shared/api/use-api.hook.ts";
import { canWriteIndicators } from "../../shared/auth/access.ts";
import { useMe } from "../../shared/auth/session.context.tsx";
import { Chart } from "../../shared/charts/chart.component.tsx";
import { ErrorAlert } from "../../shared/ui/error-alert.component.tsx";
import { growthApi } from "../growth/growth.api.ts";
import { Figure } from "../growth/growth-figure.component.tsx";
import { StrategyNoteCard } from "./strategy-note.component.tsx";

type Gap = GrowthStrategy["marketGaps"]["items"][number];

/** Strategy workbench of the signed-in firm: endowment, market gaps, its chain position, its note. */
export default function StrategyPage() {
  const { t, pick, fmt } = useI18n();
  const me = useMe();
  const data = useApi((signal) => growthApi.strategy(signal), []);
  const s = data.data;
  const suppressed = t("growth.suppressed", { k: s?.k ?? 3 });
  const num = (v: SuppressedNumber, d = 0) => (v.value === null ? suppressed : fmt.number(v.value, d));
  const gapOption = useMemo(() => {
    const items = (s?.marketGaps.items ?? []).filter((i) => i.gap !== null);
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: items.map((i) => pick(i.nameZh, i.nameEn)) },
      series: [
        { name: t("strategy.demand"), type: "bar", data: items.map((i) => i.demand.value ?? 0) },
        { name: t("strategy.supply"), type: "bar", data: items.map((i) => i.supply.value ?? 0) },
      ],
    };
  }, [s, pick, t]);
  if (data.error) return <ErrorAlert error={data.error} onRetry={data.reload} />;
  if (!s) return <Skeleton active />;
  return (
    <div data-testid="strategy-page">
      <Typography.Title level={3}>{t("strategy.title")}</Typography.Title>
      <Figure title={t("strategy.marketGaps")} meaning={s.marketGaps.meaning} testId="strategy-gaps">
        <Chart option={gapOption} testId="strategy-gap-chart" height={240} />
        <Table<Gap>
          size="small"
          pagination={false}
          rowKey="product"
          dataSource={s.marketGaps.items}
          onRow={(g) => ({ "data-testid": `strategy-gap-${g.product}`, "data-gap": g.gap ?? "" }) as never}
          columns={[
            { title: t("strategy.product"), render: (_: unknown, g) => pick(g.nameZh, g.nameEn) },
            { title: t("strategy.demand"), render: (_: unknown, g) => num(g.demand) },
            { title: t("strategy.supply"), render: (_: unknown, g) => num(g.supply) },
            {
              title: t("strategy.gap"),
              render: (_: unknown, g) =>
                g.gap === null ? (
                  suppressed
                ) : (
                  <Tag color={g.gap > 0 ? "red" : "green"}>{fmt.number(g.gap, 0)}</Tag>
                ),
            },
          ]}
        />
      </Figure>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Figure title={t("strategy.position")} meaning={s.position.meaning} testId="strategy-position">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("strategy.myNodes")}>
                {s.position.nodes.map((n) => (
                  <Tag key={n.nodeId}>{pick(n.nameZh, n.nameEn)}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={t("strategy.upstream")}>
                {s.position.upstream.map((n) => (
                  <Tag key={n.nodeId}>{`${pick(n.nameZh, n.nameEn)} (${n.firms})`}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={t("strategy.downstream")}>
                {s.position.downstream.map((n) => (
                  <Tag key={n.nodeId}>{`${pick(n.nameZh, n.nameEn)} (${n.firms})`}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={t("strategy.suppliers")}>{s.position.suppliers}</Descriptions.Item>
              <Descriptions.Item label={t("strategy.customers")}>{s.position.customers}</Descriptions.Item>
            </Descriptions>
          </Figure>
        </Col>
        <Col xs={24} lg={14}>
          <StrategyNoteCard canWrite={canWriteIndicators(me)} />
        </Col>
      </Row>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Figure title={t("strategy.endowment")} meaning={s.endowment.meaning} testId="strategy-endowment">
          <Table
            size="small"
            rowKey="nodeId"
            pagination={{ pageSize: 15 }}
            dataSource={s.endowment.nodes}
            columns={[
              { title: t("strategy.node"), render: (_: unknown, n) => pick(n.nameZh, n.nameEn) },
              { title: t("strategy.firms"), dataIndex: "firms" },
              { title: t("strategy.capabilities"), dataIndex: "capabilities" },
              { title: t("strategy.institutes"), dataIndex: "institutes" },
              { title: t("strategy.equipment"), render: (_: unknown, n) => num(n.equipment) },
              { title: t("strategy.talent"), render: (_: unknown, n) => num(n.talent) },
            ]}
          />
        </Figure>
      </Card>
    </div>
  );
}
