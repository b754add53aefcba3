import type { Schedule } from "@clusterbrain/engine/schedule";

export type InstanceFormat = "jobshop" | "brandimarte";

export interface SolveJob {
  name: string;
  file: string;
  format: InstanceFormat;
  timeLimitMs: number;
  seed: number;
}

export type SolveReply =
  | {
      ok: true;
      name: string;
      schedule: Schedule;
      makespan: number;
      iterations: number;
      elapsedMs: number;
      stopReason: string;
      algorithm: string;
    }
  | { ok: false; name: string; error: string };
