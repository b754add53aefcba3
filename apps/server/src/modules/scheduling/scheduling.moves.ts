import type { PlanInstance } from "@clusterbrain/contracts";
import { type ScheduledOperation, type TimeInterval, validateSchedule } from "@clusterbrain/engine/schedule";
import { ConflictError } from "../../errors/index.ts";
import { wallClock } from "./scheduling.calendar.ts";
import type { PlanMeta } from "./scheduling.instance.ts";
import { planToInstance } from "./scheduling.plan.ts";

export const opKey = (job: number, op: number) => `${job}:${op}`;

/** A drop the server refuses: the reason names the order, step, machine and time. */
export class MoveRefusedError extends ConflictError {}

function label(meta: PlanMeta, job: number, op: number): string {
  const j = meta.jobs[job];
  return j ? `${j.orderNo} step ${j.operations[op]?.seq ?? op}` : `job ${job} op ${op}`;
}

/**
 * Moves one operation to (machine, start) keeping its duration on that machine, then checks the
 * whole schedule with the engine's independent validator: precedence inside the order, the
 * machine's calendar (shifts, holidays, outages) and capacity (no overlap, setups included).
 */
export function applyMove(
  plan: PlanInstance,
  meta: PlanMeta,
  ops: readonly ScheduledOperation[],
  locked: ReadonlySet<string>,
  move: { job: number; op: number; machine: number; start: number },
): ScheduledOperation[] {
  const at = ops.findIndex((o) => o.job === move.job && o.op === move.op);
  if (at < 0)
    throw new MoveRefusedError(`no operation ${move.op} in order ${move.job}`, { reason: "unknown" });
  const what = label(meta, move.job, move.op);
  if (locked.has(opKey(move.job, move.op)))
    throw new MoveRefusedError(`${what} is locked; unlock it first`, { reason: "locked" });
  const alt = plan.jobs[move.job].operations[move.op].alternatives.find((a) => a.machine === move.machine);
  const machine = meta.machines[move.machine]?.code ?? `#${move.machine}`;
  if (!alt) throw new MoveRefusedError(`${what} cannot run on ${machine}`, { reason: "ineligible-machine" });
  const start = Math.round(move.start);
  const next = ops.map((o, i) =>
    i === at ? { ...o, machine: move.machine, start, end: start + alt.duration } : o,
  );
  const report = validateSchedule(planToInstance(plan), { operations: next });
  if (!report.valid) {
    const v = report.violations[0];
    const when = wallClock(meta.origin, start);
    const reason = v.kind;
    const text =
      v.kind === "job-order" || v.kind === "release"
        ? `${what} at ${when} breaks the order's step sequence (${label(meta, v.job ?? move.job, v.op ?? move.op)} would start before the step before it ends)`
        : v.kind === "calendar"
          ? `${machine} is not working for all of ${what} from ${when} (shift gap, holiday or outage)`
          : v.kind === "machine-overlap"
            ? `${what} at ${when} overlaps another operation on ${machine} (setup time included)`
            : v.message;
    throw new MoveRefusedError(`drop refused: ${text}`, { reason });
  }
  return next;
}

/** Earliest t ≥ from with [t − setup, t + duration) clear of the (sorted) downtime. */
export function fitAfter(
  downtime: readonly TimeInterval[],
  from: number,
  setup: number,
  duration: number,
): number {
  let t = from;
  for (let guard = 0; guard < 100_000; guard++) {
    const hit = downtime.find((iv) => iv.start < t + duration && iv.end > t - setup);
    if (!hit) return t;
    t = hit.end + setup;
  }
  return t;
}
