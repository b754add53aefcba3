// The plain baseline: lower-cased English words split on anything not a letter or digit, Chinese
// words from the built-in ICU segmenter, no stemming, no synonyms, no weighting; a candidate's
// score is the number of distinct words it shares with the demand.
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function plainWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const s of segmenter.segment(text.normalize("NFKC").toLowerCase())) {
    if (!s.isWordLike) continue;
    for (const w of s.segment.split(/[^\p{L}\p{N}]+/u)) if (w) out.add(w);
  }
  return out;
}

export interface Doc {
  id: string;
  text: string;
}

/** Candidates sharing at least one word, most shared words first, ties by id. */
export function rankByOverlap(query: string, docs: readonly Doc[]): { id: string; score: number }[] {
  const q = plainWords(query);
  return docs
    .map((d) => {
      let n = 0;
      for (const w of plainWords(d.text)) if (q.has(w)) n++;
      return { id: d.id, score: n };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
