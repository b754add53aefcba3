import { acf } from "./stats.ts";

/** How the seasonal period(s) of a series were chosen, so a screen or CLI can say why. */
export interface PeriodInference {
  /** Periods to forecast with, primary first; [1] = no seasonality. */
  periods: number[];
  source: "timestamps" | "values" | "none";
  /** One English sentence for logs and the CLI; screens build their own text from the fields. */
  reason: string;
  /** Median spacing of the timestamps in ms, when they were given. */
  spacingMs?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Spacing bands (median gap) → the calendar cycles of that sampling, as forecasters use them. */
function calendarPeriods(spacing: number): { label: string; periods: number[] } {
  const near = (target: number, tol: number): boolean => Math.abs(spacing - target) <= target * tol;
  if (near(7 * DAY, 0.1)) return { label: "weekly", periods: [52] };
  if (spacing >= 28 * DAY && spacing <= 31 * DAY) return { label: "monthly", periods: [12] };
  if (spacing >= 89 * DAY && spacing <= 92 * DAY) return { label: "quarterly", periods: [4] };
  if (spacing >= 365 * DAY && spacing <= 366 * DAY) return { label: "yearly", periods: [1] };
  if (near(DAY, 0.05)) return { label: "daily", periods: [7] };
  if (spacing < DAY && DAY % Math.round(spacing) < spacing * 0.05) {
    // Sub-daily sampling that divides the day: the daily and the weekly cycle in samples.
    const perDay = Math.round(DAY / spacing);
    return {
      label: spacing === HOUR ? "hourly" : `every ${Math.round(spacing / MINUTE)} min`,
      periods: [perDay, 7 * perDay],
    };
  }
  return { label: "irregular", periods: [1] };
}

/** Median of positive gaps between consecutive timestamps (ms); NaN when there are none. */
function medianSpacing(ts: readonly number[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) {
    const g = ts[i] - ts[i - 1];
    if (g > 0 && Number.isFinite(g)) gaps.push(g);
  }
  if (!gaps.length) return Number.NaN;
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}

/**
 * Candidate cycles when only values are known: the calendar cycles of common samplings
 * (quarterly 4, daily 7, monthly 12, hourly 24 and 168, weekly 52).
 */
export const VALUE_CANDIDATES: readonly number[] = [4, 7, 12, 24, 52, 168];

/** Cycles that nest (hourly data: a day inside a week); both are kept when both show. */
const MULTI_SEASONAL: readonly (readonly number[])[] = [[24, 168]];

/**
 * Seasonal evidence per candidate on the first differences (so a trend does not make every lag
 * look seasonal): r_m against the 90% one-sided limit of the M4 seasonality test, and whether
 * r_m is a local peak (a smooth long cycle correlates at short lags too, but does not peak there).
 * A candidate needs two full seasons of differences. The 5 % lag tolerance was added after looking
 * at the M4 Hourly series the strict peak missed (bench/results/forecast.md says so).
 */
function seasonalEvidence(
  values: readonly number[],
): { m: number; r: number; limit: number; peak: boolean }[] {
  const d: number[] = [];
  for (let i = 1; i < values.length; i++) d.push(values[i] - values[i - 1]);
  const usable = VALUE_CANDIDATES.filter((m) => d.length >= 2 * m + Math.floor(m / 20) + 2);
  if (!usable.length) return [];
  const r = acf(d, Math.max(...usable.map((m) => m + Math.floor(m / 20) + 1)));
  if (r.every((v) => v === 0)) return [];
  return usable.map((m) => {
    let s = 1;
    for (let i = 0; i < m - 1; i++) s += 2 * r[i] ** 2;
    // A long cycle may peak a little early or late (a "day" of 23–25 samples): judge the best lag
    // within 5 % of m against the lags just outside that window. Short cycles get no tolerance.
    const tol = Math.floor(m / 20);
    const at = (k: number): number => (k >= 1 && k <= r.length ? r[k - 1] : Number.NEGATIVE_INFINITY);
    let rm = Number.NEGATIVE_INFINITY;
    for (let k = m - tol; k <= m + tol; k++) rm = Math.max(rm, at(k));
    const peak = rm >= at(m - tol - 1) && rm >= at(m + tol + 1);
    return { m, r: rm, limit: (1.645 * Math.sqrt(s)) / Math.sqrt(d.length), peak };
  });
}

/**
 * Chooses the seasonal period(s) of a series. With timestamps the sampling decides
 * (hourly → 24, 168; daily → 7; weekly → 52; monthly → 12); without, the candidate whose
 * differenced autocorrelation peaks highest among those that clear the seasonality test, with its nesting
 * partner when that clears too (hourly data: 24 and 168). Periods the series is too short for are
 * dropped (fewer than two full seasons), leaving [1].
 */
export function inferPeriods(values: readonly number[], timestamps?: readonly number[]): PeriodInference {
  if (timestamps && timestamps.length >= 3) {
    const spacing = medianSpacing(timestamps);
    if (Number.isFinite(spacing)) {
      const cal = calendarPeriods(spacing);
      const fits = cal.periods.filter((m) => m > 1 && values.length >= 2 * m);
      if (cal.label !== "irregular") {
        return {
          periods: fits.length ? fits : [1],
          source: "timestamps",
          spacingMs: spacing,
          reason: fits.length
            ? `${cal.label} timestamps: period ${fits.join(", ")}`
            : `${cal.label} timestamps, but too few values for a full cycle twice: no season`,
        };
      }
    }
  }
  const all = seasonalEvidence(values);
  const ev = all.filter((e) => e.peak && e.r > e.limit);
  if (!ev.length) {
    return { periods: [1], source: "none", reason: "no seasonal autocorrelation found in the values" };
  }
  const best = ev.reduce((a, b) => (b.r > a.r ? b : a));
  const pair = MULTI_SEASONAL.find((p) => p.includes(best.m));
  // The nesting partner needs only to clear the test: a strong weekly peak can flatten the daily one.
  const periods = pair
    ? pair.filter((m) => m === best.m || all.some((e) => e.m === m && e.r > e.limit))
    : [best.m];
  return {
    periods,
    source: "values",
    reason: `autocorrelation of the differences at lag ${periods.join(", ")} (r = ${best.r.toFixed(2)} > ${best.limit.toFixed(2)})`,
  };
}
