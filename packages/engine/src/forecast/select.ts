import { combine } from "./combine.ts";
import type { PointForecast } from "./types.ts";

/** A forecaster that can be refitted on a shorter history for validation. */
export type Candidate = (y: readonly number[], horizon: number) => PointForecast;

export interface HoldoutOptions {
  /** Points held back for validation (default: the horizon). */
  holdout?: number;
  /** How many of the best candidates to combine by median (default 1 = pick the best). */
  top?: number;
  /** Number of consecutive holdout windows whose errors are summed (default 1). */
  windows?: number;
  /** History the shortened fit still needs; below holdout + this, no validation is done. */
  minHistory?: number;
}

/**
 * Per-series choice by out-of-sample error: every candidate is refitted without the last
 * `holdout` points and scored by its mean absolute error on them (within one series this ranks
 * like MASE); the best `top` are then refitted on the whole series and combined by median.
 * This is the classic validation-based selection (Fildes & Petropoulos 2015) and guards against
 * a seasonal pattern that changed recently, which likelihood on the whole history cannot see.
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
  const errors = candidates.map(() => 0);
  for (let w = 1; w <= windows; w++) {
    const cut = y.length - w * hold;
    const train = y.slice(0, cut);
    candidates.forEach((c, k) => {
      const f = c(train, hold);
      let e = 0;
      for (let i = 0; i < hold; i++) e += Math.abs(y[cut + i] - Math.max(0, f.mean[i]));
      errors[k] += Number.isFinite(e) ? e / hold : Number.POSITIVE_INFINITY;
    });
  }
  const order = errors.map((_, i) => i).sort((a, b) => errors[a] - errors[b] || a - b);
  const chosen = order.slice(0, top).map((i) => candidates[i](y, horizon));
  return chosen.length === 1 ? chosen[0] : combine("median", chosen);
}
