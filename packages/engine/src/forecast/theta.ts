import { withM4Adjustment } from "./baseline.ts";
import { fitEts } from "./ets.ts";
import { etsFilter } from "./ets-core.ts";
import { linearFit } from "./stats.ts";
import type { PointForecast } from "./types.ts";

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) as the M4 benchmark implements it:
 * the theta-0 line is the least-squares trend, the theta-2 line 2y − line0 is extrapolated by
 * SES, and the forecast is their equal-weight average. Hyndman & Billah (2003) show this equals
 * SES with drift, so the interval uses SES's error growth σ²(1 + (h−1)α²) with σ from the
 * in-sample one-step errors of the combination.
 */
export function thetaCore(y: readonly number[], horizon: number): PointForecast {
  const n = y.length;
  const { intercept, slope } = linearFit(y);
  const line0 = (t: number): number => intercept + slope * t;
  const line2 = y.map((v, i) => 2 * v - line0(i + 1));
  const fit = fitEts(line2, { error: "A", trend: "N", season: "N", period: 1 });
  const { alpha, l0 } = fit.params;
  // In-sample one-step errors of the combined forecast (SES fitted values replayed).
  let level = l0;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const f = 0.5 * level + 0.5 * line0(i + 1);
    sse += (y[i] - f) ** 2;
    level += alpha * (line2[i] - level);
  }
  const sigma = Math.sqrt(sse / n);
  const last = etsFilter(line2, fit.spec, fit.params).l;
  const mean = Array.from({ length: horizon }, (_, h) => 0.5 * last + 0.5 * line0(n + h + 1));
  const sd = Array.from({ length: horizon }, (_, h) => sigma * Math.sqrt(1 + h * alpha * alpha));
  return { method: "theta", mean, sd };
}

export function theta(y: readonly number[], period: number, horizon: number): PointForecast {
  return { ...withM4Adjustment(y, period, horizon, (a) => thetaCore(a, horizon)), method: "theta" };
}
