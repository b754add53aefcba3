import { damped, holt, naive, naive2, seasonalNaive, ses } from "./baseline.ts";
import { autoEts, etsForecast } from "./ets.ts";
import { averageDemandInterval, croston, sba, tsb } from "./intermittent.ts";
import { mstlForecast } from "./mstl.ts";
import { median } from "./stats.ts";
import { theta, thetaCore } from "./theta.ts";
import type { MethodName, PointForecast } from "./types.ts";

/** Shortest series each method accepts (auto degrades to simpler methods instead). */
export function minimumLength(method: MethodName, periods: readonly number[]): number {
  const primary = periods[0] ?? 1;
  switch (method) {
    case "naive":
    case "naive2":
    case "auto":
      return 1;
    case "snaive":
      return Math.max(1, primary);
    case "croston":
    case "sba":
    case "tsb":
    case "ses":
    case "theta":
      return 3;
    case "mstl":
      return Math.max(5, 2 * Math.min(...periods));
    default:
      return 5;
  }
}

/** Element-wise median of point paths; the sd is the mean of the members' sds. */
export function combine(label: string, parts: readonly PointForecast[]): PointForecast {
  const h = parts[0].mean.length;
  return {
    method: `${label}(${parts.map((p) => p.method).join(",")})`,
    mean: Array.from({ length: h }, (_, i) => median(parts.map((p) => p.mean[i]))),
    sd: Array.from({ length: h }, (_, i) => parts.reduce((s, p) => s + p.sd[i], 0) / parts.length),
  };
}

/** The robust combination used for single-seasonal data: median of ETS, Theta and damped trend. */
function combo(y: readonly number[], primary: number, horizon: number): PointForecast {
  return combine("median", [
    etsForecast(autoEts(y, primary), horizon),
    theta(y, primary, horizon),
    damped(y, primary, horizon),
  ]);
}

/** Multiple seasonality: MSTL-style decomposition, then a non-seasonal combination on the remainder. */
function mstl(y: readonly number[], periods: readonly number[], horizon: number): PointForecast {
  return mstlForecast(y, horizon, { periods }, (adj) =>
    combine("median", [etsForecast(autoEts(adj, 1), horizon), thetaCore(adj, horizon), naive(adj, horizon)]),
  );
}

/**
 * Automatic choice per series: intermittent demand (ADI > 1.32, Syntetos & Boylan 2005) goes to
 * SBA; several usable periods go to the multiple-seasonal decomposition; otherwise the median
 * combination. Very short series fall back to naive.
 */
function auto(y: readonly number[], periods: readonly number[], horizon: number): PointForecast {
  const primary = periods[0] ?? 1;
  if (y.length < 5) return naive(y, horizon);
  if (y.some((v) => v === 0) && averageDemandInterval(y) > 1.32) return sba(y, horizon);
  const usable = periods.filter((p) => p > 1 && y.length >= 2 * p);
  if (usable.length >= 2 || (usable.length === 1 && usable[0] > 52)) return mstl(y, usable, horizon);
  return combo(y, primary, horizon);
}

export function pointForecast(
  y: readonly number[],
  method: MethodName,
  periods: readonly number[],
  horizon: number,
): PointForecast {
  const primary = periods[0] ?? 1;
  switch (method) {
    case "naive":
      return naive(y, horizon);
    case "snaive":
      return seasonalNaive(y, primary, horizon);
    case "naive2":
      return naive2(y, primary, horizon);
    case "ses":
      return ses(y, primary, horizon);
    case "holt":
      return holt(y, primary, horizon);
    case "damped":
      return damped(y, primary, horizon);
    case "ets":
      return etsForecast(autoEts(y, primary), horizon);
    case "theta":
      return theta(y, primary, horizon);
    case "croston":
      return croston(y, horizon);
    case "sba":
      return sba(y, horizon);
    case "tsb":
      return tsb(y, horizon);
    case "mstl":
      return mstl(y, periods, horizon);
    case "combo":
      return combo(y, primary, horizon);
    case "auto":
      return auto(y, periods, horizon);
  }
}
