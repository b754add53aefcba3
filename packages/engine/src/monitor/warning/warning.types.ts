import type { PointFlag } from "../detect/detector.types.ts";
import type { Baseline } from "./baseline.fit.ts";
import type { WarningChannel } from "./warning-channels.ts";

/**
 * Primary charts the automatic choice picks from (for sustained changes); the Shewhart
 * individuals chart (for spikes) and the companions below always run beside the chosen one.
 */
export const WARNING_PRIMARIES = ["western-electric", "ewma", "cusum", "context"] as const;
export type WarningPrimary = (typeof WARNING_PRIMARIES)[number];
export const WARNING_COMPANIONS = ["level", "variance", "rate", "flatline"] as const;
export type WarningCompanion = (typeof WARNING_COMPANIONS)[number];
/** Everything that can raise an alarm: a statistic channel or the learned context model. */
export type WarningSource = WarningChannel | "context";

export interface WarningOptions {
  /** In-control average run length to reach: points between false alarms (default 10,000). */
  readonly targetArl?: number;
  /** Calibrate to targetArl × safety, covering the error of a baseline learned from a short history (default 2). */
  readonly safety?: number;
  /** Primary charts to consider (default all of WARNING_PRIMARIES). */
  readonly candidates?: readonly WarningPrimary[];
  /** Use this primary instead of the automatic choice (an engineer's override). */
  readonly primary?: WarningPrimary;
  /** Thresholds to use instead of the calibrated ones (an engineer's override). */
  readonly thresholds?: Partial<Record<WarningSource, number>>;
  /** Points after an alarm during which no new alarm is raised: one excursion, one alarm (default 60). */
  readonly restPeriod?: number;
  /** Share of the false-alarm budget per part (primary chart, the always-on Shewhart chart, level, variance, rate, flatline). */
  readonly budget?: Partial<Record<"primary" | "shewhart" | WarningCompanion, number>>;
  /** Length of the simulated in-control path used for calibration (default 60,000). */
  readonly simulationLength?: number;
  /** Seed of the bootstrap (the result is deterministic for a seed and a history). */
  readonly seed?: number;
  /** Highest AR order tried (default 8). */
  readonly maxArOrder?: number;
  /** Shortest flatline run that may alarm (default 10). */
  readonly flatlineMinRun?: number;
  /** Share of variance a daily profile must explain to be removed (default 0.3). */
  readonly minDailyR2?: number;
}

export interface ResolvedWarningOptions {
  readonly targetArl: number;
  readonly safety: number;
  readonly candidates: readonly WarningPrimary[];
  readonly primary: WarningPrimary | null;
  readonly thresholds: Partial<Record<WarningSource, number>>;
  readonly restPeriod: number;
  readonly budget: Record<"primary" | "shewhart" | WarningCompanion, number>;
  readonly simulationLength: number;
  readonly seed: number;
  readonly maxArOrder: number;
  readonly flatlineMinRun: number;
  readonly minDailyR2: number;
}

export interface CandidateReport {
  readonly name: WarningPrimary;
  readonly threshold: number | null;
  /** Expected false alarms per 10,000 in-control points from this chart alone. */
  readonly falseAlarmsPer10k: number;
  /** Meets its share of the false-alarm budget. */
  readonly eligible: boolean;
  /** Mean over injected shifts and drifts of (detected within 300 points) × (1 − delay/300). */
  readonly sensitivity: number;
}

export interface SourceReport {
  readonly source: WarningSource;
  readonly threshold: number;
  readonly falseAlarmsPer10k: number;
  /** True when the threshold came from the options rather than from calibration. */
  readonly overridden: boolean;
}

/** What the engineer sees: the choice, every threshold and the expected false-alarm rate. */
export interface WarningReport {
  readonly chosen: WarningPrimary;
  readonly targetArl: number;
  readonly expectedArl: number;
  readonly expectedFalseAlarmsPer10k: number;
  readonly sources: readonly SourceReport[];
  readonly candidates: readonly CandidateReport[];
  readonly baseline: Baseline;
}

export interface WarningResult {
  /** max over active sources of statistic / threshold, mapped to [0, 1) by r/(1+r): 0.5 = threshold. */
  readonly score: number;
  readonly alarm: boolean;
  /** Sources that crossed their threshold at this point (also during the rest period). */
  readonly sources: readonly WarningSource[];
  /** Rule number when the Shewhart chart (1) or the Western Electric rules (2, 3) fired, else 0. */
  readonly rule: number;
  readonly flags: readonly PointFlag[];
}
