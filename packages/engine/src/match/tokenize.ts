/**
 * Bilingual analysis for matching: Chinese runs are cut by forward maximum matching against the
 * domain lexicon (so 磁芯, 贴片 and 产学研 stay whole, which the general segmenter splits) and the
 * rest by the built-in ICU word segmenter (Intl.Segmenter, granularity "word"); English words are
 * lower-cased and lightly stemmed; then phrases of up to four tokens are mapped to concepts of the
 * synonym table, so 电感 and "inductor" become one term.
 */
import { CONCEPTS, EXTRA_ZH_WORDS } from "./synonyms.data.ts";

/** One analysed term: `key` is what is compared ("~inductor" for a concept), `surface` what was written. */
export interface Term {
  key: string;
  surface: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CHUNK = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;

const EN_STOP = new Set(
  (
    "a an and or the of to in on for with by at from as is are be been was were it its this that these those " +
    "we our us you your they their i my can could will would should may might must do does did not no than then " +
    "into over under about per via using use used such other also more most very any all each both which who whom " +
    "need needs needed seek seeking looking look provide provides offering offer offers want wants require requires " +
    "company firm partner partners new based able help"
  ).split(" "),
);

const ZH_STOP = new Set(
  (
    "的 了 和 与 及 或 等 在 对 为 用 于 将 把 被 是 有 我 我们 公司 需要 需求 寻求 希望 能够 可以 提供 进行 相关 " +
    "一 个 种 项 方面 具有 以及 并 其 该 此 本 各 从 到 由 向 也 都 还 要 会 能 上 下 中 内 外 后 前 已 可 求 " +
    "一种 一个 主要 通过 实现 针对 用于 我司 企业 现有 目前 拥有 具备 解决 问题 方案 合作伙伴 寻找 能力 团队 方向"
  ).split(" "),
);

/** Light English stemming: plurals, -ing, -ed, -ly, and British -ise spellings folded to -ize. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^[0-9]/.test(w)) return w;
  w = w
    .replace(/isation$/, "ization")
    .replace(/ise$/, "ize")
    .replace(/ised$/, "ized")
    .replace(/ising$/, "izing");
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("ing") && w.length >= 7) return w.slice(0, -3);
  if (w.endsWith("ed") && w.length >= 6) return w.slice(0, -2);
  if (w.endsWith("ly") && w.length >= 6) return w.slice(0, -2);
  if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Every Chinese form of the table plus the extra words: the segmentation lexicon. */
const LEXICON: Set<string> = new Set([
  ...CONCEPTS.flatMap((c) => c.zh.filter((z) => CJK.test(z))),
  ...EXTRA_ZH_WORDS,
]);
const MAX_WORD = Math.max(...[...LEXICON].map((w) => w.length));

let segmenter: Intl.Segmenter | undefined;
function icuWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Forward maximum matching on the lexicon; spans between lexicon words go to the ICU segmenter. */
export function segmentChinese(run: string): string[] {
  const out: string[] = [];
  let unknown = "";
  const flush = (): void => {
    if (unknown) out.push(...icuWords(unknown));
    unknown = "";
  };
  let i = 0;
  while (i < run.length) {
    let hit = "";
    for (let len = Math.min(MAX_WORD, run.length - i); len >= 2; len--) {
      const cand = run.slice(i, i + len);
      if (LEXICON.has(cand)) {
        hit = cand;
        break;
      }
    }
    if (hit) {
      flush();
      out.push(hit);
      i += hit.length;
    } else {
      unknown += run[i];
      i += 1;
    }
  }
  flush();
  return out;
}

/** Raw tokens in order (before concepts): stemmed English words and segmented Chinese words. */
export function rawTokens(text: string): string[] {
  const norm = text.normalize("NFKC").toLowerCase();
  const out: string[] = [];
  for (const m of norm.matchAll(CHUNK)) {
    const chunk = m[0];
    if (CJK.test(chunk)) out.push(...segmentChinese(chunk));
    else out.push(stem(chunk));
  }
  return out;
}

interface PhraseEntry {
  concepts: string[];
}

/** Token sequence (joined by a space) → concept ids it stands for (its own and broader ones). */
const PHRASES: Map<string, PhraseEntry> = (() => {
  const byId = new Map(CONCEPTS.map((c) => [c.id, c]));
  const map = new Map<string, PhraseEntry>();
  for (const c of CONCEPTS) {
    const ids = [c.id, ...(c.broader ?? []).filter((b) => byId.has(b))];
    for (const form of [...c.zh, ...c.en]) {
      const key = rawTokens(form).join(" ");
      if (!key) continue;
      const prev = map.get(key);
      map.set(key, { concepts: prev ? [...new Set([...prev.concepts, ...ids])] : ids });
    }
  }
  return map;
})();
const MAX_PHRASE = 4;

function isStop(token: string): boolean {
  // "的是" from the ICU segmenter: a word made only of single-character stop words is one too.
  if (CJK.test(token))
    return ZH_STOP.has(token) || token.length < 2 || [...token].every((ch) => ZH_STOP.has(ch));
  return EN_STOP.has(token) || token.length < 2;
}

export interface AnalyseOptions {
  /** false: keep every token as written (no synonym table), for measuring what the table adds. */
  concepts?: boolean;
}

/**
 * The terms of a text: phrases of the synonym table become concept terms ("~inductor", plus
 * broader concepts), other tokens stay as they are unless they are stop words.
 */
export function analyse(text: string, options: AnalyseOptions = {}): Term[] {
  const tokens = rawTokens(text);
  const out: Term[] = [];
  const maxPhrase = options.concepts === false ? 0 : MAX_PHRASE;
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let len = Math.min(maxPhrase, tokens.length - i); len >= 1; len--) {
      const entry = PHRASES.get(tokens.slice(i, i + len).join(" "));
      if (entry) {
        const surface = tokens.slice(i, i + len).join(CJK.test(tokens[i]) ? "" : " ");
        for (const id of entry.concepts) out.push({ key: `~${id}`, surface });
        matched = len;
        break;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const t = tokens[i];
    if (!isStop(t)) out.push({ key: t, surface: t });
    i += 1;
  }
  return out;
}

/** Concept id of a term key, or undefined for a plain word. */
export function conceptOf(key: string): string | undefined {
  return key.startsWith("~") ? key.slice(1) : undefined;
}
