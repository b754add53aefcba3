/** Structured similarity features of a match, each 0..1. */

export const MATCH_FEATURES = [
  "keywords",
  "industry",
  "chainNode",
  "certifications",
  "distance",
  "collaboration",
] as const;
export type MatchFeature = (typeof MATCH_FEATURES)[number];

const normCode = (c: string): string => c.trim().toUpperCase();

/**
 * GB/T 4754 codes ("C3981": section letter, then major 2, group 3, class 4 digits): the same
 * class counts 1, the same group 0.6, the same major division 0.3. The best pair wins.
 */
export function industryValue(
  query: readonly string[],
  candidate: readonly string[],
): { value: number; evidence: string[] } {
  let best = 0;
  let evidence: string[] = [];
  for (const a of query.map(normCode)) {
    for (const b of candidate.map(normCode)) {
      const v =
        a === b
          ? 1
          : a.slice(0, 4) === b.slice(0, 4) && a.length >= 4
            ? 0.6
            : a.slice(0, 3) === b.slice(0, 3) && a.length >= 3
              ? 0.3
              : 0;
      if (v > best) {
        best = v;
        evidence = a === b ? [a] : [`${a}~${b}`];
      }
    }
  }
  return { value: best, evidence };
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Nearness: 1 next door, ~0.6 across a city (20 km), ~0.1 at Shanghai from Jiaxing (90 km). */
export function distanceValue(km: number): number {
  return Number.isFinite(km) && km >= 0 ? Math.exp(-km / 40) : 0;
}

/** Past joint work: 0 none, ½ once, ¾ twice, approaching 1. */
export function collaborationValue(count: number): number {
  return count > 0 && Number.isFinite(count) ? 1 - 0.5 ** count : 0;
}
