import type { IndicatorYear } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";
import type { IndicatorKey } from "../dashboard/dashboard.charts.ts";

const MONEY: ReadonlyArray<[keyof IndicatorYear, IndicatorKey]> = [
  ["revenue", "indicator.revenue"],
  ["rdSpend", "indicator.rdSpend"],
  ["exports", "indicator.exports"],
];
const COUNTS: ReadonlyArray<[keyof IndicatorYear, IndicatorKey]> = [
  ["employees", "indicator.employees"],
  ["patents", "indicator.patents"],
];

/** One firm's yearly indicators: money on the left axis, head and patent counts on the right. */
export function orgIndicatorsOption(
  items: readonly IndicatorYear[],
  t: (key: IndicatorKey) => string,
): EChartsCoreOption {
  const years = [...items].sort((a, b) => a.year - b.year);
  const series = (
    field: keyof IndicatorYear,
    key: IndicatorKey,
    yAxisIndex: number,
    type: "line" | "bar",
  ) => ({
    type,
    name: t(key),
    yAxisIndex,
    data: years.map((y) => y[field]),
  });
  return {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map((y) => String(y.year)) },
    yAxis: [{ type: "value" }, { type: "value", splitLine: { show: false } }],
    series: [
      ...MONEY.map(([f, k]) => series(f, k, 0, "bar")),
      ...COUNTS.map(([f, k]) => series(f, k, 1, "line")),
    ],
  };
}
