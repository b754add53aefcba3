import type { LocalizedItem } from "@clusterbrain/contracts";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim();
}

/** Word-like segments (Intl.Segmenter, zh dictionary) of a text, lower-cased and de-duplicated. */
export function segmentWords(text: string): string[] {
  const out = new Set<string>();
  for (const s of segmenter.segment(normalize(text))) {
    if (s.isWordLike && s.segment.trim()) out.add(s.segment.trim());
  }
  return [...out];
}

export type TokenField = "name" | "product" | "capability" | "other";
export interface SearchToken {
  token: string;
  field: TokenField;
}

export interface SearchableOrg {
  nameZh: string;
  nameEn: string;
  products: LocalizedItem[];
  capabilities: LocalizedItem[];
  certifications: string[];
  industryCode: string;
}

/**
 * Tokens stored for an org: every segmented word plus each whole phrase (so a query like 电容
 * still matches 电容器, which the segmenter splits as 电|容器). Queries match by substring.
 */
export function orgSearchTokens(org: SearchableOrg): SearchToken[] {
  const out = new Map<string, SearchToken>();
  const add = (text: string, field: TokenField) => {
    const phrase = normalize(text);
    if (!phrase) return;
    for (const t of [phrase, ...segmentWords(phrase)]) {
      const token = t.slice(0, 200);
      out.set(`${field}\u0000${token}`, { token, field });
    }
  };
  add(org.nameZh, "name");
  add(org.nameEn, "name");
  for (const p of org.products) {
    add(p.zh, "product");
    add(p.en, "product");
  }
  for (const c of org.capabilities) {
    add(c.zh, "capability");
    add(c.en, "capability");
  }
  for (const c of org.certifications) add(c, "other");
  if (org.industryCode) add(org.industryCode, "other");
  return [...out.values()];
}

/**
 * Terms of a query: the whole query first (term 0), then its segments. An org matches when some
 * token contains term 0, or tokens contain every segment.
 */
export function queryTerms(q: string): { whole: string; segments: string[] } {
  const whole = normalize(q).slice(0, 200);
  const segments = segmentWords(whole).slice(0, 10);
  // A one-word query is its own only segment: one pattern, one scan.
  return { whole, segments: segments.length === 1 && segments[0] === whole ? [] : segments };
}

/** Escapes LIKE wildcards so user text matches literally (with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
