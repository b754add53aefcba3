import { autoForecast } from "./auto.ts";
import { damped, holt, naive, naive2, seasonalNaive, ses } from "./baseline.ts";
import { combine } from "./combine.ts";
import { autoEts, etsForecast, fitEts } from "./ets.ts";
import { croston, sba, tsb } from "./intermittent.ts";
import { mstlForecast } from "./mstl.ts";
import { theta } from "./theta.ts";
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
    default:
      return 5;
  }
}

/** The robust combination used for single-seasonal data: median of ETS, Theta and damped trend. */
function combo(y: readonly number[], primary: number, horizon: number): PointForecast {
  return combine("median", [
    etsForecast(autoEts(y, primary), horizon),
    theta(y, primary, horizon),
    damped(y, primary, horizon),
  ]);
}

/** Multiple seasonality: MSTL-style decomposition (profiles from the last 3 cycles), SES on the rest. */
function mstl(y: readonly number[], periods: readonly number[], horizon: number): PointForecast {
  return mstlForecast(y, horizon, { periods, recentCycles: 3 }, (adj) =>
    etsForecast(fitEts(adj, { error: "A", trend: "N", season: "N", period: 1 }), horizon),
  );
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
      return autoForecast(y, periods, horizon);
  }
}
