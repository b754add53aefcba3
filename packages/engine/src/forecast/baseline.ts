import { m4SeasonalAdjust } from "./decompose.ts";
import { etsForecast, fitEts } from "./ets.ts";
import type { PointForecast } from "./types.ts";

/** Root mean square of the lag-k differences: the one-step error sd of a (seasonal) random walk. */
function lagRms(y: readonly number[], k: number): number {
  let s = 0;
  let c = 0;
  for (let t = k; t < y.length; t++) {
    s += (y[t] - y[t - k]) ** 2;
    c++;
  }
  return c ? Math.sqrt(s / c) : 0;
}

/** Naive: the last value, random-walk error growth sd·√h. */
export function naive(y: readonly number[], horizon: number): PointForecast {
  const last = y[y.length - 1];
  const sigma = lagRms(y, 1);
  return {
    method: "naive",
    mean: new Array<number>(horizon).fill(last),
    sd: Array.from({ length: horizon }, (_, i) => sigma * Math.sqrt(i + 1)),
  };
}

/** Seasonal naive: the value one season back; the error grows with the number of whole seasons ahead. */
export function seasonalNaive(y: readonly number[], period: number, horizon: number): PointForecast {
  const n = y.length;
  if (period <= 1 || n < period) return { ...naive(y, horizon), method: "snaive" };
  const sigma = lagRms(y, period);
  return {
    method: "snaive",
    mean: Array.from({ length: horizon }, (_, i) => y[n - period + (i % period)]),
    sd: Array.from({ length: horizon }, (_, i) => sigma * Math.sqrt(Math.floor(i / period) + 1)),
  };
}

/** Applies a non-seasonal method to M4-style seasonally adjusted data and reseasonalises. */
export function withM4Adjustment(
  y: readonly number[],
  period: number,
  horizon: number,
  inner: (adjusted: number[]) => PointForecast,
): PointForecast {
  const adj = m4SeasonalAdjust(y, period, horizon);
  const f = inner(adj.adjusted);
  return {
    method: f.method,
    mean: f.mean.map((v, i) => v * adj.future[i]),
    sd: f.sd.map((v, i) => v * adj.future[i]),
  };
}

/** Naive2 (the M4 reference): naive on the seasonally adjusted series when the 90% ACF test passes. */
export function naive2(y: readonly number[], period: number, horizon: number): PointForecast {
  return { ...withM4Adjustment(y, period, horizon, (a) => naive(a, horizon)), method: "naive2" };
}

/** Simple exponential smoothing = ETS(A,N,N) fitted by likelihood (as R's forecast::ses), M4-adjusted. */
export function ses(y: readonly number[], period: number, horizon: number): PointForecast {
  const f = withM4Adjustment(y, period, horizon, (a) =>
    etsForecast(fitEts(a, { error: "A", trend: "N", season: "N", period: 1 }), horizon),
  );
  return { ...f, method: "ses" };
}

/** Holt's linear trend = ETS(A,A,N), M4-adjusted. */
export function holt(y: readonly number[], period: number, horizon: number): PointForecast {
  const f = withM4Adjustment(y, period, horizon, (a) =>
    etsForecast(fitEts(a, { error: "A", trend: "A", season: "N", period: 1 }), horizon),
  );
  return { ...f, method: "holt" };
}

/** Damped trend (Gardner & McKenzie 1985) = ETS(A,Ad,N), M4-adjusted. */
export function damped(y: readonly number[], period: number, horizon: number): PointForecast {
  const f = withM4Adjustment(y, period, horizon, (a) =>
    etsForecast(fitEts(a, { error: "A", trend: "Ad", season: "N", period: 1 }), horizon),
  );
  return { ...f, method: "damped" };
}
