import type { PlanInstance } from "@clusterbrain/contracts";
import { type ScheduledOperation, validateSchedule } from "@clusterbrain/engine/schedule";
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

/**
 * Right-shift repair after a machine outage: operations keep their machine and their order on it
 * and never start earlier; an operation the outage hits may switch to an alternative machine when
 * it finishes sooner there. Everything else moves only as far as its predecessors push it.
 */
export function repairSchedule(
  plan: PlanInstance,
  ops: readonly ScheduledOperation[],
  outage: { machine: number; start: number; end: number },
): RepairOutcome {
  const unavailable = plan.unavailable.map((list, m) =>
    m === outage.machine ? mergeIntervals([...list, { start: outage.start, end: outage.end }]) : list,
  );
  const repaired: PlanInstance = { ...plan, unavailable };
  const setup = (m: number, from: number | undefined, to: number) =>
    from === undefined ? 0 : (plan.familySetups?.[m]?.[plan.jobs[from].family]?.[plan.jobs[to].family] ?? 0);
  const order = ops.map((_, i) => i).sort((a, b) => ops[a].start - ops[b].start || ops[a].end - ops[b].end);
  const lastOn = new Map<number, { end: number; job: number }>();
  const jobEnd = new Map<number, number>();
  const out = ops.map((o) => ({ ...o }));
  const affected: string[] = [];
  for (const i of order) {
    const o = ops[i];
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
      const start = fitAfter(unavailable[alt.machine] ?? [], from, s, alt.duration);
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
