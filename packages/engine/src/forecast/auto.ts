import { damped, holt, naive, naive2, seasonalNaive, ses } from "./baseline.ts";
import { etsForecast, fitEts } from "./ets.ts";
import { averageDemandInterval, sba } from "./intermittent.ts";
import { mstlForecast } from "./mstl.ts";
import { type Candidate, holdoutSelect } from "./select.ts";
import { theta, thetaCore } from "./theta.ts";
import type { PointForecast } from "./types.ts";

const sesOn = (a: readonly number[], h: number): PointForecast =>
  etsForecast(fitEts(a, { error: "A", trend: "N", season: "N", period: 1 }), h);
const holtOn = (a: readonly number[], h: number): PointForecast =>
  etsForecast(fitEts(a, { error: "A", trend: "A", season: "N", period: 1 }), h);
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
    (y, h) =>
      mstlForecast(y, h, { periods: [short], recentCycles: 1, detrend: "block" }, (a) => holtOn(a, h)),
    (y, h) =>
      mstlForecast(y, h, { periods: [short], recentCycles: 2, detrend: "block" }, (a) => dampedOn(a, h)),
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
 * SBA. Otherwise candidates are scored by their mean absolute error on the last four
 * horizon-long windows (rolling origin) and averaged with weights error^−p: p = 8 over the whole
 * multi-seasonal pool (close to picking the best, but hedged when two are equally good; a plain
 * median blurs the daily shape), p = 4 over the best three of the single-period pool. For
 * the multi-seasonal pool the interval sd is rescaled to the combination's validation errors
 * (its members' own sds, e.g. seasonal naive's, are far too wide once combined); the
 * single-period members' sds already cover about right, and rescaling them to errors of the
 * validated winners made them too narrow (measured on M4 weekly). Series too short to
 * validate fall back to the first pool member (Theta for one period, seasonal naive for several).
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
    const pool = multiSeasonalPool(usable);
    return holdoutSelect(y, horizon, pool, { windows: 4, top: pool.length, power: 8, calibrate: true });
  }
  const pool = singleSeasonalPool(usable[0] ?? 1);
  return holdoutSelect(y, horizon, pool, {
    windows: 4,
    top: 3,
    power: 4,
    minHistory: Math.max(2 * horizon, 10),
  });
}
