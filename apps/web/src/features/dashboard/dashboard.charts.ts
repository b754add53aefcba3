import type { ClusterIndicators, FirmsPerDistrict, FirmsPerNode } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";

type Translate = (key: IndicatorKey | "dashboard.firmCount") => string;
export type IndicatorKey =
  | "indicator.revenue"
  | "indicator.rdSpend"
  | "indicator.exports"
  | "indicator.employees"
  | "indicator.patents"
  | "indicator.energyUse";

/** Pixel height that fits one bar per chain node without squashing the labels. */
export function nodeChartHeight(nodeCount: number): number {
  return Math.max(320, nodeCount * 18 + 60);
}

/** Horizontal bars, largest node on top, names in the current language. */
export function firmsPerNodeOption(
  data: FirmsPerNode,
  pickName: (zh: string, en: string) => string,
  t: Translate,
): EChartsCoreOption {
  const items = [...data.items].sort((a, b) => a.firms - b.firms || a.code.localeCompare(b.code));
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 24, top: 8, bottom: 28, containLabel: true },
    xAxis: {
      type: "value",
      name: t("dashboard.firmCount"),
      nameLocation: "middle",
      nameGap: 28,
      minInterval: 1,
    },
    yAxis: {
      type: "category",
      data: items.map((i) => pickName(i.nameZh, i.nameEn)),
      axisLabel: { width: 160, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        name: t("dashboard.firmCount"),
        data: items.map((i) => i.firms),
        itemStyle: { color: "#1677ff" },
      },
    ],
  };
}

const MONEY: ReadonlyArray<[keyof ClusterIndicators["years"][number], IndicatorKey]> = [
  ["revenue", "indicator.revenue"],
  ["rdSpend", "indicator.rdSpend"],
  ["exports", "indicator.exports"],
];
const COUNTS: ReadonlyArray<[keyof ClusterIndicators["years"][number], IndicatorKey]> = [
  ["employees", "indicator.employees"],
  ["patents", "indicator.patents"],
  ["energyUse", "indicator.energyUse"],
];

/**
 * Five-year cluster totals: money on the left axis, counts on the right, so series of very
 * different magnitudes stay readable. A k-suppressed year is a gap (null), never a zero.
 */
export function indicatorsOption(data: ClusterIndicators, t: Translate): EChartsCoreOption {
  const years = [...data.years].sort((a, b) => a.year - b.year);
  const line = (field: keyof (typeof years)[number], key: IndicatorKey, yAxisIndex: number) => ({
    type: "line",
    name: t(key),
    yAxisIndex,
    smooth: true,
    connectNulls: false,
    data: years.map((y) => {
      const cell = y[field];
      return typeof cell === "object" && cell !== null && !cell.suppressed ? cell.value : null;
    }),
  });
  return {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map((y) => String(y.year)) },
    yAxis: [
      { type: "value", splitLine: { show: true } },
      { type: "value", splitLine: { show: false } },
    ],
    series: [...MONEY.map(([f, k]) => line(f, k, 0)), ...COUNTS.map(([f, k]) => line(f, k, 1))],
  };
}

/** Donut of firms per district, biggest first, districts named in the reader's language. */
export function districtsOption(
  data: FirmsPerDistrict,
  t: Translate,
  districtName: (stored: string) => string = (d) => d,
): EChartsCoreOption {
  const items = [...data.items].sort((a, b) => b.firms - a.firms);
  return {
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { type: "scroll", bottom: 0 },
    series: [
      {
        type: "pie",
        name: t("dashboard.firmCount"),
        radius: ["40%", "68%"],
        center: ["50%", "45%"],
        data: items.map((i) => ({ name: districtName(i.district), value: i.firms })),
        label: { formatter: "{b}\n{c}" },
      },
    ],
  };
}
