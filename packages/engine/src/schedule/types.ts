/** One way to run an operation: on `machine` (0-based) for `duration` time units. */
export interface OperationAlternative {
  machine: number;
  duration: number;
}

/** An operation lists its eligible machines; a classic job shop has exactly one. */
export interface JobOperation {
  alternatives: OperationAlternative[];
}

export interface ScheduleJob {
  name?: string;
  /** Earliest start of the job's first operation (default 0). */
  release?: number;
  /** Due date for the tardiness objective (default: no due date, never tardy). */
  due?: number;
  /** Tardiness weight (default 1). */
  weight?: number;
  operations: JobOperation[];
}

/** Half-open interval [start, end). */
export interface TimeInterval {
  start: number;
  end: number;
}

/** Job `before` must be complete before any operation of job `after` starts. */
export interface JobPrecedence {
  before: number;
  after: number;
}

export interface ScheduleInstance {
  name?: string;
  machineCount: number;
  jobs: ScheduleJob[];
  /**
   * Sequence-dependent setup: setupTimes[machine][fromJob][toJob] is the setup needed on `machine`
   * between an operation of `fromJob` and the next operation of `toJob`. The first operation on
   * a machine needs no setup.
   */
  setupTimes?: number[][][];
  /** Per machine, intervals when it cannot work (shift gaps, maintenance). */
  unavailable?: TimeInterval[][];
  jobPrecedences?: JobPrecedence[];
}

export interface ScheduledOperation {
  job: number;
  op: number;
  machine: number;
  start: number;
  end: number;
}

export interface Schedule {
  operations: ScheduledOperation[];
}

export type ScheduleObjective = "makespan" | "weightedTardiness";

export interface SolveProgress {
  bestObjective: number;
  elapsedMs: number;
  iterations: number;
}

/** Anything with an `aborted` flag: an AbortSignal or a plain object flipped by a worker message. */
export interface CancelToken {
  readonly aborted: boolean;
}

export type ScheduleAlgorithm = "auto" | "tabu-graph" | "tabu-decode" | "constructive";

export interface SolveOptions {
  objective?: ScheduleObjective;
  /** Wall-clock budget in milliseconds (default 10 000). */
  timeLimitMs?: number;
  /** Stop after this many search iterations; with no time limit the run is deterministic. */
  iterationLimit?: number;
  seed?: number;
  algorithm?: ScheduleAlgorithm;
  onProgress?: (progress: SolveProgress) => void;
  /** Minimum spacing of periodic progress calls (improvements are always reported). */
  progressIntervalMs?: number;
  signal?: CancelToken;
  /** Clock used for the time limit only; injectable so tests need no real time. */
  now?: () => number;
}

export type StopReason = "time" | "iterations" | "aborted" | "lower-bound";

export interface SolveResult {
  schedule: Schedule;
  objective: number;
  makespan: number;
  weightedTardiness: number;
  lowerBound: number;
  iterations: number;
  elapsedMs: number;
  stopReason: StopReason;
  algorithm: Exclude<ScheduleAlgorithm, "auto">;
}
