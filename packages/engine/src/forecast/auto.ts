import { damped, holt, naive, naive2, seasonalNaive, ses } from "./baseline.ts";
import { etsForecast, fitEts } from "./ets.ts";
import { averageDemandInterval, sba } from "./intermittent.ts";
import { mstlForecast } from "./mstl.ts";
import { type Candidate, holdoutSelect } from "./select.ts";
import { theta, thetaCore } from "./theta.ts";
import type { PointForecast } from "./types.ts";

const sesOn = (a: readonly number[], h: number): PointForecast =>
  etsForecast(fitEts(a, { error: "A", trend: "N", season: "N", period: 1 }), h);
const dampedOn = (a: readonly number[], h: number): PointForecast =>
  etsForecast(fitEts(a, { error: "A", trend: "Ad", season: "N", period: 1 }), h);

/**
 * Pool for several seasonal periods (e.g. 24 and 168 for hourly data): seasonal naive on the
 * shortest and longest cycle, and decompositions whose profiles come from the last few cycles
 * only, so a pattern that shifted recently is followed.
 */
export function multiSeasonalPool(periods: readonly number[]): Candidate[] {
  const sorted = [...periods].sort((a, b) => a - b);
  const short = sorted[0];
  const long = sorted[sorted.length - 1];
  return [
    (y, h) => seasonalNaive(y, short, h),
    (y, h) => seasonalNaive(y, long, h),
    (y, h) => mstlForecast(y, h, { periods: sorted, recentCycles: 3 }, (a) => sesOn(a, h)),
    (y, h) => mstlForecast(y, h, { periods: [long], recentCycles: 3, detrend: "block" }, (a) => sesOn(a, h)),
    (y, h) =>
      mstlForecast(y, h, { periods: [short], recentCycles: 3, detrend: "block" }, (a) => dampedOn(a, h)),
    (y, h) => mstlForecast(y, h, { periods: [short], recentCycles: 7 }, (a) => thetaCore(a, h)),
  ];
}

/** Pool for one seasonal period (or none): the M4 benchmarks, with and without seasonal adjustment. */
export function singleSeasonalPool(period: number): Candidate[] {
  // Theta first: it is what a series too short to validate gets (robust on level and trend).
  const pool: Candidate[] = [
    (y, h) => theta(y, 1, h),
    (y, h) => naive(y, h),
    (y, h) => ses(y, 1, h),
    (y, h) => damped(y, 1, h),
  ];
  if (period > 1) {
    pool.push(
      (y, h) => theta(y, period, h),
      (y, h) => ses(y, period, h),
      (y, h) => seasonalNaive(y, period, h),
      (y, h) => damped(y, period, h),
      (y, h) => naive2(y, period, h),
      (y, h) => holt(y, period, h),
    );
  } else pool.push((y, h) => holt(y, 1, h));
  return pool;
}

/**
 * Automatic choice per series. Intermittent demand (ADI > 1.32, Syntetos & Boylan 2005) gets
 * SBA. Otherwise candidates are ranked on the last four horizon-long windows (rolling origin):
 * with several periods the single best is kept (the pool members differ mostly in which cycle
 * they trust, so averaging blurs the shape); with one period the median of the best two
 * (combining two validated methods is steadier than either). Series too short to validate
 * fall back to the first pool member (Theta for one period, seasonal naive for several).
 */
export function autoForecast(
  y: readonly number[],
  periods: readonly number[],
  horizon: number,
): PointForecast {
  if (y.length < 5) return naive(y, horizon);
  if (y.some((v) => v === 0) && averageDemandInterval(y) > 1.32) return sba(y, horizon);
  const usable = periods.filter((p) => p > 1 && y.length >= 3 * p);
  if (usable.length >= 2) {
    return holdoutSelect(y, horizon, multiSeasonalPool(usable), { windows: 4, top: 1 });
  }
  const pool = singleSeasonalPool(usable[0] ?? 1);
  return holdoutSelect(y, horizon, pool, { windows: 4, top: 2, minHistory: Math.max(2 * horizon, 10) });
}
