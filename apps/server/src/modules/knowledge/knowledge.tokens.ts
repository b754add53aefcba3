/**
 * Full-text search tokens for the knowledge base, the same on PGlite and PostgreSQL (no tsvector
 * configuration or pg_trgm needed): text is cut into words with Intl.Segmenter (ICU's dictionary
 * segmentation for Chinese), and every run of Han characters also yields its single characters and
 * bigrams, so a query matches whatever way ICU cut the document (电感 in 一体成型电感, 电感器).
 * Latin words are lower-cased, NFKC-normalised and lightly singularised (inductors → inductor).
 */
const SEGMENTER = new Intl.Segmenter("zh", { granularity: "word" });
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
/** A document yields at most this many distinct tokens (long bodies are still searchable by their start). */
export const MAX_TOKENS = 4000;

function normaliseWord(word: string): string {
  const w = word.normalize("NFKC").toLowerCase();
  return w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

function words(text: string): string[] {
  return [...SEGMENTER.segment(text.normalize("NFKC"))].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Tokens a document is found by: words, and Han unigrams and bigrams. */
export function documentTokens(text: string): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (out.size >= MAX_TOKENS) break;
    if (!HAN.test(word)) {
      out.add(normaliseWord(word));
      continue;
    }
    for (const run of word.match(HAN_RUN) ?? []) {
      for (const c of run) out.add(c);
      for (const b of bigrams(run)) out.add(b);
    }
  }
  // Bigrams across ICU's word boundaries (风险管理 cut as 风险|管理 still has 险管).
  for (const run of text.normalize("NFKC").match(HAN_RUN) ?? []) {
    if (out.size >= MAX_TOKENS) break;
    for (const b of bigrams(run)) out.add(b);
  }
  return [...out].slice(0, MAX_TOKENS);
}

/**
 * Tokens a query must all match: Latin words as such, Chinese as bigrams (a single character
 * alone). A query of only punctuation has no tokens.
 */
export function queryTokens(query: string): string[] {
  const out = new Set<string>();
  for (const word of words(query)) {
    if (!HAN.test(word)) out.add(normaliseWord(word));
  }
  for (const run of query.normalize("NFKC").match(HAN_RUN) ?? []) for (const b of bigrams(run)) out.add(b);
  return [...out].slice(0, 20);
}
