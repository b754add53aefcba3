import type { PlanInstance } from "@clusterbrain/contracts";
import type { ScheduledOperation } from "@clusterbrain/engine/schedule";
import { describe, expect, it } from "vitest";
import { LockedRepairError, repairSchedule } from "./scheduling.repair.ts";

// Four orders on M0 back to back (0–240 min), the first order's second step on M1.
const job = (machine: number) => ({
  release: 0,
  due: 10_000,
  weight: 1,
  family: 0,
  operations: [{ alternatives: [{ machine, duration: 60 }] }],
});
const plan: PlanInstance = {
  machineCount: 2,
  jobs: [
    {
      ...job(0),
      operations: [
        { alternatives: [{ machine: 0, duration: 60 }] },
        { alternatives: [{ machine: 1, duration: 60 }] },
      ],
    },
    job(0),
    job(0),
    job(0),
  ],
  familySetups: null,
  unavailable: [[], []],
};
const ops: ScheduledOperation[] = [
  { job: 0, op: 0, machine: 0, start: 0, end: 60 },
  { job: 0, op: 1, machine: 1, start: 60, end: 120 },
  { job: 1, op: 0, machine: 0, start: 60, end: 120 },
  { job: 2, op: 0, machine: 0, start: 120, end: 180 },
  { job: 3, op: 0, machine: 0, start: 180, end: 240 },
];
const at = (out: ScheduledOperation[], j: number, o: number) => out.find((x) => x.job === j && x.op === o);

describe("machine-down repair with locked operations", () => {
  it("keeps a locked operation's machine and start; the others fit around it", () => {
    const outage = { machine: 0, start: 0, end: 90 };
    // Unlocked, the right-shift pushes order 2 back along with the rest.
    expect(at(repairSchedule(plan, ops, outage).operations, 2, 0)?.start).toBeGreaterThan(120);

    const r = repairSchedule(plan, ops, outage, new Set(["2:0"]));
    expect(at(r.operations, 2, 0)).toEqual({ job: 2, op: 0, machine: 0, start: 120, end: 180 });
    expect(r.moved.map((i) => `${r.operations[i].job}:${r.operations[i].op}`)).not.toContain("2:0");
    // After the outage (90) an hour no longer fits before the locked 120–180: the others go after it.
    expect(at(r.operations, 0, 0)).toMatchObject({ start: 180, end: 240 });
    expect(at(r.operations, 1, 0)).toMatchObject({ start: 240, end: 300 });
    expect(at(r.operations, 3, 0)).toMatchObject({ start: 300, end: 360 });
    expect(at(r.operations, 0, 1)).toMatchObject({ machine: 1, start: 240 });
  });

  it("refuses a repair that would have to move a locked operation", () => {
    // The outage covers the locked operation itself.
    expect(() => repairSchedule(plan, ops, { machine: 0, start: 100, end: 130 }, new Set(["2:0"]))).toThrow(
      LockedRepairError,
    );
    // Its previous step is pushed past its start.
    expect(() => repairSchedule(plan, ops, { machine: 0, start: 0, end: 90 }, new Set(["0:1"]))).toThrow(
      LockedRepairError,
    );
  });
});
