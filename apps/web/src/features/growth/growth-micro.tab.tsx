import type { GrowthDrillQuery, GrowthMicro } from "@clusterbrain/contracts";
import { Button, Col, message, Row, Statistic, Table } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n.context.tsx";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";
import { Chart, type ChartEvent } from "../../shared/charts/chart.component.tsx";
import { growthApi } from "./growth.api.ts";
import { deaOption, malmquistOption, peersOption, topsisOption } from "./growth.charts.ts";
import { Figure } from "./growth-figure.component.tsx";

/** Micro: firm efficiency, productivity change, competitiveness ranking and peer groups. */
export function MicroTab({ data, onDrill }: { data: GrowthMicro; onDrill: (q: GrowthDrillQuery) => void }) {
  const { t, fmt, pick } = useI18n();
  const navigate = useNavigate();
  const tt = useMemo(() => (k: string) => t(k as MessageKey), [t]);
  const suppressed = t("growth.suppressed", { k: data.k });
  const unitName = (u: { label: string; labelEn: string }) => pick(u.label, u.labelEn);
  const num = (v: number | null, d = 3) => (v === null ? suppressed : fmt.number(v, d));
  const groupLabel = (g: GrowthMicro["peerBench"]["groups"][number]) =>
    g.by === "sizeBand" ? tt(`size.${g.key}`) : pick(g.labelZh, g.labelEn);
  const openFirm = (e: ChartEvent) => {
    const orgId = (e.data as { orgId?: string | null } | undefined)?.orgId;
    if (orgId) navigate(`/orgs/${orgId}`);
  };
  const openGroup = (e: ChartEvent) => {
    const d = e.data as { by?: string; key?: string } | undefined;
    if (d?.by === "chainNode" && d.key) onDrill({ chainNode: d.key });
    if (d?.by === "sizeBand" && d.key) onDrill({ sizeBand: d.key as GrowthDrillQuery["sizeBand"] });
  };
  const own = data.dea.units.find((u) => u.own);
  // A job stores its input: offered only when every firm shown may be named (the operator's view).
  const canRunJob = data.dea.units.length > 0 && data.dea.units.every((u) => u.orgId !== null);
  const runJob = async () => {
    try {
      await growthApi.runJob({ method: "sbm", year: data.year ?? undefined });
      message.success(t("growth.jobStarted"));
      navigate("/jobs");
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div data-testid="growth-micro" data-units={data.dea.units.length}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic
            title={t("growth.meanCcr")}
            value={num(data.dea.meanCcr.value)}
            data-testid="growth-mean-ccr"
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t("growth.efficientShare")}
            value={
              data.dea.efficientShare.value === null
                ? suppressed
                : `${fmt.number(100 * data.dea.efficientShare.value, 1)}%`
            }
          />
        </Col>
        <Col span={8}>
          <Statistic title={t("growth.contributors", { n: data.contributors })} value={data.contributors} />
          {canRunJob && (
            <Button size="small" onClick={runJob} data-testid="growth-run-job">
              {t("growth.runJob")}
            </Button>
          )}
        </Col>
      </Row>
      <Figure
        title={`${t("growth.ccr")} / ${t("growth.bcc")} / ${t("growth.super")}`}
        meaning={data.dea.meaning}
        testId="growth-fig-dea"
      >
        <Chart option={deaOption(data.dea, tt, unitName)} testId="growth-dea" onClick={openFirm} />
        {own?.targets && (
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            title={() =>
              `${t("growth.ownPosition")}: ${t("growth.ccr")} ${fmt.number(own.ccr, 3)}, ${t("growth.sbm")} ${fmt.number(own.sbm, 3)} · ${t("growth.peers")}: ${own.peers.map((p) => p.label).join("、")}`
            }
            dataSource={own.targets}
            columns={[
              {
                title: t("growth.targets"),
                dataIndex: "name",
                render: (n: string) => tt(`growth.input.${n}`),
              },
              { title: t("growth.actual"), dataIndex: "actual", render: (v: number) => fmt.number(v, 1) },
              { title: t("growth.target"), dataIndex: "target", render: (v: number) => fmt.number(v, 1) },
            ]}
            data-testid="growth-dea-targets"
          />
        )}
      </Figure>
      <Figure title="Malmquist" meaning={data.malmquist.meaning} testId="growth-fig-malmquist">
        <Chart option={malmquistOption(data.malmquist, tt)} testId="growth-malmquist" height={260} />
      </Figure>
      <Figure
        title={`${t("growth.closeness")} (TOPSIS)`}
        meaning={data.topsis.meaning}
        testId="growth-fig-topsis"
      >
        <Chart
          option={topsisOption(data.topsis.units, tt, unitName)}
          testId="growth-topsis"
          height={480}
          onClick={openFirm}
        />
      </Figure>
      <Figure title={t("growth.group")} meaning={data.peerBench.meaning} testId="growth-fig-peers">
        <Chart
          option={peersOption(data.peerBench.groups, groupLabel, tt)}
          testId="growth-peers"
          onClick={openGroup}
        />
      </Figure>
    </div>
  );
}
