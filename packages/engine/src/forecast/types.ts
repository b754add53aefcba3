import type { PeriodInference } from "./period.ts";

/** Names accepted by `forecast(…, { method })`. */
export const METHOD_NAMES = [
  "auto",
  "naive",
  "snaive",
  "naive2",
  "ses",
  "holt",
  "damped",
  "ets",
  "theta",
  "croston",
  "sba",
  "tsb",
  "mstl",
  "combo",
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export interface PredictionInterval {
  /** Nominal coverage in percent, e.g. 80 or 95. */
  level: number;
  lower: number[];
  upper: number[];
}

export interface ForecastResult {
  /** The method that produced the forecast (for `auto`, the one it chose, e.g. "ets(M,Ad,N)"). */
  method: string;
  mean: number[];
  intervals: PredictionInterval[];
  /** With `period: "auto"`: the periods used and why. */
  season?: PeriodInference;
}

export interface ForecastOptions {
  horizon: number;
  /** Seasonal period(s): one number, or several for multiple seasonality (e.g. [24, 168]). 1 = none. */
  period?: number | readonly number[] | "auto";
  /** Epoch ms per value; with `period: "auto"` the sampling decides the period (hourly → 24, 168 …). */
  timestamps?: readonly number[];
  method?: MethodName;
  /** Interval levels in percent; default [80, 95]. */
  levels?: readonly number[];
  /** Whether negative values are impossible (demand); default true: they are rejected and bounds clipped at 0. */
  nonNegative?: boolean;
}

/**
 * What every method returns before intervals are built: the point path and the standard
 * deviation of the h-step error, so intervals share one construction (mean ± z·sd).
 */
export interface PointForecast {
  method: string;
  mean: number[];
  sd: number[];
}
