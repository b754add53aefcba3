import type { OeePeriodRow, ParetoRow } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";

export interface TrendLabels {
  oee: string;
  availability: string;
  performance: string;
  quality: string;
  period: (p: OeePeriodRow) => string;
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** OEE per period as a bold line, with availability, performance and quality beside it (percent). */
export function trendOption(periods: readonly OeePeriodRow[], l: TrendLabels): EChartsCoreOption {
  const series = (name: string, pick: (p: OeePeriodRow) => number | null, width: number) => ({
    name,
    type: "line",
    data: periods.map((p) => pct(pick(p))),
    connectNulls: false,
    symbolSize: 4,
    lineStyle: { width },
  });
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (v === null ? "—" : `${v} %`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 48 },
    xAxis: { type: "category", data: periods.map(l.period), axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } },
    series: [
      series(l.oee, (p) => p.oee, 3),
      series(l.availability, (p) => p.availability, 1),
      series(l.performance, (p) => p.performance, 1),
      series(l.quality, (p) => p.quality, 1),
    ],
  };
}

/** Lost minutes per reason as bars, largest first, with the cumulative share as a line (Pareto). */
export function paretoOption(
  rows: readonly ParetoRow[],
  l: { minutes: string; cumulative: string; reason: (r: ParetoRow) => string },
): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 36, bottom: 72 },
    xAxis: { type: "category", data: rows.map(l.reason), axisLabel: { rotate: 30, interval: 0 } },
    yAxis: [
      { type: "value", name: l.minutes },
      { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } },
    ],
    series: [
      { name: l.minutes, type: "bar", data: rows.map((r) => Math.round(r.minutes * 10) / 10) },
      {
        name: l.cumulative,
        type: "line",
        yAxisIndex: 1,
        data: rows.map((r) => Math.round(r.cumulative * 1000) / 10),
      },
    ],
  };
}
