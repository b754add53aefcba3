import type {
  PlanInstance,
  PlanningCalendarDay,
  PlanningMachine,
  PlanningOpenOrder,
  PlanningRouting,
  PlanningSetup,
  ScheduleObjectiveName,
} from "@clusterbrain/contracts";
import type { TimeInterval } from "@clusterbrain/engine/schedule";
import { DAY_MIN, daysBetween, downtimeOf, workingWindows } from "./scheduling.calendar.ts";

/** How far ahead calendars are laid out; beyond it a machine counts as always available. */
export const HORIZON_DAYS = 366;

/** Scheduling master data of a firm, as the planning contracts parsed it. */
export interface SchedulingMasterData {
  machines: Required<PlanningMachine>[];
  routings: Required<PlanningRouting>[];
  setups: Required<PlanningSetup>[];
  calendar: PlanningCalendarDay[];
  orders: PlanningOpenOrder[];
}

export interface PlanJobMeta {
  orderNo: string;
  item: string;
  quantity: number;
  dueDate: string;
  due: number;
  priority: number;
  family: string;
  operations: { seq: number; name: string; alternatives: { machine: number; duration: number }[] }[];
}

/** What a scenario keeps besides the solver input: names for every index. */
export interface PlanMeta {
  origin: string;
  machines: { code: string; name: string; workCentre: string }[];
  families: string[];
  jobs: PlanJobMeta[];
  skipped: { orderNo: string; reason: string }[];
  /** Working windows per machine (for capacity and the Gantt). */
  windows: TimeInterval[][];
}

export interface BuiltPlan {
  plan: PlanInstance;
  meta: PlanMeta;
}

/** The whole routing step's minutes for a quantity on one machine (whole minutes, at least 1). */
export function stepMinutes(
  r: Pick<Required<PlanningRouting>, "minutesPerUnit" | "fixedMinutes">,
  qty: number,
) {
  return Math.max(1, Math.ceil(r.fixedMinutes + r.minutesPerUnit * qty));
}

function longestWindow(windows: readonly TimeInterval[]): number {
  return windows.reduce((m, w) => Math.max(m, w.end - w.start), 0);
}

/** Routing steps of an item: per step number its alternatives, in step order. */
export function routingSteps(routings: readonly Required<PlanningRouting>[], item: string) {
  const steps = new Map<number, Required<PlanningRouting>[]>();
  for (const r of routings) if (r.item === item) steps.set(r.seq, [...(steps.get(r.seq) ?? []), r]);
  return [...steps.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * Open production orders + routings + machine calendars → the solver's instance. An order whose
 * item has no routing, or whose step fits no machine's working window, is skipped with the reason.
 */
export function buildPlan(
  data: SchedulingMasterData,
  origin: string,
  objective: ScheduleObjectiveName,
): BuiltPlan {
  const machineIndex = new Map(data.machines.map((m, i) => [m.code, i]));
  const exceptions = new Map(data.calendar.map((c) => [c.date, c.kind]));
  const horizon = HORIZON_DAYS * DAY_MIN;
  const windows = data.machines.map((m) => workingWindows(m, exceptions, origin, HORIZON_DAYS));
  const longest = windows.map(longestWindow);
  const familyOf = new Map<string, string>();
  for (const r of data.routings) if (!familyOf.has(r.item)) familyOf.set(r.item, r.family);
  const families = [...new Set(data.routings.map((r) => r.family))].sort();
  const famIndex = new Map(families.map((f, i) => [f, i]));
  const setupFor = (machine: string, from: string, to: string): number => {
    if (from === to) return 0;
    const exact = data.setups.find(
      (s) => s.machine === machine && s.fromFamily === from && s.toFamily === to,
    );
    const any = data.setups.find((s) => s.machine === "*" && s.fromFamily === from && s.toFamily === to);
    return (exact ?? any)?.minutes ?? 0;
  };
  const maxSetupInto = (machine: string, to: string) =>
    Math.max(0, ...families.map((f) => setupFor(machine, f, to)));
  const jobs: PlanInstance["jobs"] = [];
  const metas: PlanJobMeta[] = [];
  const skipped: PlanMeta["skipped"] = [];
  const orders = data.orders
    .filter((o) => o.kind === "production")
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.orderNo.localeCompare(b.orderNo));
  for (const order of orders) {
    const steps = routingSteps(data.routings, order.item);
    if (steps.length === 0) {
      skipped.push({ orderNo: order.orderNo, reason: `item ${order.item} has no routing` });
      continue;
    }
    const family = familyOf.get(order.item) ?? "default";
    const ops: PlanJobMeta["operations"] = [];
    let problem: string | null = null;
    for (const [seq, alts] of steps) {
      const alternatives: { machine: number; duration: number }[] = [];
      for (const r of alts) {
        const m = machineIndex.get(r.machine);
        if (m === undefined) continue;
        const duration = stepMinutes(r, order.quantity);
        if (duration + maxSetupInto(r.machine, family) <= longest[m])
          alternatives.push({ machine: m, duration });
      }
      if (alternatives.length === 0) {
        const known = alts.filter((r) => machineIndex.has(r.machine));
        problem =
          known.length === 0
            ? `step ${seq} names no known machine (${alts.map((r) => r.machine).join(", ")})`
            : `step ${seq} needs longer than any working window of ${known.map((r) => r.machine).join(", ")}; split the order`;
        break;
      }
      ops.push({ seq, name: alts[0].operation, alternatives });
    }
    if (problem) {
      skipped.push({ orderNo: order.orderNo, reason: problem });
      continue;
    }
    const due = Math.max(0, (daysBetween(origin, order.dueDate) + 1) * DAY_MIN);
    const priority = order.priority ?? 1;
    jobs.push({
      release: 0,
      due,
      weight: objective === "weightedTardiness" ? priority : 1,
      family: famIndex.get(family) ?? 0,
      operations: ops.map((o) => ({ alternatives: o.alternatives })),
    });
    metas.push({
      orderNo: order.orderNo,
      item: order.item,
      quantity: order.quantity,
      dueDate: order.dueDate,
      due,
      priority,
      family,
      operations: ops,
    });
  }
  const anySetup = data.setups.some((s) => s.minutes > 0);
  const familySetups = anySetup
    ? data.machines.map((m) => families.map((from) => families.map((to) => setupFor(m.code, from, to))))
    : null;
  return {
    plan: {
      machineCount: Math.max(1, data.machines.length),
      jobs,
      familySetups,
      unavailable: windows.map((w) => downtimeOf(w, horizon)),
    },
    meta: {
      origin,
      machines: data.machines.map((m) => ({ code: m.code, name: m.name, workCentre: m.workCentre })),
      families,
      jobs: metas,
      skipped,
      windows,
    },
  };
}
