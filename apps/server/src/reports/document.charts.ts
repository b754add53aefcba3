import type { ReportChart } from "@clusterbrain/contracts";
import * as echarts from "echarts";

const FONT = "'Noto Sans SC', sans-serif";
const LINE_COLOURS = ["#cf1322", "#fa8c16", "#722ed1", "#13c2c2"];

/** A report chart as inline SVG (ECharts' server-side renderer; no browser, no network). */
export function chartSvg(chart: ReportChart, width = 680, height = 260): string {
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  const marked = new Set(chart.marks);
  instance.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 10 } },
    grid: { left: 56, right: 24, top: 30, bottom: 36 },
    xAxis: { type: "category", data: chart.x, axisLabel: { fontSize: 9, hideOverlap: true } },
    yAxis: { type: "value", name: chart.yName, scale: true },
    series: chart.series.map((s, i) => ({
      type: chart.type,
      name: s.name,
      data: s.data.map((v, j) =>
        i === 0 && marked.has(j) && v !== null
          ? { value: v, symbol: "diamond", symbolSize: 9, itemStyle: { color: "#cf1322" } }
          : v,
      ),
      showSymbol: chart.type === "line" ? marked.size > 0 : undefined,
      symbolSize: 2,
      markLine:
        i === 0 && chart.lines.length > 0
          ? {
              symbol: "none",
              label: { formatter: "{b}", fontSize: 9 },
              data: chart.lines.map((l, k) => ({
                name: l.name,
                yAxis: l.value,
                lineStyle: { color: LINE_COLOURS[k % LINE_COLOURS.length], type: "dashed" },
              })),
            }
          : undefined,
    })),
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}
