/**
 * Ranks candidates (capabilities for a demand, or demands for a capability) by BM25 text relevance
 * over bilingual terms plus structured features, and says why: each feature's value and share of
 * the score, and each matched term with what was written on both sides.
 */
import { Bm25Index, type IndexedDoc } from "./bm25.ts";
import {
  collaborationValue,
  distanceKm,
  distanceValue,
  industryValue,
  type MatchFeature,
} from "./features.ts";
import { analyse, conceptOf } from "./tokenize.ts";

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** What either side of a match can say about itself; only `id` and `text` are required. */
export interface MatchProfile {
  id: string;
  text: string;
  /** GB/T 4754 industry codes, e.g. "C3981". */
  industryCodes?: readonly string[];
  chainNodes?: readonly string[];
  /** On the query: required; on a candidate: held. */
  certifications?: readonly string[];
  location?: GeoPoint;
}

export interface Candidate extends MatchProfile {
  /** Past joint work between the candidate's organisation and the query's. */
  collaborations?: number;
}

export interface MatchedTerm {
  key: string;
  /** Concept id when the term came from the synonym table. */
  concept?: string;
  query: string[];
  candidate: string[];
  /** Written differently on the two sides (a synonym or translation carried the match). */
  viaSynonym: boolean;
  /** Share of the final score this term carried. */
  contribution: number;
}

export interface FeatureReason {
  feature: MatchFeature;
  /** 0..1 similarity on this feature. */
  value: number;
  weight: number;
  contribution: number;
  evidence: string[];
}

export interface MatchResult {
  id: string;
  /** 0..1 */
  score: number;
  reasons: FeatureReason[];
  matchedTerms: MatchedTerm[];
}

export interface MatcherOptions {
  weights?: Partial<Record<MatchFeature, number>>;
  /** Below this score a candidate is left out (default 0.02). */
  minScore?: number;
  /** Chain nodes adjacent to a node (upstream/downstream), worth half a direct hit. */
  adjacentChainNodes?: (node: string) => readonly string[];
  /** false: match words as written, without the bilingual synonym table (an ablation; default true). */
  concepts?: boolean;
}

export const DEFAULT_WEIGHTS: Readonly<Record<MatchFeature, number>> = {
  keywords: 0.7,
  industry: 0.06,
  chainNode: 0.08,
  certifications: 0.06,
  distance: 0.04,
  collaboration: 0.06,
};

const normCert = (c: string): string =>
  c
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s_\-/:.]/g, "");

interface Entry {
  candidate: Candidate;
  doc: IndexedDoc;
}

export class Matcher {
  private readonly index = new Bm25Index();
  private readonly entries: Entry[] = [];
  private readonly weights: Record<MatchFeature, number>;
  private readonly minScore: number;

  constructor(
    candidates: readonly Candidate[],
    private readonly options: MatcherOptions = {},
  ) {
    this.weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    this.minScore = options.minScore ?? 0.02;
    for (const c of candidates)
      this.entries.push({
        candidate: c,
        doc: this.index.add(c.id, analyse(c.text, { concepts: options.concepts })),
      });
  }

