import type { GrowthDrillQuery, GrowthMacro } from "@clusterbrain/contracts";
import { Alert, Space, Tag } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n.context.tsx";
import type { MessageKey } from "../../i18n/zh-cn.messages.ts";
import { Chart, type ChartEvent } from "../../shared/charts/chart.component.tsx";
import { LISA_COLOURS, lisaMapOption, lqOption, shiftShareOption, spilloverOption } from "./growth.charts.ts";
import { Figure } from "./growth-figure.component.tsx";

/** Macro: location quotients, shift-share, Moran's I with the LISA map, spillover over the years. */
export function MacroTab({ data, onDrill }: { data: GrowthMacro; onDrill: (q: GrowthDrillQuery) => void }) {
  const { t, tEnum, fmt } = useI18n();
  const tt = useMemo(() => (k: string) => t(k as MessageKey), [t]);
  const openDistrict = (e: ChartEvent) => {
    const district = (e.data as { district?: string } | undefined)?.district ?? e.name;
    if (district) onDrill({ district });
  };
  const cluster = (c: string) => tEnum("growth.lisa", c);
  const m = data.moran;
  return (
    <div data-testid="growth-macro">
      <Figure title={t("growth.lisaMap")} meaning={data.lisa.meaning} testId="growth-fig-lisa">
        <Alert
          type="info"
          showIcon
          message={t("growth.schematic")}
          style={{ marginBottom: 8 }}
          data-testid="growth-schematic"
        />
        <Space wrap style={{ marginBottom: 8 }}>
          <span data-testid="growth-moran">
            {m.I === null
              ? t("growth.moranNone")
              : t("growth.moranI", { I: fmt.number(m.I, 3), p: fmt.number(m.p ?? 1, 3), n: m.districtsUsed })}
          </span>
          {Object.entries(LISA_COLOURS).map(([c, colour]) => (
            <Tag key={c} color={colour} style={{ color: "#000" }}>
              {cluster(c)}
            </Tag>
          ))}
        </Space>
        <Chart
          option={lisaMapOption(data.lisa.units, cluster, fmt.district)}
          testId="growth-lisa-map"
          height={420}
          onClick={openDistrict}
        />
        <Alert
          type="info"
          message={tEnum("growth", m.meaning.slice("growth.".length))}
          style={{ marginTop: 8 }}
        />
      </Figure>
      <Figure title={t("growth.lq")} meaning={data.lq.meaning} testId="growth-fig-lq">
        <Chart
          option={lqOption(data.lq, fmt.district, tt)}
          testId="growth-lq"
          height={360}
          onClick={openDistrict}
        />
      </Figure>
      <Figure
        title={`${t("growth.ssNational")} / ${t("growth.ssMix")} / ${t("growth.ssCompetitive")}`}
        meaning={data.shiftShare.meaning}
        testId="growth-fig-shiftshare"
      >
        <Chart
          option={shiftShareOption(data.shiftShare.rows, fmt.district, tt)}
          testId="growth-shiftshare"
          height={300}
          onClick={openDistrict}
        />
      </Figure>
      <Figure
        title={`Moran's I / ${t("growth.patentsPer100")}`}
        meaning={data.spillover.meaning}
        testId="growth-fig-spillover"
      >
        <Chart option={spilloverOption(data.spillover.years, tt)} testId="growth-spillover" height={280} />
      </Figure>
    </div>
  );
}
