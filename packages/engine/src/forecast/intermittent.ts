import type { PointForecast } from "./types.ts";

/**
 * Intermittent-demand methods. Croston (1972) smooths non-zero demand sizes z and the
 * intervals p between them separately and forecasts z/p; SBA (Syntetos & Boylan 2005) removes
 * Croston's bias with the factor (1 − α/2); TSB (Teunter, Syntetos & Babai 2011) smooths the
 * demand probability every period, so the forecast decays when demand stops.
 * Smoothing constants default to 0.1, the usual choice in that literature.
 */
export interface IntermittentOptions {
  alpha?: number;
  /** TSB's smoothing constant for the demand probability. */
  beta?: number;
}

/** Flat forecast with a constant sd equal to the RMS of the in-sample one-step errors. */
function flat(method: string, value: number, errors: readonly number[], horizon: number): PointForecast {
  const sigma = errors.length ? Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length) : 0;
  return { method, mean: new Array<number>(horizon).fill(value), sd: new Array<number>(horizon).fill(sigma) };
}

function crostonState(
  y: readonly number[],
  alpha: number,
  debias: number,
): { value: number; errors: number[] } {
  let z = Number.NaN;
  let p = Number.NaN;
  let q = 0;
  const errors: number[] = [];
  for (let t = 0; t < y.length; t++) {
    q++;
    if (!Number.isNaN(z)) errors.push(y[t] - (debias * z) / p);
    if (y[t] > 0) {
      if (Number.isNaN(z)) {
        z = y[t];
        p = q;
      } else {
        z += alpha * (y[t] - z);
        p += alpha * (q - p);
      }
      q = 0;
    }
  }
  return { value: Number.isNaN(z) ? 0 : (debias * z) / p, errors };
}

export function croston(
  y: readonly number[],
  horizon: number,
  opts: IntermittentOptions = {},
): PointForecast {
  const s = crostonState(y, opts.alpha ?? 0.1, 1);
  return flat("croston", s.value, s.errors, horizon);
}

export function sba(y: readonly number[], horizon: number, opts: IntermittentOptions = {}): PointForecast {
  const alpha = opts.alpha ?? 0.1;
  const s = crostonState(y, alpha, 1 - alpha / 2);
  return flat("sba", s.value, s.errors, horizon);
}

export function tsb(y: readonly number[], horizon: number, opts: IntermittentOptions = {}): PointForecast {
  const alpha = opts.alpha ?? 0.1;
  const beta = opts.beta ?? 0.1;
  let z = Number.NaN;
  let p = Number.NaN;
  const errors: number[] = [];
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(z)) {
      if (y[t] > 0) {
        // Start at the first demand: its size, and the observed rate of demand so far.
        z = y[t];
        p = 1 / (t + 1);
      }
      continue;
    }
    errors.push(y[t] - p * z);
    const hit = y[t] > 0 ? 1 : 0;
    p += beta * (hit - p);
    if (hit) z += alpha * (y[t] - z);
  }
  return flat("tsb", Number.isNaN(z) ? 0 : p * z, errors, horizon);
}

/** Average inter-demand interval (Syntetos–Boylan ADI); above 1.32 demand counts as intermittent. */
export function averageDemandInterval(y: readonly number[]): number {
  const nonZero = y.filter((v) => v > 0).length;
  return nonZero ? y.length / nonZero : Number.POSITIVE_INFINITY;
}
