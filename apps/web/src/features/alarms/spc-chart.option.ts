import type { SpcChart } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";

export interface SpcLabels {
  value: string;
  center: string;
  limit: string;
  zone: string;
  violation: string;
  spec: string;
}

type Pair = [string, number];

/** A horizontal line across the chart's time span, drawn as a line series (no markLine component needed). */
function level(
  name: string,
  y: number,
  from: string,
  to: string,
  color: string,
  type: "solid" | "dashed" | "dotted",
) {
  const data: Pair[] = [
    [from, y],
    [to, y],
  ];
  return {
    name,
    type: "line",
    data,
    symbol: "none",
    silent: true,
    lineStyle: { color, type, width: 1 },
    tooltip: { show: false },
  };
}

/**
 * The individuals chart: readings, centre line, control limits (±3σ), zone lines (±1σ, ±2σ), spec
 * limits and the points that broke a Western Electric rule marked in red.
 */
export function spcChartOption(spc: SpcChart, l: SpcLabels): EChartsCoreOption {
  const data: Pair[] = spc.points.map((p) => [p.ts, p.value]);
  const series: object[] = [{ name: l.value, type: "line", data, symbol: "none", lineStyle: { width: 1.2 } }];
  const first = spc.points[0]?.ts;
  const last = spc.points.at(-1)?.ts;
  if (spc.limits && first && last) {
    const { center, sigma, lcl, ucl } = spc.limits;
    series.push(level(l.center, center, first, last, "#389e0d", "solid"));
    series.push(
      level(l.limit, ucl, first, last, "#cf1322", "dashed"),
      level(l.limit, lcl, first, last, "#cf1322", "dashed"),
    );
    for (const k of [1, 2])
      for (const s of [1, -1])
        series.push(level(l.zone, center + s * k * sigma, first, last, "#bfbfbf", "dotted"));
  }
  if (first && last) {
    for (const spec of [spc.lsl, spc.usl])
      if (spec !== null) series.push(level(l.spec, spec, first, last, "#722ed1", "solid"));
  }
  const marked = new Map<number, number[]>();
  for (const v of spc.violations) marked.set(v.index, [...(marked.get(v.index) ?? []), v.rule]);
  const violations = [...marked.keys()].flatMap((i) =>
    spc.points[i] ? [[spc.points[i].ts, spc.points[i].value] as Pair] : [],
  );
  series.push({
    name: l.violation,
    type: "line",
    data: violations,
    lineStyle: { width: 0 },
    symbol: "circle",
    symbolSize: 7,
    itemStyle: { color: "#f5222d" },
  });
  return {
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { data: [l.value, l.center, l.limit, l.zone, l.spec, l.violation] },
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    xAxis: { type: "time" },
    yAxis: { type: "value", scale: true, name: spc.unit },
    series,
  };
}

/** How many distinct points broke a rule (what the screen counts). */
export function violatingPoints(spc: Pick<SpcChart, "violations">): number {
  return new Set(spc.violations.map((v) => v.index)).size;
}
