/**
 * Okapi BM25 over analysed terms (k1 = 1.2, b = 0.75, the non-negative idf
 * ln(1 + (N − n + ½)/(n + ½))). Per-term parts are kept so the matcher can say which terms
 * carried a score.
 */
import type { Term } from "./tokenize.ts";

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface IndexedDoc {
  id: string;
  length: number;
  /** term key → frequency */
  tf: Map<string, number>;
  /** term key → surfaces written in the document */
  surfaces: Map<string, Set<string>>;
}

export interface TermPart {
  key: string;
  idf: number;
  score: number;
}

export class Bm25Index {
  readonly docs: IndexedDoc[] = [];
  private readonly df = new Map<string, number>();
  private totalLength = 0;
  private readonly k1: number;
  private readonly b: number;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  add(id: string, terms: readonly Term[]): IndexedDoc {
    const tf = new Map<string, number>();
    const surfaces = new Map<string, Set<string>>();
    for (const t of terms) {
      tf.set(t.key, (tf.get(t.key) ?? 0) + 1);
      let s = surfaces.get(t.key);
      if (!s) {
        s = new Set();
        surfaces.set(t.key, s);
      }
      s.add(t.surface);
    }
    for (const key of tf.keys()) this.df.set(key, (this.df.get(key) ?? 0) + 1);
    const doc: IndexedDoc = { id, length: terms.length, tf, surfaces };
    this.docs.push(doc);
    this.totalLength += terms.length;
    return doc;
  }

  get size(): number {
    return this.docs.length;
  }

  idf(key: string): number {
    const n = this.df.get(key) ?? 0;
    const N = this.docs.length;
    return Math.log(1 + (N - n + 0.5) / (n + 0.5));
  }

  /** BM25 parts of one document for the distinct query term keys (only terms it contains). */
  score(doc: IndexedDoc, queryKeys: readonly string[]): TermPart[] {
    const avg = this.docs.length ? this.totalLength / this.docs.length : 1;
    const norm = this.k1 * (1 - this.b + (this.b * doc.length) / (avg || 1));
    const parts: TermPart[] = [];
    for (const key of queryKeys) {
      const f = doc.tf.get(key);
      if (!f) continue;
      const idf = this.idf(key);
      parts.push({ key, idf, score: (idf * f * (this.k1 + 1)) / (f + norm) });
    }
    return parts;
  }
}
