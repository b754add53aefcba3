import type { MaterialMatchFeature } from "@clusterbrain/contracts";
import { distanceKm, distanceValue, type GeoPoint, Matcher } from "@clusterbrain/engine/match";

/** One side of a material match: what the ranking reads of a need or an offer. */
export interface MaterialSide {
  id: string;
  kind: "need" | "offer";
  category: string;
  spec: string;
  quantity: number;
  unit: string;
  /** need: wanted by; offer: available from (YYYY-MM-DD). */
  byDate: string;
  location?: GeoPoint;
}

export interface MaterialReason {
  feature: MaterialMatchFeature;
  value: number;
  contribution: number;
  evidence: string[];
}

export interface MaterialRanked {
  id: string;
  score: number;
  reasons: MaterialReason[];
}

/** Weights of the features (sum 1); category is a gate as well as a reason. */
export const MATERIAL_WEIGHTS: Readonly<Record<MaterialMatchFeature, number>> = {
  category: 0.2,
  spec: 0.35,
  quantity: 0.2,
  date: 0.15,
  distance: 0.1,
};
/** Days an offer may come after the wanted-by date before its date value reaches 0. */
const LATE_DAYS_TO_ZERO = 30;
const DAY = 86_400_000;
const TEXT_ONLY = { industry: 0, chainNode: 0, certifications: 0, distance: 0, collaboration: 0 };

const normUnit = (u: string) => u.normalize("NFKC").trim().toLowerCase();
const round = (x: number) => Math.round(x * 1000) / 1000;

function quantityValue(need: MaterialSide, offer: MaterialSide): { value: number; evidence: string[] } {
  const evidence = [`${need.quantity} ${need.unit}`, `${offer.quantity} ${offer.unit}`];
  if (normUnit(need.unit) !== normUnit(offer.unit)) return { value: 0, evidence };
  return { value: Math.min(1, offer.quantity / need.quantity), evidence };
}

function dateValue(need: MaterialSide, offer: MaterialSide): { value: number; evidence: string[] } {
  const late = (Date.parse(offer.byDate) - Date.parse(need.byDate)) / DAY;
  const evidence = [need.byDate, offer.byDate];
  return { value: late <= 0 ? 1 : Math.max(0, 1 - late / LATE_DAYS_TO_ZERO), evidence };
}

/**
 * Ranks other firms' open listings of the other kind for one listing: same category only, then
 * spec similarity (BM25 over bilingual terms, the innovation matcher's engine), how much of the
 * need the offer covers (same unit), whether the offer is available by the wanted-by date, and
 * distance between districts. Each reason gives its value, share of the score and evidence.
 */
export function rankMaterialMatches(own: MaterialSide, others: readonly MaterialSide[]): MaterialRanked[] {
  const candidates = others.filter((o) => o.kind !== own.kind && o.category === own.category);
  const specHits = new Map(
    new Matcher(
      candidates.map((c) => ({ id: c.id, text: c.spec })),
      { weights: TEXT_ONLY, minScore: 0 },
    )
      .rank({ id: own.id, text: own.spec }, candidates.length)
      .map((m) => [m.id, m]),
  );
  const out = candidates.map((c) => {
    const need = own.kind === "need" ? own : c;
    const offer = own.kind === "need" ? c : own;
    const hit = specHits.get(c.id);
    const km = own.location && c.location ? distanceKm(own.location, c.location) : undefined;
    const parts: Record<MaterialMatchFeature, { value: number; evidence: string[] }> = {
      category: { value: 1, evidence: [c.category] },
      spec: {
        value: hit?.score ?? 0,
        evidence: hit?.matchedTerms.flatMap((t) => t.candidate.slice(0, 1)).slice(0, 8) ?? [],
      },
      quantity: quantityValue(need, offer),
      date: dateValue(need, offer),
      distance:
        km === undefined
          ? { value: 0, evidence: [] }
          : { value: distanceValue(km), evidence: [`${Math.round(km)} km`] },
    };
    const weighted = (Object.keys(parts) as MaterialMatchFeature[]).map((f) => ({
      feature: f,
      value: parts[f].value,
      weighted: parts[f].value * MATERIAL_WEIGHTS[f],
      evidence: parts[f].evidence,
    }));
    const score = weighted.reduce((s, r) => s + r.weighted, 0);
    return {
      id: c.id,
      score: round(score),
      reasons: weighted
        .map((r) => ({
          feature: r.feature,
          value: round(r.value),
          contribution: score > 0 ? round(r.weighted / score) : 0,
          evidence: r.evidence,
        }))
        .sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature)),
    };
  });
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
