import { combine } from "./combine.ts";
import type { PointForecast } from "./types.ts";

/** A forecaster that can be refitted on a shorter history for validation. */
export type Candidate = (y: readonly number[], horizon: number) => PointForecast;

export interface HoldoutOptions {
  /** Points held back for validation (default: the horizon). */
  holdout?: number;
  /** How many of the best candidates to combine (default 1 = pick the best). */
  top?: number;
  /** Number of consecutive holdout windows whose errors are averaged (default 1). */
  windows?: number;
  /** History the shortened fit still needs; below holdout + this, no validation is done. */
  minHistory?: number;
  /** When set, the top candidates are averaged with weights error^−power instead of by median. */
  power?: number;
  /**
   * Rescale the interval sd so that, on the validation windows, the combined forecast's squared
   * errors match its predicted variance (an empirical calibration of the model-based intervals).
   */
  calibrate?: boolean;
}

/**
 * Per-series choice by out-of-sample error: every candidate is refitted without the last
 * `holdout` points (and the windows before them) and scored by its mean absolute error there
 * (within one series this ranks like MASE); the best `top` are then refitted on the whole series
 * and combined — by median, or weighted by error^−power. Classic validation-based selection
 * (Tashman 2000; Fildes & Petropoulos 2015): it follows a seasonal pattern that changed
 * recently, which likelihood on the whole history cannot see.
 */
export function holdoutSelect(
  y: readonly number[],
  horizon: number,
  candidates: readonly Candidate[],
  opts: HoldoutOptions = {},
): PointForecast {
  const hold = opts.holdout ?? horizon;
  const top = Math.max(1, Math.min(opts.top ?? 1, candidates.length));
  const need = opts.minHistory ?? 2 * hold;
  const windows = Math.max(1, Math.min(opts.windows ?? 1, Math.floor((y.length - need) / hold)));
  if (candidates.length === 1 || y.length < hold + need) return candidates[0](y, horizon);
  const cuts = Array.from({ length: windows }, (_, w) => y.length - (w + 1) * hold);
  const trials = candidates.map((c) => cuts.map((cut) => c(y.slice(0, cut), hold)));
  const errors = trials.map((byWindow) => {
    let e = 0;
    byWindow.forEach((f, w) => {
      for (let i = 0; i < hold; i++) e += Math.abs(y[cuts[w] + i] - Math.max(0, f.mean[i]));
    });
    return Number.isFinite(e) ? e / (hold * windows) : Number.POSITIVE_INFINITY;
  });
  const picked = errors
    .map((_, i) => i)
    .sort((a, b) => errors[a] - errors[b] || a - b)
    .slice(0, top);
  const weights = picked.map((i) => Math.max(errors[i], 1e-12) ** -(opts.power ?? 0));
  const blend = (parts: readonly PointForecast[]): PointForecast => {
    if (parts.length === 1) return parts[0];
    if (opts.power === undefined) return combine("median", parts);
    const total = weights.reduce((a, b) => a + b, 0);
    const mix = (pick: (f: PointForecast) => number[]): number[] =>
      parts[0].mean.map((_, t) => parts.reduce((acc, f, k) => acc + (weights[k] / total) * pick(f)[t], 0));
    return {
      method: `weighted(${parts.map((f) => f.method).join(",")})`,
      mean: mix((f) => f.mean),
      sd: mix((f) => f.sd),
    };
  };
  const result = blend(picked.map((i) => candidates[i](y, horizon)));
  if (!opts.calibrate) return result;
  let se = 0;
  let sv = 0;
  cuts.forEach((cut, w) => {
    const f = blend(picked.map((i) => trials[i][w]));
    for (let i = 0; i < hold; i++) {
      se += (y[cut + i] - Math.max(0, f.mean[i])) ** 2;
      sv += f.sd[i] ** 2;
    }
  });
  const k = sv > 0 && Number.isFinite(se) ? Math.min(4, Math.max(0.25, Math.sqrt(se / sv))) : 1;
  return { ...result, sd: result.sd.map((v) => v * k) };
}
