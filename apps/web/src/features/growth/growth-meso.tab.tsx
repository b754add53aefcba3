import type { GrowthDrillQuery, GrowthMeso } from "@clusterbrain/contracts";
import { Col, Row, Statistic, Table } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";
import { Chart, type ChartEvent } from "../../shared/charts/chart.component.tsx";
import { ioOption, networkYearsOption } from "./growth.charts.ts";
import { Figure } from "./growth-figure.component.tsx";

/** Meso: input–output linkages between chain segments, the supplier network and coupling. */
export function MesoTab({ data, onDrill }: { data: GrowthMeso; onDrill: (q: GrowthDrillQuery) => void }) {
  const { t, fmt, pick } = useI18n();
  const tt = useMemo(() => (k: string) => t(k as MessageKey), [t]);
  const suppressed = t("growth.suppressed", { k: data.k });
  const seg = (s: { labelZh: string; labelEn: string }) => pick(s.labelZh, s.labelEn);
  const openStage = (e: ChartEvent) => {
    const stage = (e.data as { stage?: number } | undefined)?.stage;
    if (stage !== undefined) onDrill({ stage });
  };
  const stageName = (n: number) => {
    const s = data.io.segments.find((x) => x.stage === n);
    return s ? seg(s) : String(n);
  };
  const net = data.network;
  return (
    <div data-testid="growth-meso">
      <Figure title={t("growth.multiplier")} meaning={data.io.meaning} testId="growth-fig-io">
        <Chart
          option={ioOption(data.io.segments, seg, tt)}
          testId="growth-io"
          height={280}
          onClick={openStage}
        />
        <Table
          size="small"
          pagination={false}
          rowKey={(f) => `${f.from}-${f.to}`}
          title={() => t("growth.flows")}
          dataSource={data.io.flows}
          columns={[
            {
              title: t("growth.stage"),
              render: (_: unknown, f) => `${stageName(f.from)} → ${stageName(f.to)}`,
            },
            {
              title: t("growth.flows"),
              render: (_: unknown, f) => (f.value.value === null ? suppressed : fmt.number(f.value.value, 0)),
            },
          ]}
        />
      </Figure>
      <Figure title={t("growth.density")} meaning={net.meaning} testId="growth-fig-network">
        <Row gutter={16} style={{ marginBottom: 8 }}>
          <Col span={6}>
            <Statistic title={t("growth.links")} value={net.links} />
          </Col>
          <Col span={6}>
            <Statistic
              title={t("growth.density")}
              value={net.density === null ? suppressed : fmt.number(net.density, 4)}
              data-testid="growth-density"
            />
          </Col>
          <Col span={6}>
            <Statistic title={t("growth.communities")} value={net.communities ?? suppressed} />
          </Col>
          <Col span={6}>
            <Statistic
              title={t("growth.betweenness")}
              value={net.own ? fmt.number(net.own.betweenness, 4) : "—"}
            />
          </Col>
        </Row>
        <Table
          size="small"
          pagination={false}
          rowKey="label"
          dataSource={net.top}
          data-testid="growth-network-top"
          columns={[
            { title: t("growth.unit"), render: (_: unknown, u) => pick(u.label, u.labelEn) },
            {
              title: t("growth.betweenness"),
              dataIndex: "betweenness",
              render: (v: number) => fmt.number(v, 4),
            },
            {
              title: t("growth.constraint"),
              dataIndex: "constraint",
              render: (v: number) => fmt.number(v, 3),
            },
          ]}
        />
      </Figure>
      <Figure
        title={`${t("growth.weakNodes")} / ${t("growth.couplingD")}`}
        meaning={data.coupling.meaning}
        testId="growth-fig-coupling"
      >
        <Chart
          option={networkYearsOption(data.networkYears.years, data.coupling.years, tt)}
          testId="growth-coupling"
          height={280}
        />
      </Figure>
    </div>
  );
}
