// Ranking metrics for the matching benchmark.

/** Share of the first k ranked ids that are relevant (a short list counts its missing places as misses). */
export function precisionAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** Share of the relevant ids found in the first k. */
export function recallAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/** 1 / rank of the first relevant id, 0 when none is ranked. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** The best P@k any ranking could reach with this many relevant ids. */
export function idealPrecisionAt(k: number, relevantCount: number): number {
  return Math.min(k, relevantCount) / k;
}

export const mean = (xs: readonly number[]): number =>
  xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
