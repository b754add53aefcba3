import type { PlanInstance, ScenarioKpis, ScenarioLoad } from "@clusterbrain/contracts";
import type { ScheduledOperation, TimeInterval } from "@clusterbrain/engine/schedule";
import { addDays, availableMinutes, DAY_MIN, weekday } from "./scheduling.calendar.ts";
import type { PlanMeta } from "./scheduling.instance.ts";

/** Setup minutes before each operation (by index into `ops`), from its predecessor on the machine. */
export function setupsOf(plan: PlanInstance, ops: readonly ScheduledOperation[]): number[] {
  const out = new Array<number>(ops.length).fill(0);
  const byMachine = new Map<number, number[]>();
  ops.forEach((o, i) => {
    byMachine.set(o.machine, [...(byMachine.get(o.machine) ?? []), i]);
  });
  for (const [m, idx] of byMachine) {
    idx.sort((a, b) => ops[a].start - ops[b].start || ops[a].end - ops[b].end);
    for (let k = 1; k < idx.length; k++) {
      const from = plan.jobs[ops[idx[k - 1]].job]?.family ?? 0;
      const to = plan.jobs[ops[idx[k]].job]?.family ?? 0;
      out[idx[k]] = plan.familySetups?.[m]?.[from]?.[to] ?? 0;
    }
  }
  return out;
}

/** Completion of each job (NaN when an operation is missing). */
export function completions(plan: PlanInstance, ops: readonly ScheduledOperation[]): number[] {
  const done = plan.jobs.map(() => 0);
  const count = plan.jobs.map(() => 0);
  for (const o of ops) {
    done[o.job] = Math.max(done[o.job], o.end);
    count[o.job]++;
  }
  return done.map((c, j) => (count[j] === plan.jobs[j].operations.length ? c : Number.NaN));
}

/** KPIs recomputed from the operations themselves (never from the solver's bookkeeping). */
export function scenarioKpis(
  plan: PlanInstance,
  meta: PlanMeta,
  ops: readonly ScheduledOperation[],
  stopReason: string | null,
): ScenarioKpis {
  const done = completions(plan, ops);
  let total = 0;
  let weighted = 0;
  let late = 0;
  done.forEach((c, j) => {
    const t = Math.max(0, c - meta.jobs[j].due);
    total += t;
    weighted += t * meta.jobs[j].priority;
    if (t > 0) late++;
  });
  const makespan = ops.reduce((m, o) => Math.max(m, o.end), 0);
  const setups = setupsOf(plan, ops);
  const used = new Set(ops.map((o) => o.machine));
  let busy = 0;
  let avail = 0;
  for (const m of used) avail += availableMinutes(plan.unavailable[m] ?? [], 0, makespan);
  for (const o of ops) busy += o.end - o.start;
  const setupMinutes = setups.reduce((a, b) => a + b, 0);
  const n = plan.jobs.length;
  return {
    makespan,
    totalTardiness: total,
    weightedTardiness: weighted,
    onTimePct: n === 0 ? 100 : Math.round(((n - late) / n) * 1000) / 10,
    utilisationPct: avail === 0 ? 0 : Math.round(((busy + setupMinutes) / avail) * 1000) / 10,
    setups: setups.filter((s) => s > 0).length,
    setupMinutes,
    orders: n,
    lateOrders: late,
    stopReason,
  };
}

/** Adds the minutes of [start, end) to the weeks they fall in. */
function spread(cells: number[], weekStart: number, start: number, end: number): void {
  const week = 7 * DAY_MIN;
  for (let w = Math.max(0, Math.floor((start - weekStart) / week)); w < cells.length; w++) {
    const a = weekStart + w * week;
    const b = a + week;
    if (a >= end) break;
    cells[w] += Math.max(0, Math.min(end, b) - Math.max(start, a));
  }
}

/**
 * Load per machine and week (Monday-based): scheduled minutes, working minutes, and the load the
 * due dates ask for (each order's steps laid back to back ending at its due date, on the machines
 * the scenario chose, capacity ignored). A week whose required load exceeds its capacity is overloaded.
 */
export function capacityLoad(
  plan: PlanInstance,
  meta: PlanMeta,
  ops: readonly ScheduledOperation[],
  windows: readonly TimeInterval[][],
): ScenarioLoad {
  const shift = weekday(meta.origin) - 1;
  const weekStart = -shift * DAY_MIN;
  const horizon = Math.max(
    ops.reduce((m, o) => Math.max(m, o.end), 0),
    meta.jobs.reduce((m, j) => Math.max(m, j.due), 0),
  );
  const weekCount = Math.max(1, Math.ceil((horizon - weekStart) / (7 * DAY_MIN)));
  const weeks = Array.from({ length: weekCount }, (_, w) => addDays(meta.origin, w * 7 - shift));
  const setups = setupsOf(plan, ops);
  const byJob = new Map<number, ScheduledOperation[]>();
  for (const o of ops) byJob.set(o.job, [...(byJob.get(o.job) ?? []), o]);
  const machines = meta.machines.map((machine, m) => {
    const scheduled = new Array<number>(weekCount).fill(0);
    const required = new Array<number>(weekCount).fill(0);
    ops.forEach((o, i) => {
      if (o.machine === m) spread(scheduled, weekStart, o.start - setups[i], o.end);
    });
    for (const [j, list] of byJob) {
      let end = meta.jobs[j].due;
      for (const o of [...list].sort((a, b) => b.op - a.op)) {
        const d = o.end - o.start;
        if (o.machine === m) spread(required, weekStart, Math.max(0, end - d), Math.max(end, d));
        end = Math.max(0, end - d);
      }
    }
    const cells = scheduled.map((s, w) => {
      const a = Math.max(0, weekStart + w * 7 * DAY_MIN);
      const b = weekStart + (w + 1) * 7 * DAY_MIN;
      const capacity = windows[m].reduce(
        (acc, iv) => acc + Math.max(0, Math.min(b, iv.end) - Math.max(a, iv.start)),
        0,
      );
      return { scheduled: s, capacity, required: required[w], overloaded: required[w] > capacity };
    });
    return { code: machine.code, cells };
  });
  return { weeks, machines };
}
