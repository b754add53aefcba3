import type { LocalizedItem } from "@clusterbrain/contracts";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

function normalize(text: string): string {
  // Control characters never occur in stored terms (and TERM_SEPARATOR is one of them).
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\p{Cc}/gu, " ")
    .trim();
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

/** Separator between terms inside one stored row; control characters are stripped from queries. */
export const TERM_SEPARATOR = "\u0001";
/** Characters per stored row: keeps every row well under PostgreSQL's btree entry limit (~2.7 kB). */
const CHUNK_CHARS = 600;

/**
 * Rows stored for an org: per field, every segmented word plus each whole phrase (so a query like
 * 电容 still matches 电容器, which the segmenter splits as 电|容器), joined by TERM_SEPARATOR into
 * a few chunks. A query term matches by substring; as no term spans a separator, that is the same
 * as matching any single term, but the database scans ~10x fewer rows than one row per term.
 */
export function orgSearchTokens(org: SearchableOrg): SearchToken[] {
  const terms = new Map<TokenField, Set<string>>();
  const add = (text: string, field: TokenField) => {
    const phrase = normalize(text).replaceAll(TERM_SEPARATOR, " ");
    if (!phrase) return;
    const set = terms.get(field) ?? new Set<string>();
    for (const t of [phrase, ...segmentWords(phrase)]) set.add(t.slice(0, CHUNK_CHARS));
    terms.set(field, set);
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
  const out: SearchToken[] = [];
  for (const [field, set] of terms) {
    let chunk = "";
    for (const t of set) {
      if (chunk && chunk.length + 1 + t.length > CHUNK_CHARS) {
        out.push({ token: chunk, field });
        chunk = "";
      }
      chunk = chunk ? `${chunk}${TERM_SEPARATOR}${t}` : t;
    }
    if (chunk) out.push({ token: chunk, field });
  }
  return out;
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
