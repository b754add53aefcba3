/**
 * Threshold calibration for one statistic from a long simulated in-control path.
 *
 * An alarm is an up-crossing of the threshold, so the false-alarm rate at threshold h is the rate
 * of excursions above h. We collect the peak of every excursion above the 90 % quantile, take the
 * K largest peaks, and model the excess over the K-th as exponential (peaks over threshold with a
 * generalised Pareto shape of 0; Pickands 1975). Rate(h) = (K/M)·exp(−(h − u)/β). For Gaussian-like
 * statistics the true tail is lighter than exponential, so extrapolating this way errs on the
 * side of fewer false alarms. Below the K-th peak the empirical excursion count is used.
 */
export interface TailModel {
  /** Base level u (the K-th largest excursion peak). */
  readonly u: number;
  /** Rate of excursions above u per point. */
  readonly rateU: number;
  /** Mean excess of the larger peaks over u. */
  readonly beta: number;
  /** Excursion peaks above u, descending (for the empirical part). */
  readonly peaks: readonly number[];
  readonly points: number;
}

export function fitTail(stat: Float64Array, maxPeaks = 40): TailModel {
  const m = stat.length;
  const sorted = Float64Array.from(stat).sort();
  const u0 = sorted[Math.floor(0.9 * (m - 1))];
  const peaks: number[] = [];
  let inside = false;
  let peak = 0;
  for (let i = 0; i < m; i++) {
    const v = stat[i];
    if (v > u0) {
      if (!inside) {
        inside = true;
        peak = v;
      } else if (v > peak) peak = v;
    } else if (inside) {
      inside = false;
      peaks.push(peak);
    }
  }
  if (inside) peaks.push(peak);
  peaks.sort((a, b) => b - a);
  const k = Math.min(maxPeaks, peaks.length);
  if (k < 2) {
    const top = sorted[m - 1];
    return { u: top, rateU: 1 / m, beta: Math.max(1e-9, Math.abs(top) * 0.1), peaks: [top], points: m };
  }
  const u = peaks[k - 1];
  let excess = 0;
  for (let i = 0; i < k - 1; i++) excess += peaks[i] - u;
  const beta = Math.max(excess / (k - 1), 1e-9 * Math.max(1, Math.abs(u)));
  return { u, rateU: k / m, beta, peaks: peaks.slice(0, k), points: m };
}

/** Expected false alarms per point at threshold h. */
export function tailRate(t: TailModel, h: number): number {
  if (h >= t.u) return t.rateU * Math.exp(-(h - t.u) / t.beta);
  let above = 0;
  for (const p of t.peaks) if (p >= h) above++;
  return Math.max(above, 1) / t.points;
}

/** Smallest threshold whose expected false-alarm rate is at most `rate` per point. */
export function tailThreshold(t: TailModel, rate: number): number {
  if (rate >= t.rateU) {
    const idx = Math.max(0, Math.floor(rate * t.points) - 1);
    return t.peaks[Math.min(idx, t.peaks.length - 1)];
  }
  return t.u + t.beta * Math.log(t.rateU / rate);
}

/** Flatline: with share p of "identical" steps, runs reaching length r start at rate (1 − p)·p^r. */
export function flatlineRate(share: number, run: number): number {
  return (1 - share) * share ** run;
}

export function flatlineThreshold(share: number, rate: number, minRun: number): number {
  let r = minRun;
  while (flatlineRate(share, r) > rate && r < 100_000) r++;
  return r;
}
