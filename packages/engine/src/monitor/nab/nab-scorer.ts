import { MonitorError } from "../errors.ts";
import { type NabProfile, nabProbationaryLength } from "./nab-profiles.ts";

/** A labelled anomaly window as inclusive row indices into the file. */
export interface NabWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Per-row scoring context, independent of the detector's output: which window a row belongs to
 * (-1 outside, -2 probationary) and its unweighted scaled-sigmoid value.
 */
export interface NabLabelledFile {
  readonly windowOf: Int32Array;
  readonly sigmoid: Float64Array;
  /** Windows that have at least one scorable row; only these count as misses. */
  readonly scorableWindows: number;
}

export interface NabCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

export interface NabFileScore extends NabCounts {
  readonly score: number;
}

const PROBATIONARY = -2;
const OUTSIDE = -1;

/** 2·σ(−5x) − 1, clamped to −1 from three window widths past the right edge (NAB paper, eq. 1). */
export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition >= 3) return -1;
  return 2 / (1 + Math.exp(5 * relativePosition)) - 1;
}

const MAX_TP = scaledSigmoid(-1);

/**
 * Labels every row: rows inside a window score by their relative position (−1 at the left edge,
 * → 0 at the right edge); rows after a window score as false positives that grow in cost with
 * their distance past the previous window's right edge, in units of that window's width.
 */
export function labelNabFile(rows: number, windows: readonly NabWindow[]): NabLabelledFile {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  for (let k = 0; k < sorted.length; k++) {
    const w = sorted[k];
    if (
      !(Number.isInteger(w.start) && Number.isInteger(w.end)) ||
      w.start < 0 ||
      w.end >= rows ||
      w.end < w.start
    ) {
      throw new MonitorError("BAD_WINDOW", `window ${k} [${w.start}, ${w.end}] is not inside 0..${rows - 1}`);
    }
    if (k > 0 && w.start <= sorted[k - 1].end) {
      throw new MonitorError("BAD_WINDOW", `window ${k} overlaps the previous one`);
    }
  }
  const probation = nabProbationaryLength(rows);
  const windowOf = new Int32Array(rows).fill(OUTSIDE);
  const sigmoid = new Float64Array(rows);
  const scorable = new Set<number>();
  let next = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < rows; i++) {
    const w = next < sorted.length && sorted[next].start <= i ? sorted[next] : undefined;
    if (w) {
      const width = w.end - w.start + 1;
      sigmoid[i] = scaledSigmoid(-(w.end - i + 1) / width);
      windowOf[i] = next;
      if (i === w.end) {
        prevRight = i;
        prevWidth = width;
        next++;
      }
    } else {
      // A one-row window has width 1; NAB divides by width − 1, giving +∞ → −1, which we keep.
      const past = prevRight < 0 ? 3 : Math.abs(prevRight - i) / (prevWidth - 1);
      sigmoid[i] = scaledSigmoid(past);
    }
    if (i < probation) windowOf[i] = PROBATIONARY;
    else if (windowOf[i] >= 0) scorable.add(windowOf[i]);
  }
  return { windowOf, sigmoid, scorableWindows: scorable.size };
}

/** Weighted contribution of one row when it is flagged. */
function rowWeight(file: NabLabelledFile, i: number, profile: NabProfile): number {
  return file.windowOf[i] >= 0
    ? (file.sigmoid[i] * profile.tpWeight) / MAX_TP
    : file.sigmoid[i] * profile.fpWeight;
}

/**
 * Scores one file at one threshold (a row is flagged when score ≥ threshold): the sum of the
 * weighted false-positive rows, plus per window the best (earliest) flagged row or −fnWeight.
 * Counts are per row, probationary rows excluded, as in NAB's result files.
 */
export function scoreNabFile(
  file: NabLabelledFile,
  scores: ArrayLike<number>,
  threshold: number,
  profile: NabProfile,
): NabFileScore {
  if (scores.length !== file.windowOf.length) {
    throw new MonitorError("BAD_PARAMETER", `${scores.length} scores for ${file.windowOf.length} rows`);
  }
  const best = new Map<number, number>();
  let fpScore = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = file.windowOf[i];
    if (w === PROBATIONARY) continue;
    const flagged = scores[i] >= threshold;
    if (w >= 0) {
      if (!best.has(w)) best.set(w, -profile.fnWeight);
      if (flagged) {
        tp++;
        best.set(w, Math.max(best.get(w)!, rowWeight(file, i, profile)));
      } else fn++;
    } else if (flagged) {
      fp++;
      fpScore += rowWeight(file, i, profile);
    } else tn++;
  }
  let score = fpScore;
  for (const v of best.values()) score += v;
  return { score, tp, fp, fn, tn };
}

/** Raw score of a detector that flags the first row of every window and nothing else. */
export function nabPerfectScore(files: readonly NabLabelledFile[], profile: NabProfile): number {
  return files.reduce((s, f) => s + f.scorableWindows * profile.tpWeight, 0);
}

/** Raw score of a detector that never flags anything. */
export function nabNullScore(files: readonly NabLabelledFile[], profile: NabProfile): number {
  return files.reduce((s, f) => s - f.scorableWindows * profile.fnWeight, 0);
}

/** NAB normalisation: 0 for the null detector, 100 for the perfect one. */
export function normaliseNabScore(raw: number, nullScore: number, perfectScore: number): number {
  if (perfectScore === nullScore) throw new MonitorError("EMPTY_INPUT", "no scorable anomaly windows");
  return (100 * (raw - nullScore)) / (perfectScore - nullScore);
}
