import { mean } from "./stats.ts";
import type { PointForecast } from "./types.ts";

/**
 * Multiple-seasonal decomposition in the spirit of MSTL (Bandara, Hyndman & Bergmeir 2021):
 * each seasonal component is re-estimated in turn from the series with the others removed,
 * a few times over. STL's loess smoothing is replaced by a centred moving-average trend and a
 * per-phase mean over the most recent cycles, which is enough for the regular daily/weekly
 * shapes of hourly data and keeps the code small and fast. Works on logs when the data are
 * positive so that seasonal swings scale with the level.
 */
export interface MstlOptions {
  periods: readonly number[];
  iterations?: number;
  /** Cycles averaged for each profile (one number for all periods, or one per period); older history is ignored. */
  recentCycles?: number | readonly number[];
  log?: boolean;
  /**
   * How each cycle is detrended: "moving-average" (centred MA, as classical decomposition) or
   * "block" (cycles aligned to the end of the series, each minus its own mean), which keeps the
   * most recent cycle in the estimate.
   */
  detrend?: "moving-average" | "block";
}

export interface MstlDecomposition {
  /** Seasonally adjusted series (trend + remainder), on the log scale when `log`. */
  adjusted: number[];
  /** One profile per period, phase 0 = first observation. */
  profiles: number[][];
  periods: number[];
  log: boolean;
}

function centredMovingAverage(x: readonly number[], p: number): (number | null)[] {
  const n = x.length;
  const half = Math.floor(p / 2);
  const out: (number | null)[] = new Array(n).fill(null);
  if (n < p + 1) return out;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];
  for (let t = half; t < n - half; t++) {
    if (p % 2 === 0) {
      const inner = prefix[t + half] - prefix[t - half + 1];
      out[t] = (inner + 0.5 * (x[t - half] + x[t + half])) / p;
    } else out[t] = (prefix[t + half + 1] - prefix[t - half]) / p;
  }
  return out;
}

/** Each end-aligned cycle's mean, assigned to all its points (null before `from`). */
function blockMeans(x: readonly number[], p: number, from: number): (number | null)[] {
  const n = x.length;
  const out: (number | null)[] = new Array(n).fill(null);
  for (let end = n; end - p >= from; end -= p) {
    let s = 0;
    for (let t = end - p; t < end; t++) s += x[t];
    for (let t = end - p; t < end; t++) out[t] = s / p;
  }
  return out;
}

export function mstlDecompose(y: readonly number[], opts: MstlOptions): MstlDecomposition {
  const n = y.length;
  const log = (opts.log ?? true) && y.every((v) => v > 0);
  const x = log ? y.map(Math.log) : y.slice();
  const periods = [...opts.periods].filter((p) => p > 1 && n >= 2 * p).sort((a, b) => a - b);
  const profiles = periods.map((p) => new Array<number>(p).fill(0));
  const iterations = opts.iterations ?? 2;
  const recentOf = (k: number): number => {
    const r = opts.recentCycles;
    if (r === undefined) return Number.POSITIVE_INFINITY;
    return typeof r === "number" ? r : (r[k] ?? Number.POSITIVE_INFINITY);
  };
  const seasonalAt = (t: number, skip: number): number => {
    let s = 0;
    for (let k = 0; k < periods.length; k++) if (k !== skip) s += profiles[k][t % periods[k]];
    return s;
  };
  for (let it = 0; it < iterations; it++) {
    for (let k = 0; k < periods.length; k++) {
      const p = periods[k];
      const part = x.map((v, t) => v - seasonalAt(t, k));
      const from = Math.max(0, n - Math.min(recentOf(k), Math.floor(n / p)) * p);
      const trend = opts.detrend === "block" ? blockMeans(part, p, from) : centredMovingAverage(part, p);
      const sums = new Array<number>(p).fill(0);
      const counts = new Array<number>(p).fill(0);
      for (let t = from; t < n; t++) {
        const tr = trend[t];
        if (tr === null) continue;
        sums[t % p] += part[t] - tr;
        counts[t % p]++;
      }
      const prof = sums.map((s, i) => (counts[i] ? s / counts[i] : 0));
      const c = mean(prof);
      profiles[k] = prof.map((v) => v - c);
    }
  }
  return { adjusted: x.map((v, t) => v - seasonalAt(t, -1)), profiles, periods, log };
}

/** Forecasts the adjusted series with `inner`, then adds the seasonal profiles back. */
export function mstlForecast(
  y: readonly number[],
  horizon: number,
  opts: MstlOptions,
  inner: (adjusted: number[]) => PointForecast,
): PointForecast {
  const d = mstlDecompose(y, opts);
  const f = inner(d.adjusted);
  const n = y.length;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let h = 0; h < horizon; h++) {
    let s = 0;
    for (let k = 0; k < d.periods.length; k++) s += d.profiles[k][(n + h) % d.periods[k]];
    const m = f.mean[h] + s;
    // On the log scale the sd maps back by the delta method (sd·e^m), a symmetric approximation.
    mean.push(d.log ? Math.exp(m) : m);
    sd.push(d.log ? f.sd[h] * Math.exp(m) : f.sd[h]);
  }
  return { method: `mstl(${d.periods.join(",")})+${f.method}`, mean, sd };
}
