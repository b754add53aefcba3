/**
 * Standard competition ranking ("1224"): scored entries by score, highest first; equal scores share
 * a rank and the next rank skips. Unscored entries get no rank and come last, in their given order.
 */
export function rankEntries<T extends { score: number | null }>(
  entries: readonly T[],
): (T & { rank: number | null })[] {
  const scored = entries.filter((e) => e.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const ranked = scored.map((e) => ({ ...e, rank: 0 }));
  for (let i = 0; i < ranked.length; i++) {
    ranked[i].rank = i > 0 && ranked[i].score === ranked[i - 1].score ? ranked[i - 1].rank : i + 1;
  }
  const unscored = entries.filter((e) => e.score === null).map((e) => ({ ...e, rank: null }));
  return [...ranked, ...unscored];
}
