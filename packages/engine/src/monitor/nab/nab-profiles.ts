/**
 * NAB cost matrices (Lavin & Ahmad 2015, "Evaluating Real-time Anomaly Detection Algorithms – the
 * Numenta Anomaly Benchmark", table 1; config/profiles.json of NAB v1).
 */
export interface NabProfile {
  readonly tpWeight: number;
  readonly fpWeight: number;
  readonly fnWeight: number;
}

export type NabProfileName = "standard" | "reward_low_FP_rate" | "reward_low_FN_rate";

export const NAB_PROFILES: Readonly<Record<NabProfileName, NabProfile>> = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
};

export const NAB_PROFILE_NAMES: readonly NabProfileName[] = [
  "standard",
  "reward_low_FP_rate",
  "reward_low_FN_rate",
];

/** Probationary period: the first 15 % of a file, at most 750 points (0.15 × 5000), not scored. */
export function nabProbationaryLength(rows: number, fraction = 0.15): number {
  return Math.min(Math.floor(fraction * rows), fraction * 5000);
}
