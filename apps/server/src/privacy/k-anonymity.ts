import type { SuppressedNumber } from "@clusterbrain/contracts";

/** Minimum number of distinct firms behind any cross-firm aggregate (k-匿名抑制). */
export const K_MIN = 3;

/**
 * The ONE suppression rule every cross-firm aggregate goes through: a value computed over fewer
 * than k distinct firms is withheld (value and firm count both null), so nobody can read a single
 * firm's (or a pair's) figures out of an aggregate.
 */
export function suppressBelowK(value: number, distinctFirms: number, k: number = K_MIN): SuppressedNumber {
  if (distinctFirms < k) return { value: null, firms: null, suppressed: true };
  return { value, firms: distinctFirms, suppressed: false };
}

/** Sums `pick(row)` over rows and suppresses by the number of distinct `firm(row)` values. */
export function suppressedSum<T>(
  rows: readonly T[],
  firm: (row: T) => string,
  pick: (row: T) => number,
  k: number = K_MIN,
): SuppressedNumber {
  const firms = new Set(rows.map(firm));
  const total = rows.reduce((s, r) => s + pick(r), 0);
  return suppressBelowK(total, firms.size, k);
}

/** The median of one value per firm, suppressed below k firms (a median of 1–2 firms is their value). */
export function suppressedMedian(values: readonly number[], k: number = K_MIN): SuppressedNumber {
  if (values.length < k) return suppressBelowK(0, values.length, k);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return suppressBelowK(median, values.length, k);
}
