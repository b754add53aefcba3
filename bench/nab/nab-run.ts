// Runs a detector over the NAB corpus with NAB's detector conventions (warm-up = probationary
// period, rest period = a fifth of it, as contextOSE does), then optimises one threshold per profile.
import {
  type AnomalyModel,
  createDetector,
  InputGuard,
  labelNabFile,
  NAB_PROFILE_NAMES,
  NAB_PROFILES,
  type NabProfileName,
  nabNullScore,
  nabPerfectScore,
  nabProbationaryLength,
  normaliseNabScore,
  optimiseNabThreshold,
  StreamingDetector,
} from "@clusterbrain/engine/monitor";
import type { NabSeries } from "./nab-data.ts";

export interface NabProfileResult {
  readonly threshold: number;
  readonly raw: number;
  readonly normalised: number;
}

export function runDetectorOnSeries(detector: string | (() => AnomalyModel), s: NabSeries): Float64Array {
  const n = s.values.length;
  const probation = nabProbationaryLength(n);
  const opts = { warmup: probation, restPeriod: Math.floor(probation / 5) };
  let d: StreamingDetector;
  if (typeof detector === "string") d = createDetector(detector, opts);
  else {
    // A model built with non-default options (sensitivity runs), behind the same guard and damper.
    const model = detector();
    d = new StreamingDetector(model, new InputGuard(), { ...opts, alarmThreshold: model.suggestedThreshold });
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = d.update(Date.parse(`${s.timestamps[i].replace(" ", "T")}Z`), s.values[i]).score;
  return out;
}

export function scoreCorpus(
  corpus: readonly NabSeries[],
  scores: readonly Float64Array[],
): Record<NabProfileName, NabProfileResult> {
  const files = corpus.map((s) => labelNabFile(s.values.length, s.windows));
  const runs = files.map((file, i) => ({ file, scores: scores[i] }));
  const out = {} as Record<NabProfileName, NabProfileResult>;
  for (const p of NAB_PROFILE_NAMES) {
    const profile = NAB_PROFILES[p];
    const choice = optimiseNabThreshold(runs, profile);
    out[p] = {
      threshold: choice.threshold,
      raw: choice.rawScore,
      normalised: normaliseNabScore(
        choice.rawScore,
        nabNullScore(files, profile),
        nabPerfectScore(files, profile),
      ),
    };
  }
  return out;
}
