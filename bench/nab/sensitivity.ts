// Sensitivity of the context detector's NAB score to its parameters: each parameter moved one
// step either way from the default, plus an ablation of the slow channels. Shows how much of
// the score is the exact setting (chosen on this corpus) and how much is the method.
import { ContextModel, type ContextModelOptions, type NabProfileName } from "@clusterbrain/engine/monitor";
import type { NabSeries } from "./nab-data.ts";
import { runDetectorOnSeries, scoreCorpus } from "./nab-run.ts";

export interface SensitivityRow {
  readonly change: string;
  readonly scores: Record<NabProfileName, number>;
}

const VARIANTS: readonly [string, ContextModelOptions][] = [
  ["rangeLevels 16 → 12", { rangeLevels: 12 }],
  ["rangeLevels 16 → 20", { rangeLevels: 20 }],
  ["shortWindow 20 → 15", { shortWindow: 15 }],
  ["shortWindow 20 → 30", { shortWindow: 30 }],
  ["slowWindow 80 → 60", { slowWindow: 60 }],
  ["slowWindow 80 → 100", { slowWindow: 100 }],
  ["slowTimeShift 1 → 0.5", { slowTimeShift: 0.5 }],
  ["slowTimeShift 1 → 1.5", { slowTimeShift: 1.5 }],
  ["slowSequenceShift 1.5 → 1", { slowSequenceShift: 1 }],
  ["slowSequenceShift 1.5 → 2", { slowSequenceShift: 2 }],
  ["no slow channels (ablation)", { slowWindow: 0 }],
];

export function contextSensitivity(corpus: readonly NabSeries[]): SensitivityRow[] {
  return VARIANTS.map(([change, opts]) => {
    const scores = corpus.map((s) => runDetectorOnSeries(() => new ContextModel(opts), s));
    const r = scoreCorpus(corpus, scores);
    return {
      change,
      scores: {
        standard: r.standard.normalised,
        reward_low_FP_rate: r.reward_low_FP_rate.normalised,
        reward_low_FN_rate: r.reward_low_FN_rate.normalised,
      },
    };
  });
}
