import { ForecastError } from "./errors.ts";
import { minimumLength, pointForecast } from "./methods.ts";
import { inferPeriods, type PeriodInference } from "./period.ts";
import { normalQuantile } from "./stats.ts";
import {
  type ForecastOptions,
  type ForecastResult,
  METHOD_NAMES,
  type MethodName,
  type PointForecast,
} from "./types.ts";

const MAX_HORIZON = 10_000;

export function normalisePeriods(period: ForecastOptions["period"]): number[] {
  // "auto" is resolved per series in forecast(); before that the checks judge it as no season.
  const list =
    period === undefined || period === "auto" ? [1] : typeof period === "number" ? [period] : [...period];
  for (const p of list) {
    if (!Number.isInteger(p) || p < 1) {
      throw new ForecastError("BAD_PERIOD", `seasonal period must be a positive integer, got ${p}`);
    }
  }
  return list.length ? list : [1];
}

/** Throws a ForecastError describing the first problem with the request. */
export function validateSeries(y: readonly number[], opts: ForecastOptions, seriesId?: string): void {
  const where = seriesId === undefined ? "" : ` (series ${seriesId})`;
  const detail = seriesId === undefined ? {} : { seriesId };
  if (!Number.isInteger(opts.horizon) || opts.horizon < 1 || opts.horizon > MAX_HORIZON) {
    throw new ForecastError(
      "BAD_HORIZON",
      `horizon must be an integer from 1 to ${MAX_HORIZON}, got ${opts.horizon}`,
    );
  }
  const method = opts.method ?? "auto";
  if (!METHOD_NAMES.includes(method)) {
    throw new ForecastError(
      "UNKNOWN_METHOD",
      `unknown method "${method}"; use one of ${METHOD_NAMES.join(", ")}`,
    );
  }
  if (y.length === 0) throw new ForecastError("EMPTY_SERIES", `the series is empty${where}`, detail);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new ForecastError("NOT_FINITE", `value ${i + 1} is not a finite number${where}`, {
        ...detail,
        index: i + 1,
      });
    }
    if ((opts.nonNegative ?? true) && y[i] < 0) {
      throw new ForecastError(
        "NEGATIVE_VALUE",
        `value ${i + 1} is negative (${y[i]}) but demand cannot be${where}`,
        {
          ...detail,
          index: i + 1,
        },
      );
    }
  }
  const need = minimumLength(method, normalisePeriods(opts.period));
  if (y.length < need) {
    throw new ForecastError(
      "TOO_SHORT",
      `method ${method} needs at least ${need} values, got ${y.length}${where}`,
      detail,
    );
  }
}

/** Turns a point path and its h-step sd into the result with mean ± z·sd intervals. */
export function withIntervals(
  f: PointForecast,
  levels: readonly number[],
  nonNegative: boolean,
): ForecastResult {
  const clip = (v: number): number => (nonNegative ? Math.max(0, v) : v);
  return {
    method: f.method,
    mean: f.mean.map(clip),
    intervals: levels.map((level) => {
      const z = normalQuantile(0.5 + level / 200);
      return {
        level,
        lower: f.mean.map((m, i) => clip(m - z * f.sd[i])),
        upper: f.mean.map((m, i) => clip(m + z * f.sd[i])),
      };
    }),
  };
}

/** Forecasts one series; deterministic, synchronous. */
export function forecast(y: readonly number[], opts: ForecastOptions): ForecastResult {
  validateSeries(y, opts);
  const method: MethodName = opts.method ?? "auto";
  const levels = opts.levels ?? [80, 95];
  for (const l of levels) {
    if (!(l > 0 && l < 100))
      throw new ForecastError("BAD_LEVEL", `interval level must be in (0, 100), got ${l}`);
  }
  let periods = normalisePeriods(opts.period);
  let season: PeriodInference | undefined;
  if (opts.period === "auto") {
    season = inferPeriods(y, opts.timestamps);
    if (y.length < minimumLength(method, season.periods)) {
      season = {
        ...season,
        periods: [1],
        reason: `${season.reason}; too short for ${method} with it: no season`,
      };
    }
    periods = season.periods;
  }
  const f = pointForecast(y, method, periods, opts.horizon);
  const result = withIntervals(f, levels, opts.nonNegative ?? true);
  return season ? { ...result, season } : result;
}
