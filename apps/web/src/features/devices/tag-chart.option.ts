import type { RangeBucket, Tag, TelemetryTier } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";

export interface LivePoint {
  ts: string;
  value: number | boolean | string;
}

/** Most points the live chart keeps (older ones scroll out). */
export const LIVE_WINDOW = 600;

/** Appends live points to what the chart holds, in time order, without duplicates, bounded. */
export function appendLive(held: LivePoint[], incoming: LivePoint[], max = LIVE_WINDOW): LivePoint[] {
  const seen = new Set(held.map((p) => p.ts));
  const merged = [...held, ...incoming.filter((p) => !seen.has(p.ts))];
  merged.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  return merged.slice(-max);
}

const numeric = (v: number | boolean | string | null): number | null =>
  typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : null;

export interface ChartLabels {
  value: string;
  mean: string;
  min: string;
  max: string;
  low: string;
  high: string;
}

/**
 * The tag chart: for raw points (and live points) one line of values; for rollup buckets the mean
 * with min and max; the tag's limits as dashed lines.
 */
export function tagChartOption(
  tag: Pick<Tag, "unit" | "low" | "high" | "dataType">,
  tier: TelemetryTier | "live",
  data: { buckets: RangeBucket[]; live: LivePoint[] },
  labels: ChartLabels,
): EChartsCoreOption {
  const limitLine = (name: string, y: number | null) =>
    y === null ? [] : [{ name, yAxis: y, label: { formatter: `${name} ${y}` } }];
  const markLine = {
    silent: true,
    symbol: "none",
    lineStyle: { type: "dashed", color: "#cf1322" },
    data: [...limitLine(labels.low, tag.low), ...limitLine(labels.high, tag.high)],
  };
  const step = tag.dataType === "boolean" ? "end" : undefined;
  const base = {
    animation: false,
    tooltip: { trigger: "axis" },
    grid: { left: 56, right: 24, top: 32, bottom: 40 },
    xAxis: { type: "time" },
    // The axis always reaches the limits, so the dashed lines stay in view beside the data.
    yAxis: {
      type: "value",
      name: tag.unit,
      scale: true,
      min: (v: { min: number }) => (tag.low === null ? v.min : Math.min(v.min, tag.low)),
      max: (v: { max: number }) => (tag.high === null ? v.max : Math.max(v.max, tag.high)),
    },
  };
  if (tier === "raw" || tier === "live") {
    const points =
      tier === "live"
        ? data.live.map((p) => [p.ts, numeric(p.value)])
        : data.buckets.map((b) => [b.ts, numeric(b.last)]);
    return {
      ...base,
      series: [{ name: labels.value, type: "line", showSymbol: false, step, data: points, markLine }],
    };
  }
  return {
    ...base,
    legend: { top: 0 },
    series: [
      {
        name: labels.mean,
        type: "line",
        showSymbol: false,
        data: data.buckets.map((b) => [b.ts, b.mean]),
        markLine,
      },
      {
        name: labels.min,
        type: "line",
        showSymbol: false,
        lineStyle: { opacity: 0.4 },
        data: data.buckets.map((b) => [b.ts, b.min]),
      },
      {
        name: labels.max,
        type: "line",
        showSymbol: false,
        lineStyle: { opacity: 0.4 },
        data: data.buckets.map((b) => [b.ts, b.max]),
      },
    ],
  };
}

/** Range presets of the picker: label key → milliseconds back from now. */
export const RANGE_PRESETS = [
  ["15m", 15 * 60_000],
  ["1h", 3_600_000],
  ["6h", 6 * 3_600_000],
  ["24h", 86_400_000],
  ["7d", 7 * 86_400_000],
  ["30d", 30 * 86_400_000],
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number][0];

/** A value as the page shows it: numbers to 4 significant digits, the rest as they are. */
export function formatValue(value: number | boolean | string): string {
  return typeof value === "number" ? String(Number(value.toPrecision(4))) : String(value);
}