  /** Candidates ranked best first (ties by id), at most `limit`. */
  rank(query: MatchProfile, limit = 10): MatchResult[] {
    const qTerms = analyse(query.text, { concepts: this.options.concepts });
    const qSurfaces = new Map<string, Set<string>>();
    for (const t of qTerms) {
      const s = qSurfaces.get(t.key) ?? new Set<string>();
      s.add(t.surface);
      qSurfaces.set(t.key, s);
    }
    const keys = [...qSurfaces.keys()];
    const idfSum = keys.reduce((s, k) => s + this.index.idf(k), 0);
    const active = this.activeFeatures(query);
    const totalWeight = active.reduce((s, f) => s + this.weights[f], 0) || 1;

    const out: MatchResult[] = [];
    for (const { candidate, doc } of this.entries) {
      const parts = this.index.score(doc, keys);
      const bm25 = parts.reduce((s, p) => s + p.score, 0);
      const textValue = idfSum > 0 ? Math.min(1, bm25 / idfSum) : 0;
      const reasons: FeatureReason[] = [];
      for (const feature of active) {
        const { value, evidence } =
          feature === "keywords"
            ? { value: textValue, evidence: parts.map((p) => p.key) }
            : this.feature(feature, query, candidate);
        const weight = this.weights[feature] / totalWeight;
        reasons.push({ feature, value, weight, contribution: value * weight, evidence });
      }
      const score = reasons.reduce((s, r) => s + r.contribution, 0);
      const structural = reasons.some(
        (r) => (r.feature === "industry" || r.feature === "chainNode") && r.value > 0,
      );
      if (score < this.minScore || (textValue === 0 && !structural)) continue;
      const kwWeight = this.weights.keywords / totalWeight;
      const scale = bm25 > 0 ? (textValue * kwWeight) / bm25 : 0;
      const matchedTerms: MatchedTerm[] = parts
        .map((p) => {
          const q = [...(qSurfaces.get(p.key) ?? [])];
          const c = [...(doc.surfaces.get(p.key) ?? [])];
          return {
            key: p.key,
            concept: conceptOf(p.key),
            query: q,
            candidate: c,
            viaSynonym: !q.some((s) => c.includes(s)),
            contribution: p.score * scale,
          };
        })
        .sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key));
      out.push({
        id: candidate.id,
        score,
        reasons: reasons.sort((a, b) => b.contribution - a.contribution),
        matchedTerms,
      });
    }
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return out.slice(0, limit);
  }

  private activeFeatures(q: MatchProfile): MatchFeature[] {
    const f: MatchFeature[] = ["keywords"];
    if (q.industryCodes?.length) f.push("industry");
    if (q.chainNodes?.length) f.push("chainNode");
    if (q.certifications?.length) f.push("certifications");
    if (q.location) f.push("distance");
    f.push("collaboration");
    return f.filter((x) => this.weights[x] > 0);
  }

  private feature(f: MatchFeature, q: MatchProfile, c: Candidate): { value: number; evidence: string[] } {
    switch (f) {
      case "industry":
        return industryValue(q.industryCodes ?? [], c.industryCodes ?? []);
      case "chainNode": {
        const mine = new Set(c.chainNodes ?? []);
        const direct = (q.chainNodes ?? []).filter((n) => mine.has(n));
        if (direct.length) return { value: 1, evidence: direct };
        const adj = this.options.adjacentChainNodes;
        const near = adj ? (q.chainNodes ?? []).filter((n) => adj(n).some((m) => mine.has(m))) : [];
        return { value: near.length ? 0.5 : 0, evidence: near };
      }
      case "certifications": {
        const req = [...new Set((q.certifications ?? []).map(normCert))];
        const held = new Set((c.certifications ?? []).map(normCert));
        const ok = (q.certifications ?? []).filter((x, i, a) => held.has(normCert(x)) && a.indexOf(x) === i);
        return { value: req.length ? ok.length / req.length : 0, evidence: ok };
      }
      case "distance": {
        if (!q.location || !c.location) return { value: 0, evidence: [] };
        const km = distanceKm(q.location, c.location);
        return { value: distanceValue(km), evidence: [`${Math.round(km)} km`] };
      }
      case "collaboration": {
        const n = c.collaborations ?? 0;
        return { value: collaborationValue(n), evidence: n > 0 ? [String(n)] : [] };
      }
      default:
        return { value: 0, evidence: [] };
    }
  }
}

/** One-shot ranking: build the index over `candidates` and rank them for `query`. */
export function rankMatches(
  query: MatchProfile,
  candidates: readonly Candidate[],
  limit = 10,
  options: MatcherOptions = {},
): MatchResult[] {
  return new Matcher(candidates, options).rank(query, limit);
}
