import type { IndicatorTotals, StatsOverviewQuery } from "@clusterbrain/contracts";
import { parseDirectoryQuery, toSearchParams } from "../directory/directory-query.ts";

/** The dashboard's filters as they live in its URL (`?year=2024&district=…&chainNode=…`). */
export interface DashboardFilters {
  year: number | undefined;
  district: string | undefined;
  chainNode: string | undefined;
}

export function parseDashboardFilters(params: URLSearchParams): DashboardFilters {
  const year = Number(params.get("year"));
  const text = (name: string) => {
    const v = params.get(name)?.trim();
    return v ? v : undefined;
  };
  return {
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    district: text("district"),
    chainNode: text("chainNode"),
  };
}

export function dashboardSearchParams(filters: DashboardFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.year !== undefined) out.set("year", String(filters.year));
  if (filters.district !== undefined) out.set("district", filters.district);
  if (filters.chainNode !== undefined) out.set("chainNode", filters.chainNode);
  return out;
}

export function toOverviewQuery(filters: DashboardFilters): StatsOverviewQuery {
  return { year: filters.year, district: filters.district, chainNode: filters.chainNode };
}

/**
 * The directory URL that lists the firms behind a figure: the dashboard's district and chain node,
 * narrowed further by what was clicked. Written with the directory's own URL writer, so the
 * directory reads exactly these filters.
 */
export function drillDownUrl(
  filters: DashboardFilters,
  clicked: { district?: string; chainNode?: string } = {},
): string {
  const query = parseDirectoryQuery(new URLSearchParams());
  query.kind = "enterprise";
  query.district = clicked.district ?? filters.district;
  query.chainNode = clicked.chainNode ?? filters.chainNode;
  const qs = toSearchParams(query).toString();
  return qs ? `/directory?${qs}` : "/directory";
}

export type TotalField = "revenue" | "rdSpend" | "exports" | "employees" | "patents" | "energyUse";

/** A year's value of one indicator, or null when withheld (fewer than k firms) or absent. */
export function totalOf(series: readonly IndicatorTotals[], year: number, field: TotalField): number | null {
  const cell = series.find((y) => y.year === year)?.[field];
  return cell && !cell.suppressed ? cell.value : null;
}

/** Change against the year before as a fraction (0.12 = +12 %), or null when either year is unknown. */
export function yearOnYear(
  series: readonly IndicatorTotals[],
  year: number,
  field: TotalField,
): number | null {
  const now = totalOf(series, year, field);
  const before = totalOf(series, year - 1, field);
  if (now === null || before === null || before === 0) return null;
  return (now - before) / before;
}

/** The year shown: the chosen one, else the latest with data. */
export function shownYear(years: readonly number[], chosen: number | undefined): number | undefined {
  if (chosen !== undefined && years.includes(chosen)) return chosen;
  return years.length ? Math.max(...years) : undefined;
}

/** Rounded for axes and tiles: 12,345 → "1.2万" (zh) / "12.3k" (en); small values as integers. */
export function compactNumber(value: number, locale: "zh-CN" | "en"): string {
  const abs = Math.abs(value);
  if (locale === "zh-CN") {
    if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
    if (abs >= 1e4) return `${trim(value / 1e4)}万`;
  } else {
    if (abs >= 1e9) return `${trim(value / 1e9)}B`;
    if (abs >= 1e6) return `${trim(value / 1e6)}M`;
    if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  }
  return Math.round(value).toLocaleString(locale === "en" ? "en-GB" : "zh-CN");
}

function trim(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
