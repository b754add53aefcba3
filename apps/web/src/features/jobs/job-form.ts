import type { JobSummary, StartJobBody } from "@clusterbrain/contracts";

/** What the screen can start: a generated job shop, or an MRP run on a generated multi-level BOM. */
export type PlanningKind = "schedule" | "mrp";

export interface PlanningForm {
  kind: PlanningKind;
  jobs: number;
  machines: number;
  seconds: number;
  items: number;
  levels: number;
  periods: number;
  seed: number;
}

export const DEFAULT_FORM: PlanningForm = {
  kind: "schedule",
  jobs: 15,
  machines: 15,
  seconds: 20,
  items: 2000,
  levels: 5,
  periods: 26,
  seed: 1,
};

export function toStartBody(f: PlanningForm): StartJobBody {
  if (f.kind === "schedule") {
    return {
      kind: "schedule",
      input: {
        instance: { source: "generated", jobs: f.jobs, machines: f.machines, seed: f.seed },
        timeLimitSeconds: f.seconds,
        seed: f.seed,
      },
    };
  }
  return {
    kind: "mrp",
    input: { source: "generated", items: f.items, levels: f.levels, periods: f.periods, seed: f.seed },
  };
}

export const isActive = (job: Pick<JobSummary, "status">) =>
  job.status === "queued" || job.status === "running";

/**
 * Folds a pushed job state into the list (newest first). Pushes can overtake each other, so a
 * finished state is never replaced by an older running one.
 */
export function mergeJob(list: readonly JobSummary[], job: JobSummary): JobSummary[] {
  const at = list.findIndex((j) => j.id === job.id);
  if (at < 0) return [job, ...list];
  const old = list[at];
  if (!isActive(old) && isActive(job)) return [...list];
  const next = [...list];
  next[at] = job;
  return next;
}

/** Seconds a job ran (or has been running). */
export function runSeconds(job: Pick<JobSummary, "startedAt" | "finishedAt">, now: number): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, (end - Date.parse(job.startedAt)) / 1000);
}
