import type { PlanInstance } from "@clusterbrain/contracts";
import { type ScheduledOperation, validateSchedule } from "@clusterbrain/engine/schedule";
import { ConflictError } from "../../errors/index.ts";
import { mergeIntervals } from "./scheduling.calendar.ts";
import { fitAfter, opKey } from "./scheduling.moves.ts";
import { planToInstance } from "./scheduling.plan.ts";

export interface RepairOutcome {
  plan: PlanInstance;
  operations: ScheduledOperation[];
  /** Keys of the operations the outage hits. */
  affected: string[];
  /** Indices into `operations` whose machine or start changed. */
  moved: number[];
}

/** A locked operation cannot keep its machine and start through this repair (409): unlock it first. */
export class LockedRepairError extends ConflictError {}

/**
 * Right-shift repair after a machine outage: operations keep their machine and their order on it
 * and never start earlier; an operation the outage hits may switch to an alternative machine when
 * it finishes sooner there. Everything else moves only as far as its predecessors push it.
 * Locked operations (keys "job:op") keep their machine and start: the others fit around them (with
 * their changeovers), and a repair that would have to move one is refused.
 */
export function repairSchedule(
  plan: PlanInstance,
  ops: readonly ScheduledOperation[],
  outage: { machine: number; start: number; end: number },
  locked: ReadonlySet<string> = new Set(),
): RepairOutcome {
  const unavailable = plan.unavailable.map((list, m) =>
    m === outage.machine ? mergeIntervals([...list, { start: outage.start, end: outage.end }]) : list,
  );
  const repaired: PlanInstance = { ...plan, unavailable };
  const setup = (m: number, from: number | undefined, to: number) =>
    from === undefined ? 0 : (plan.familySetups?.[m]?.[plan.jobs[from].family]?.[plan.jobs[to].family] ?? 0);
  const isLocked = (o: ScheduledOperation) => locked.has(opKey(o.job, o.op));
  const lockedOn = unavailable.map((_, m) => ops.filter((o) => o.machine === m && isLocked(o)));
  // The earliest start from `from` on machine m clear of downtime, the outage and the locked
  // operations there, with each changeover next to a locked operation in the gap.
  const fit = (m: number, job: number, from: number, s: number, duration: number) => {
    let t = from;
    for (let guard = 0; guard < 10_000; guard++) {
      t = fitAfter(unavailable[m] ?? [], t, s, duration);
      const clash = lockedOn[m].find(
        (l) => t < l.end + setup(m, l.job, job) && t + duration + setup(m, job, l.job) > l.start,
      );
      if (!clash) return t;
      t = clash.end + setup(m, clash.job, job);
    }
    return t;
  };
  const order = ops.map((_, i) => i).sort((a, b) => ops[a].start - ops[b].start || ops[a].end - ops[b].end);
  const lastOn = new Map<number, { end: number; job: number }>();
  const jobEnd = new Map<number, number>();
  const out = ops.map((o) => ({ ...o }));
  const affected: string[] = [];
  for (const i of order) {
    const o = ops[i];
    if (isLocked(o)) {
      const what = `locked operation ${o.job}:${o.op}`;
      if (o.machine === outage.machine && o.start < outage.end && o.end > outage.start)
        throw new LockedRepairError(`${what} runs during the outage; unlock it first`, { reason: "locked" });
      if ((jobEnd.get(o.job) ?? plan.jobs[o.job].release) > o.start)
        throw new LockedRepairError(`${what} would start before its previous step ends; unlock it first`, {
          reason: "locked",
        });
      if ((lastOn.get(o.machine)?.end ?? 0) <= o.end) lastOn.set(o.machine, { end: o.end, job: o.job });
      jobEnd.set(o.job, o.end);
      continue;
    }
    const hit =
      o.machine === outage.machine &&
      o.start < outage.end &&
      o.end > outage.start - setup(o.machine, lastOn.get(o.machine)?.job, o.job);
    if (hit) affected.push(opKey(o.job, o.op));
    const ready = Math.max(jobEnd.get(o.job) ?? plan.jobs[o.job].release, o.start);
    const candidates = hit
      ? plan.jobs[o.job].operations[o.op].alternatives
      : [{ machine: o.machine, duration: o.end - o.start }];
    let best: { machine: number; start: number; end: number } | null = null;
    for (const alt of candidates) {
      const prev = lastOn.get(alt.machine);
      const s = setup(alt.machine, prev?.job, o.job);
      const from = Math.max(ready, (prev?.end ?? 0) + s);
      const start = fit(alt.machine, o.job, from, s, alt.duration);
      const end = start + alt.duration;
      if (!best || end < best.end || (end === best.end && alt.machine === o.machine))
        best = { machine: alt.machine, start, end };
    }
    if (!best) continue;
    out[i] = { ...o, ...best };
    lastOn.set(best.machine, { end: best.end, job: o.job });
    jobEnd.set(o.job, best.end);
  }
  const report = validateSchedule(planToInstance(repaired), { operations: out });
  if (!report.valid) throw new Error(`repair produced an invalid schedule: ${report.violations[0].message}`);
  const moved = out.flatMap((o, i) => (o.start !== ops[i].start || o.machine !== ops[i].machine ? [i] : []));
  return { plan: repaired, operations: out, affected, moved };
}
