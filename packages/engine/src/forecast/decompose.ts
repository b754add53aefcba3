import { seasonalityTest } from "./stats.ts";

/**
 * Classical multiplicative decomposition as R's `decompose(type = "multiplicative")`, which the
 * M4 benchmarks (Naive2, SES, Holt, Damped, Theta) use to seasonally adjust: a centred moving
 * average of length m (2×m for even m) is the trend; the seasonal figure is the mean ratio per
 * phase, normalised to mean 1. Phase 0 is the first observation.
 */
export function multiplicativeFigure(y: readonly number[], m: number): number[] {
  const n = y.length;
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (m % 2 === 0) {
      trend = 0.5 * (y[t - half] + y[t + half]);
      for (let j = -half + 1; j < half; j++) trend += y[t + j];
    } else {
      for (let j = -half; j <= half; j++) trend += y[t + j];
    }
    trend /= m;
    sums[t % m] += y[t] / trend;
    counts[t % m] += 1;
  }
  const figure = sums.map((s, i) => (counts[i] ? s / counts[i] : 1));
  const avg = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => f / avg);
}

export interface SeasonalAdjustment {
  /** y divided by its seasonal index (or y itself when not seasonal). */
  adjusted: number[];
  /** Seasonal index for each of the next `horizon` steps (1 when not seasonal). */
  future: number[];
  seasonal: boolean;
}

/** The M4 benchmarks' preprocessing: deseasonalise only when the 90% ACF test says seasonal. */
export function m4SeasonalAdjust(y: readonly number[], m: number, horizon: number): SeasonalAdjustment {
  const positive = y.every((v) => v > 0);
  if (m <= 1 || !positive || !seasonalityTest(y, m)) {
    return { adjusted: y.slice(), future: new Array<number>(horizon).fill(1), seasonal: false };
  }
  const fig = multiplicativeFigure(y, m);
  const n = y.length;
  return {
    adjusted: y.map((v, t) => v / fig[t % m]),
    future: Array.from({ length: horizon }, (_, h) => fig[(n + h) % m]),
    seasonal: true,
  };
}
