/**
 * Streaming detector contract: one point in, one score out, state that survives a restart.
 * Scores lie in [0, 1]; 1 is "certainly anomalous". Snapshots are plain JSON so they can be
 * stored anywhere and restored in another process.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Why a point was not (or not normally) learned from; see docs/monitoring.md for the policy. */
export type PointFlag = "invalid" | "duplicate" | "out_of_order" | "gap" | "warmup" | "anomaly";

export interface DetectorResult {
  readonly score: number;
  readonly flags: readonly PointFlag[];
}

/** The model itself sees only clean, strictly increasing points; the input guard ensures that. */
export interface AnomalyModel {
  readonly name: string;
  /** Default alarm threshold: the score above which this model's output means "anomaly". */
  readonly suggestedThreshold: number;
  /** Anomaly score in [0, 1] for a finite value at a strictly later time than the last one. */
  learn(value: number, timestamp: number): number;
  snapshot(): JsonValue;
}

export interface DetectorOptions {
  /** Points used to learn the normal range before scores are trusted (NAB: its probationary period). */
  readonly warmup?: number;
  /** After a score ≥ `alarmThreshold`, later scores are damped for this many points. */
  readonly restPeriod?: number;
  /** Score at or above which a point is flagged "anomaly" (default: the model's suggestion). */
  readonly alarmThreshold?: number;
}
