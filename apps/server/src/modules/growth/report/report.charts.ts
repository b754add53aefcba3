import type { ReportJobInput } from "@clusterbrain/contracts";
import * as echarts from "echarts";
import { FIRM_ROWS } from "./report.tables.ts";

const FONT = "'Noto Sans SC', sans-serif";

function svg(option: echarts.EChartsCoreOption, width = 680, height = 300): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

/** The report's charts as SVG (ECharts' server-side renderer), keyed by the table they illustrate. */
export function reportCharts(input: ReportJobInput): Record<string, string> {
  const charts: Record<string, string> = {};
  const top = input.micro.topsis.units.slice(0, Math.min(15, FIRM_ROWS));
  if (top.length > 0) {
    charts.topsis = svg({
      title: { text: "竞争力贴近度 TOPSIS closeness", textStyle: { fontFamily: FONT, fontSize: 14 } },
      grid: { left: 140, right: 20, top: 40, bottom: 20 },
      xAxis: { type: "value", max: 1 },
      yAxis: { type: "category", inverse: true, data: top.map((u) => u.label) },
      series: [{ type: "bar", data: top.map((u) => u.closeness), itemStyle: { color: "#1677ff" } }],
    });
  }
  const coupling = input.meso.coupling.years;
  if (coupling.some((y) => y.D !== null)) {
    charts.coupling = svg(
      {
        title: { text: "耦合协调度 Coupling coordination D", textStyle: { fontFamily: FONT, fontSize: 14 } },
        grid: { left: 50, right: 20, top: 40, bottom: 30 },
        xAxis: { type: "category", data: coupling.map((y) => String(y.year)) },
        yAxis: { type: "value", min: 0, max: 1 },
        series: [{ type: "line", data: coupling.map((y) => y.D), itemStyle: { color: "#52c41a" } }],
      },
      680,
      240,
    );
  }
  return charts;
}
