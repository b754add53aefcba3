import type { PlanInstance } from "@clusterbrain/contracts";
import type { ScheduledOperation, TimeInterval } from "@clusterbrain/engine/schedule";
import { fitAfter } from "./scheduling.moves.ts";

/** One routing step of the new order: its alternatives in minutes for the quantity asked. */
export interface PromiseStep {
  seq: number;
  alternatives: { machine: number; duration: number }[];
}

export interface Insertion {
  seq: number;
  machine: number;
  start: number;
  end: number;
  /** Minutes it waited for other orders on the machine (beyond shift gaps). */
  queued: number;
}

interface Placed {
  start: number;
  end: number;
  family: number;
}

/**
 * Earliest finish of one new order threaded through the gaps of a fixed schedule: each step takes
 * the machine and gap where it ends soonest (setups before and after it counted, calendar obeyed).
 * For a chain of steps into fixed capacity the greedy earliest finish per step is the earliest
 * finish of the order whenever no two of its steps compete for one machine (true of every routing
 * whose consecutive steps use different work centres), so the date is feasible and a day earlier is not.
 */
export function insertOrder(
  plan: PlanInstance,
  ops: readonly ScheduledOperation[],
  steps: readonly PromiseStep[],
  family: number,
  ready: number,
): Insertion[] {
  const famOf = (job: number) => plan.jobs[job]?.family ?? 0;
  const byMachine = new Map<number, Placed[]>();
  for (const o of ops)
    byMachine.set(o.machine, [
      ...(byMachine.get(o.machine) ?? []),
      { start: o.start, end: o.end, family: famOf(o.job) },
    ]);
  for (const list of byMachine.values()) list.sort((a, b) => a.start - b.start);
  const setup = (m: number, from: number, to: number) => plan.familySetups?.[m]?.[from]?.[to] ?? 0;
  const out: Insertion[] = [];
  let at = ready;
  for (const step of steps) {
    let best: Insertion | null = null;
    for (const alt of step.alternatives) {
      const down: readonly TimeInterval[] = plan.unavailable[alt.machine] ?? [];
      const list = byMachine.get(alt.machine) ?? [];
      for (let g = 0; g <= list.length; g++) {
        const prev = g > 0 ? list[g - 1] : undefined;
        const next = list[g];
        if (next && next.end <= at) continue;
        const sIn = prev ? setup(alt.machine, prev.family, family) : 0;
        const from = Math.max(at, prev ? prev.end + sIn : 0);
        const start = fitAfter(down, from, sIn, alt.duration);
        const end = start + alt.duration;
        if (next) {
          const sOut = setup(alt.machine, family, next.family);
          if (end + sOut > next.start) continue;
          if (sOut > 0 && down.some((iv) => iv.start < next.start && iv.end > next.start - sOut)) continue;
        }
        if (!best || end < best.end)
          best = {
            seq: step.seq,
            machine: alt.machine,
            start,
            end,
            queued: Math.max(0, start - fitAfter(down, at, sIn, alt.duration)),
          };
        break;
      }
    }
    if (!best) throw new Error(`step ${step.seq} has no machine`);
    out.push(best);
    const list = byMachine.get(best.machine) ?? [];
    list.push({ start: best.start, end: best.end, family });
    list.sort((a, b) => a.start - b.start);
    byMachine.set(best.machine, list);
    at = best.end;
  }
  return out;
}
