import type { Schedule, ScheduledOperation, ScheduleInstance } from "./types.ts";

export type ViolationKind =
  | "missing-operation"
  | "duplicate-operation"
  | "unknown-operation"
  | "ineligible-machine"
  | "wrong-duration"
  | "negative-start"
  | "release"
  | "job-order"
  | "job-precedence"
  | "machine-overlap"
  | "calendar";

export interface Violation {
  kind: ViolationKind;
  message: string;
  job?: number;
  op?: number;
}

export interface ValidationReport {
  valid: boolean;
  violations: Violation[];
  /** Recomputed from the schedule itself, never taken from a solver. */
  makespan: number;
  weightedTardiness: number;
}

const EPS = 1e-9;

/**
 * Independent checker: reads only the instance as given and the schedule, sharing no code with
 * the solvers, so a solver bug cannot hide behind its own bookkeeping. Ops on a machine are taken
 * in (start, end) order; setups apply between consecutive ops, and [start − setup, end) must avoid
 * downtime. Zero-length ops at the same instant are taken in that order too.
 */
export function validateSchedule(instance: ScheduleInstance, schedule: Schedule): ValidationReport {
  const violations: Violation[] = [];
  const byJob: (ScheduledOperation | undefined)[][] = instance.jobs.map((job) =>
    new Array<ScheduledOperation | undefined>(job.operations.length).fill(undefined),
  );
  for (const so of schedule.operations) {
    const job = instance.jobs[so.job];
    if (!job || !Number.isInteger(so.op) || so.op < 0 || so.op >= job.operations.length) {
      violations.push({ kind: "unknown-operation", message: `no operation ${so.op} in job ${so.job}` });
      continue;
    }
    if (byJob[so.job][so.op]) {
      violations.push({
        kind: "duplicate-operation",
        message: `job ${so.job} op ${so.op} scheduled twice`,
        job: so.job,
        op: so.op,
      });
      continue;
    }
    byJob[so.job][so.op] = so;
    const alt = job.operations[so.op].alternatives.find((a) => a.machine === so.machine);
    const at = `job ${so.job} op ${so.op}`;
    if (!alt) {
      violations.push({
        kind: "ineligible-machine",
        message: `${at} cannot run on machine ${so.machine}`,
        job: so.job,
        op: so.op,
      });
    } else if (Math.abs(so.end - so.start - alt.duration) > EPS) {
      violations.push({
        kind: "wrong-duration",
        message: `${at} lasts ${so.end - so.start}, expected ${alt.duration}`,
        job: so.job,
        op: so.op,
      });
    }
    if (!(so.start >= 0))
      violations.push({
        kind: "negative-start",
        message: `${at} starts at ${so.start}`,
        job: so.job,
        op: so.op,
      });
  }
  let makespan = 0;
  let weightedTardiness = 0;
  const completion: number[] = [];
  instance.jobs.forEach((job, j) => {
    let prevEnd = job.release ?? 0;
    let complete = true;
    byJob[j].forEach((so, k) => {
      if (!so) {
        complete = false;
        violations.push({
          kind: "missing-operation",
          message: `job ${j} op ${k} is not scheduled`,
          job: j,
          op: k,
        });
        return;
      }
      if (so.start < prevEnd - EPS) {
        const kind = k === 0 ? "release" : "job-order";
        violations.push({
          kind,
          message: `job ${j} op ${k} starts at ${so.start} before ${prevEnd}`,
          job: j,
          op: k,
        });
      }
      prevEnd = so.end;
      makespan = Math.max(makespan, so.end);
    });
    completion[j] = complete ? prevEnd : Number.NaN;
    if (complete && job.due !== undefined)
      weightedTardiness += (job.weight ?? 1) * Math.max(0, prevEnd - job.due);
  });
  for (const p of instance.jobPrecedences ?? []) {
    const first = byJob[p.after]?.[0];
    const doneAt = completion[p.before];
    if (first && Number.isFinite(doneAt) && first.start < doneAt - EPS) {
      violations.push({
        kind: "job-precedence",
        message: `job ${p.after} starts at ${first.start} before job ${p.before} ends at ${doneAt}`,
        job: p.after,
        op: 0,
      });
    }
  }
  checkMachines(instance, schedule, violations);
  return { valid: violations.length === 0, violations, makespan, weightedTardiness };
}

function checkMachines(instance: ScheduleInstance, schedule: Schedule, violations: Violation[]): void {
  const perMachine: ScheduledOperation[][] = Array.from({ length: instance.machineCount }, () => []);
  for (const so of schedule.operations) {
    if (Number.isInteger(so.machine) && so.machine >= 0 && so.machine < instance.machineCount) {
      perMachine[so.machine].push(so);
    }
  }
  perMachine.forEach((ops, machine) => {
    ops.sort((a, b) => a.start - b.start || a.end - b.end);
    const downtime = instance.unavailable?.[machine] ?? [];
    for (let i = 0; i < ops.length; i++) {
      const cur = ops[i];
      const prev = i > 0 ? ops[i - 1] : undefined;
      const setup = prev ? (instance.setupTimes?.[machine]?.[prev.job]?.[cur.job] ?? 0) : 0;
      if (prev && cur.start - setup < prev.end - EPS) {
        violations.push({
          kind: "machine-overlap",
          message: `machine ${machine}: job ${cur.job} op ${cur.op} at ${cur.start} (setup ${setup}) overlaps job ${prev.job} op ${prev.op} ending ${prev.end}`,
          job: cur.job,
          op: cur.op,
        });
      }
      const from = cur.start - setup;
      for (const iv of downtime) {
        if (iv.end > iv.start && iv.start < cur.end - EPS && iv.end > from + EPS) {
          violations.push({
            kind: "calendar",
            message: `machine ${machine}: job ${cur.job} op ${cur.op} [${from}, ${cur.end}) meets downtime [${iv.start}, ${iv.end})`,
            job: cur.job,
            op: cur.op,
          });
        }
      }
    }
  });
}
