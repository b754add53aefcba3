import { MonitorError } from "../errors.ts";
import type { NabProfile } from "./nab-profiles.ts";
import type { NabLabelledFile } from "./nab-scorer.ts";
import { scaledSigmoid } from "./nab-scorer.ts";

export interface NabRun {
  readonly file: NabLabelledFile;
  readonly scores: ArrayLike<number>;
}

export interface NabThresholdChoice {
  /** Rows with score ≥ threshold are flagged; +∞ means "flag nothing". */
  readonly threshold: number;
  readonly rawScore: number;
}

const MAX_TP = scaledSigmoid(-1);

/**
 * One threshold for the whole corpus that maximises the summed raw score. Instead of NAB's local
 * search we sweep every distinct score once, descending, updating the total incrementally: an
 * exact optimum in O(n log n).
 */
export function optimiseNabThreshold(runs: readonly NabRun[], profile: NabProfile): NabThresholdChoice {
  let count = 0;
  let windowBase = 0;
  const windowOffset: number[] = [];
  for (const r of runs) {
    if (r.scores.length !== r.file.windowOf.length) {
      throw new MonitorError("BAD_PARAMETER", `${r.scores.length} scores for ${r.file.windowOf.length} rows`);
    }
    windowOffset.push(windowBase);
    let maxWindow = -1;
    for (let i = 0; i < r.scores.length; i++) {
      const w = r.file.windowOf[i];
      if (w > maxWindow) maxWindow = w;
      if (w !== -2 && !Number.isNaN(r.scores[i])) count++;
    }
    windowBase += maxWindow + 1;
  }
  const score = new Float64Array(count);
  const weight = new Float64Array(count);
  const window = new Int32Array(count);
  const windowSeen = new Uint8Array(windowBase);
  let k = 0;
  let total = 0;
  runs.forEach((r, f) => {
    for (let i = 0; i < r.scores.length; i++) {
      const w = r.file.windowOf[i];
      if (w === -2) continue;
      if (w >= 0 && !windowSeen[windowOffset[f] + w]) {
        windowSeen[windowOffset[f] + w] = 1;
        total -= profile.fnWeight;
      }
      if (Number.isNaN(r.scores[i])) continue;
      score[k] = r.scores[i];
      window[k] = w >= 0 ? windowOffset[f] + w : -1;
      weight[k] =
        w >= 0 ? (r.file.sigmoid[i] * profile.tpWeight) / MAX_TP : r.file.sigmoid[i] * profile.fpWeight;
      k++;
    }
  });
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => score[b] - score[a]);
  const best = new Float64Array(windowBase).fill(-profile.fnWeight);
  let choice: NabThresholdChoice = { threshold: Number.POSITIVE_INFINITY, rawScore: total };
  for (let j = 0; j < count; ) {
    const s = score[order[j]];
    while (j < count && score[order[j]] === s) {
      const p = order[j++];
      const w = window[p];
      if (w < 0) total += weight[p];
      else if (weight[p] > best[w]) {
        total += weight[p] - best[w];
        best[w] = weight[p];
      }
    }
    if (total > choice.rawScore + 1e-12) choice = { threshold: s, rawScore: total };
  }
  return choice;
}
