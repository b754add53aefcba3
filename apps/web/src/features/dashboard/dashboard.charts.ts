import type { StatsOverview } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";
import { compactNumber } from "./dashboard-model.ts";

export type IndicatorKey =
  | "indicator.revenue"
  | "indicator.rdSpend"
  | "indicator.exports"
  | "indicator.employees"
  | "indicator.patents"
  | "indicator.energyUse";

type ChartKey =
  | IndicatorKey
  | "dashboard.firmCount"
  | "dashboard.unit.money"
  | "dashboard.unit.people"
  | "dashboard.unit.energy"
  | "dashboard.weakMark";
type Translate = (key: ChartKey) => string;
type Locale = "zh-CN" | "en";

const WEAK = "#cf1322";
const NORMAL = "#1677ff";

/** Pixel height that fits one bar per chain node without squashing the labels. */
export function nodeChartHeight(nodeCount: number): number {
  return Math.max(320, nodeCount * 20 + 60);
}

/**
 * Horizontal bars, largest node on top, names in the current language and wide enough not to be
 * cut (English names wrap instead). Weak links (断链风险) are red and marked; each bar carries its
 * node id so a click can open the directory filtered to it.
 */
export function firmsPerNodeOption(
  data: StatsOverview["perNode"],
  pickName: (zh: string, en: string) => string,
  t: Translate,
  locale: Locale,
): EChartsCoreOption {
  const items = [...data].sort((a, b) => a.firms - b.firms || b.code.localeCompare(a.code));
  const label = (i: (typeof items)[number]) => `${i.weakLink ? "⚠ " : ""}${pickName(i.nameZh, i.nameEn)}`;
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 32, top: 8, bottom: 36, containLabel: true },
    xAxis: {
      type: "value",
      name: t("dashboard.firmCount"),
      nameLocation: "middle",
      nameGap: 28,
      minInterval: 1,
    },
    yAxis: {
      type: "category",
      data: items.map(label),
      axisLabel: {
        width: locale === "en" ? 260 : 180,
        overflow: locale === "en" ? "break" : "truncate",
        lineHeight: 12,
        color: (_: unknown, index: number) => (items[index]?.weakLink ? WEAK : "#333"),
      },
    },
    series: [
      {
        type: "bar",
        name: t("dashboard.firmCount"),
        label: { show: true, position: "right" },
        data: items.map((i) => ({
          value: i.firms,
          nodeId: i.nodeId,
          itemStyle: { color: i.weakLink ? WEAK : NORMAL },
        })),
      },
    ],
  };
}

const SERIES: ReadonlyArray<{
  field: "revenue" | "rdSpend" | "exports" | "employees" | "energyUse";
  key: IndicatorKey;
  axis: 0 | 1 | 2;
}> = [
  { field: "revenue", key: "indicator.revenue", axis: 0 },
  { field: "rdSpend", key: "indicator.rdSpend", axis: 0 },
  { field: "exports", key: "indicator.exports", axis: 0 },
  { field: "employees", key: "indicator.employees", axis: 1 },
  { field: "energyUse", key: "indicator.energyUse", axis: 2 },
];

/**
 * Cluster totals per year on split axes, one per unit: money (万元) on the left, headcount (人)
 * and energy (吨标煤) on their own right-hand axes, values rounded. A k-suppressed year is a gap.
 */
export function indicatorsOption(data: StatsOverview, t: Translate, locale: Locale): EChartsCoreOption {
  const years = [...data.indicators].sort((a, b) => a.year - b.year);
  const compact = (v: number) => compactNumber(v, locale);
  const axis = (name: string, position: "left" | "right", offset: number, color: string) => ({
    type: "value",
    name,
    position,
    offset,
    alignTicks: true,
    nameTextStyle: { color, align: position === "left" ? "left" : "right" },
    axisLine: { show: true, lineStyle: { color } },
    axisLabel: { formatter: compact, color },
    splitLine: { show: position === "left" },
  });
  return {
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? Math.round(v).toLocaleString(locale) : "—"),
    },
    legend: { type: "scroll", top: 0 },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map((y) => String(y.year)) },
    yAxis: [
      axis(t("dashboard.unit.money"), "left", 0, "#1677ff"),
      axis(t("dashboard.unit.people"), "right", 0, "#389e0d"),
      axis(t("dashboard.unit.energy"), "right", 64, "#d46b08"),
    ],
    series: SERIES.map(({ field, key, axis: yAxisIndex }) => ({
      type: yAxisIndex === 0 ? "bar" : "line",
      name: t(key),
      yAxisIndex,
      connectNulls: false,
      data: years.map((y) => (y[field].suppressed ? null : y[field].value)),
    })),
  };
}

/** Donut of firms per district, biggest first; a slice click opens the directory for that district. Districts are named in the reader's language. */
export function districtsOption(
  data: StatsOverview["perDistrict"],
  t: Translate,
  districtName: (stored: string) => string = (d) => d,
): EChartsCoreOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { type: "scroll", bottom: 0 },
    series: [
      {
        type: "pie",
        name: t("dashboard.firmCount"),
        radius: ["40%", "68%"],
        center: ["50%", "45%"],
        data: data.map((i) => ({ name: districtName(i.district), value: i.firms, district: i.district })),
        label: { formatter: "{b}\n{c}" },
      },
    ],
  };
}
