import { AnalyticsError } from "../errors.ts";

export interface CouplingLevel {
  /** 1..10, from extreme imbalance to high-quality coordination. */
  grade: number;
  zh: string;
  en: string;
}

export interface CouplingResult {
  /** Coupling degree C = (Π U_i)^{1/k} / (Σ U_i / k) ∈ [0, 1]: geometric over arithmetic mean. */
  C: number;
  /** Comprehensive development index T = Σ α_i U_i. */
  T: number;
  /** Coupling-coordination degree D = √(C·T). */
  D: number;
  level: CouplingLevel;
}

/** The ten-band scale used throughout the Chinese regional-economics literature (0.1-wide bands of D). */
const LEVELS: readonly [string, string][] = [
  ["极度失调", "extreme imbalance"],
  ["严重失调", "serious imbalance"],
  ["中度失调", "moderate imbalance"],
  ["轻度失调", "mild imbalance"],
  ["濒临失调", "on the verge of imbalance"],
  ["勉强协调", "barely coordinated"],
  ["初级协调", "primary coordination"],
  ["中级协调", "intermediate coordination"],
  ["良好协调", "good coordination"],
  ["优质协调", "high-quality coordination"],
];

export function couplingLevel(d: number): CouplingLevel {
  // The epsilon keeps values such as 0.7999999999999999 (= 0.8 in exact arithmetic) in their band.
  const grade = Math.min(10, Math.floor(d * 10 + 1e-9) + 1);
  const [zh, en] = LEVELS[grade - 1];
  return { grade, zh, en };
}

/**
 * Coupling-coordination degree (耦合协调度) of k ≥ 2 subsystems whose development scores U_i are
 * already normalised to [0, 1] (e.g. entropy-weighted indicator indices). Equal weights α_i = 1/k
 * unless given. All-zero scores give C = T = D = 0 by convention.
 */
export function couplingCoordination(scores: readonly number[], weights?: readonly number[]): CouplingResult {
  const k = scores.length;
  if (k < 2) throw new AnalyticsError("INVALID_INPUT", "coupling needs at least two subsystems");
  scores.forEach((u, i) => {
    if (!Number.isFinite(u) || u < 0 || u > 1) {
      throw new AnalyticsError(
        "INVALID_INPUT",
        `subsystem score ${i + 1} is ${u}; scores must lie in [0, 1]`,
      );
    }
  });
  const alpha = weights ?? scores.map(() => 1 / k);
  if (alpha.length !== k)
    throw new AnalyticsError("DIMENSION_MISMATCH", `${alpha.length} weights for ${k} subsystems`);
  const wsum = alpha.reduce((a, b) => a + b, 0);
  if (alpha.some((a) => !Number.isFinite(a) || a < 0) || Math.abs(wsum - 1) > 1e-9) {
    throw new AnalyticsError("INVALID_INPUT", "subsystem weights must be non-negative and sum to 1");
  }
  const mean = scores.reduce((a, b) => a + b, 0) / k;
  const geo = Math.exp(scores.reduce((a, u) => a + Math.log(u), 0) / k);
  const C = mean > 0 ? Math.min(1, geo / mean) : 0;
  const T = scores.reduce((a, u, i) => a + alpha[i] * u, 0);
  const D = Math.sqrt(C * T);
  return { C, T, D, level: couplingLevel(D) };
}
