import type { MessagePort } from "node:worker_threads";
import type { JobKind } from "@clusterbrain/contracts";

/** What the main thread hands a worker for one job. */
export interface JobTask {
  jobId: string;
  kind: JobKind;
  input: unknown;
  /** Progress messages (WorkerMessage) flow back on this port. */
  port: MessagePort;
  /** Int32Array[0] = 1 asks the run to stop; shared memory reaches a solver that never yields. */
  cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage = { type: "started" } | { type: "progress"; progress: number; note?: string };

export interface JobOutcome {
  /** True when the run stopped early because it was asked to; `result` is then what it had. */
  cancelled: boolean;
  result: unknown;
  /** Set when the run failed; errors are sent as data since custom fields do not survive a thread hop. */
  error?: CodedError;
}

/** What each kind's runner gets besides its (already validated) input. */
export interface JobContext {
  /** progress 0…1, plus an optional one-line note; cheap to call often (the runner throttles). */
  progress(progress: number, note?: string): void;
  cancelRequested(): boolean;
}

export type KindRunner = (input: unknown, ctx: JobContext) => Promise<JobOutcome>;

/** A failure a person can act on (bad input found by the engine); anything else is reported as INTERNAL. */
export interface CodedError {
  code: string;
  message: string;
}
