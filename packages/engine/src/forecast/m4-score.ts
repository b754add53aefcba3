/**
 * Accuracy measures exactly as the M4 competition defines them (Makridakis, Spiliotis &
 * Assimakopoulos 2020, and the organisers' R code): sMAPE in percent, MASE scaled by the
 * in-sample seasonal-naive MAE with the M4 frequency, and OWA as the mean of the two ratios to
 * Naive2, taken on the averages over all series (not per series).
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(forecast[i]);
    s += d === 0 ? 0 : (200 * Math.abs(actual[i] - forecast[i])) / d;
  }
  return s / actual.length;
}

/** MASE; `insample` is the training series and `m` the M4 frequency (1 when shorter than m+1). */
export function mase(
  insample: readonly number[],
  actual: readonly number[],
  forecast: readonly number[],
  m: number,
): number {
  const lag = insample.length > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < insample.length; t++) scale += Math.abs(insample[t] - insample[t - lag]);
  scale /= insample.length - lag;
  let err = 0;
  for (let i = 0; i < actual.length; i++) err += Math.abs(actual[i] - forecast[i]);
  return err / actual.length / scale;
}

export interface M4Score {
  smape: number;
  mase: number;
}

/** Overall Weighted Average of a method's mean sMAPE and MASE relative to Naive2's. */
export function owa(method: M4Score, naive2: M4Score): number {
  return 0.5 * (method.smape / naive2.smape + method.mase / naive2.mase);
}

/** Share of actual values inside [lower, upper] (the measured coverage of an interval). */
export function coverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  return inside / actual.length;
}
