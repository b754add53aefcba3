import { type ReportJobInput, schematicGeoJson } from "@clusterbrain/contracts";
import * as echarts from "echarts";
import { FIRM_ROWS } from "./report.tables.ts";

const FONT = "'Noto Sans SC', sans-serif";
/** The map name the report registers the schematic districts under (the web uses its own). */
export const REPORT_LISA_MAP = "report-jiaxing-schematic";
echarts.registerMap(
  REPORT_LISA_MAP,
  schematicGeoJson() as unknown as Parameters<typeof echarts.registerMap>[1],
);

/** LISA cluster colours and their printed legend labels (the web's colours). */
export const LISA_LEGEND: Record<string, { colour: string; label: string }> = {
  HH: { colour: "#cf1322", label: "高-高 HH" },
  LL: { colour: "#1d39c4", label: "低-低 LL" },
  HL: { colour: "#ff9c6e", label: "高-低 HL" },
  LH: { colour: "#85a5ff", label: "低-高 LH" },
  "not significant": { colour: "#d9d9d9", label: "不显著 n.s." },
  "not available": { colour: "#f5f5f5", label: "无数据 n/a" },
};

const title = (text: string) => ({ text, textStyle: { fontFamily: FONT, fontSize: 14, fontWeight: 400 } });
const round = (v: number | null, d = 4) => (v === null ? null : Number(v.toFixed(d)));

function svg(option: echarts.EChartsCoreOption, width = 680, height = 300): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

/** The districts' LISA clusters on the schematic map, each district named on it, with a legend. */
function lisaMap(units: ReportJobInput["macro"]["lisa"]["units"]): string {
  const byName = new Map(units.map((u) => [u.district, u]));
  const features = schematicGeoJson().features;
  const present = [...new Set(units.map((u) => u.cluster))];
  return svg(
    {
      title: title("LISA 集聚地图（示意）LISA cluster map (schematic)"),
      graphic: present.map((c, i) => ({
        type: "group",
        left: 500,
        top: 60 + i * 22,
        children: [
          {
            type: "rect",
            shape: { width: 14, height: 14 },
            style: { fill: (LISA_LEGEND[c] ?? LISA_LEGEND["not available"])?.colour, stroke: "#888" },
          },
          {
            type: "text",
            left: 20,
            style: { text: LISA_LEGEND[c]?.label ?? c, fontFamily: FONT, fontSize: 12, fill: "#333" },
          },
        ],
      })),
      series: [
        {
          type: "map",
          map: REPORT_LISA_MAP,
          roam: false,
          left: 10,
          top: 40,
          width: 470,
          height: 300,
          label: { show: true, fontFamily: FONT, fontSize: 11, color: "#111" },
          itemStyle: { borderColor: "#555", borderWidth: 1 },
          data: features.map((f) => {
            const cluster = byName.get(f.properties.name)?.cluster ?? "not available";
            return {
              name: f.properties.name,
              itemStyle: { areaColor: (LISA_LEGEND[cluster] ?? LISA_LEGEND["not available"])?.colour },
            };
          }),
        },
      ],
    },
    680,
    360,
  );
}

function bars(text: string, labels: string[], values: (number | null)[], colour: string): string {
  return svg({
    title: title(text),
    grid: { left: 160, right: 20, top: 40, bottom: 20 },
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: labels },
    series: [{ type: "bar", data: values, itemStyle: { color: colour } }],
  });
}

function lines(
  text: string,
  categories: string[],
  series: { name: string; data: (number | null)[] }[],
  height = 240,
): string {
  return svg(
    {
      title: title(text),
      legend: { top: 0, right: 10, textStyle: { fontFamily: FONT } },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: "category", data: categories },
      yAxis: { type: "value", scale: true },
      series: series.map((s) => ({ type: "line", name: s.name, data: s.data })),
    },
    680,
    height,
  );
}

/**
 * The report's charts as SVG (ECharts' server-side renderer), keyed by the table they illustrate:
 * one per section with data, and the LISA map of the districts. Withheld figures (k ≥ 3) are gaps.
 */
export function reportCharts(input: ReportJobInput): Record<string, string> {
  const { micro, meso, macro } = input;
  const charts: Record<string, string> = {};
  const dea = micro.dea.units.slice(0, Math.min(15, FIRM_ROWS));
  if (dea.length > 0)
    charts.dea = bars(
      "CCR 效率 CCR efficiency",
      dea.map((u) => u.label),
      dea.map((u) => round(u.ccr)),
      "#13c2c2",
    );
  const periods = micro.malmquist.periods;
  if (periods.length > 0)
    charts.malmquist = lines(
      "Malmquist 指数 Malmquist index",
      periods.map((p) => `${p.from}–${p.to}`),
      (["M", "EC", "TC"] as const).map((k) => ({
        name: k,
        data: periods.map((p) => (p[k].suppressed ? null : round(p[k].value))),
      })),
    );
  const top = micro.topsis.units.slice(0, Math.min(15, FIRM_ROWS));
  if (top.length > 0)
    charts.topsis = bars(
      "竞争力贴近度 TOPSIS closeness",
      top.map((u) => u.label),
      top.map((u) => u.closeness),
      "#1677ff",
    );
  const coupling = meso.coupling.years;
  if (coupling.length > 0)
    charts.coupling = lines(
      "耦合协调度 Coupling coordination D",
      coupling.map((y) => String(y.year)),
      [{ name: "D", data: coupling.map((y) => y.D) }],
    );
  const cells = macro.lq.cells;
  if (cells.length > 0) {
    const districts = [...new Set(cells.map((c) => c.district))];
    const shown = cells.filter((c) => !c.lq.suppressed && c.lq.value !== null).map((c) => c.lq.value ?? 0);
    charts.lq = svg(
      {
        title: title("区位商热力图 Location quotient heatmap"),
        grid: { left: 150, right: 20, top: 40, bottom: 60 },
        xAxis: { type: "category", data: macro.lq.industries, axisLabel: { rotate: 30, fontFamily: FONT } },
        yAxis: { type: "category", data: districts, axisLabel: { fontFamily: FONT } },
        visualMap: {
          min: 0,
          max: Math.max(2, ...shown),
          orient: "horizontal",
          right: 10,
          top: 0,
          itemHeight: 80,
          inRange: { color: ["#f0f5ff", "#1677ff", "#cf1322"] },
        },
        series: [
          {
            type: "heatmap",
            data: cells.map((c) => [
              macro.lq.industries.indexOf(c.industry),
              districts.indexOf(c.district),
              c.lq.suppressed ? null : round(c.lq.value, 2),
            ]),
          },
        ],
      },
      680,
      Math.max(200, 60 + districts.length * 24 + 60),
    );
  }
  if (macro.lisa.units.length > 0) charts.lisa = lisaMap(macro.lisa.units);
  const years = macro.spillover.years;
  if (years.length > 0)
    charts.spillover = lines(
      "创新溢出 Innovation spillover (Moran's I)",
      years.map((y) => String(y.year)),
      [{ name: "Moran's I", data: years.map((y) => round(y.moranI)) }],
    );
  return charts;
}
