import type { PlanInstance } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { downtimeOf, workingWindows } from "./scheduling.calendar.ts";
import type { PlanMeta } from "./scheduling.instance.ts";
import { capacityLoad, scenarioKpis } from "./scheduling.kpis.ts";

// One machine working 08:00–16:00 on Mondays only; the origin is Monday 2026-12-07.
const windows = [workingWindows({ shifts: "08:00-16:00", workdays: "1" }, new Map(), "2026-12-07", 21)];
const job = (due: number) => ({
  release: 0,
  due,
  weight: 1,
  family: 0,
  operations: [{ alternatives: [{ machine: 0, duration: 300 }] }],
});
const plan: PlanInstance = {
  machineCount: 1,
  jobs: [job(1440), job(1440)],
  familySetups: [[[0]]],
  unavailable: [downtimeOf(windows[0], 21 * 1440)],
};
const meta = {
  origin: "2026-12-07",
  machines: [{ code: "M", name: "M", workCentre: "W" }],
  families: ["F"],
  jobs: [0, 1].map((i) => ({
    orderNo: `O${i}`,
    item: "A",
    quantity: 1,
    dueDate: "2026-12-07",
    due: 1440,
    priority: i + 1,
    family: "F",
    operations: [],
  })),
  skipped: [],
  windows,
} satisfies PlanMeta;
// First on Monday 08:00–13:00, the second on the next Monday.
const ops = [
  { job: 0, op: 0, machine: 0, start: 480, end: 780 },
  { job: 1, op: 0, machine: 0, start: 7 * 1440 + 480, end: 7 * 1440 + 780 },
];

describe("scenario KPIs and capacity load", () => {
  it("counts tardiness (weighted by priority), on-time share and utilisation over working minutes", () => {
    const k = scenarioKpis(plan, meta, ops, "time");
    expect(k).toMatchObject({
      makespan: 7 * 1440 + 780,
      totalTardiness: 7 * 1440 + 780 - 1440,
      weightedTardiness: 2 * (7 * 1440 + 780 - 1440),
      onTimePct: 50,
      lateOrders: 1,
      setups: 0,
    });
    // 600 busy minutes over two Mondays' 480 + 300 working minutes before the makespan.
    expect(k.utilisationPct).toBeCloseTo((600 / 780) * 100, 0);
  });

  it("a week whose due dates ask for more than its working minutes is overloaded; scheduled load never is", () => {
    const load = capacityLoad(plan, meta, ops, windows);
    expect(load.weeks.slice(0, 2)).toEqual(["2026-12-07", "2026-12-14"]);
    const [w0, w1] = load.machines[0].cells;
    expect(w0).toEqual({ scheduled: 300, capacity: 480, required: 600, overloaded: true });
    expect(w1).toMatchObject({ scheduled: 300, capacity: 480, required: 0, overloaded: false });
  });
});
