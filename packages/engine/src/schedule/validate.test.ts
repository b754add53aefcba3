import { describe, expect, it } from "vitest";
import type { Schedule, ScheduleInstance } from "./types.ts";
import { type ViolationKind, validateSchedule } from "./validate.ts";

// Two jobs, two machines; job 1 needs job 0 finished; setup 2 on machine 0 from job 0 to job 1;
// machine 1 is down during [20, 25); job 1 may also run its first op on machine 1.
const instance: ScheduleInstance = {
  machineCount: 2,
  jobs: [
    { release: 1, due: 10, weight: 2, operations: [{ alternatives: [{ machine: 0, duration: 3 }] }] },
    {
      due: 5,
      operations: [
        {
          alternatives: [
            { machine: 0, duration: 4 },
            { machine: 1, duration: 6 },
          ],
        },
        { alternatives: [{ machine: 1, duration: 2 }] },
      ],
    },
  ],
  setupTimes: [
    [
      [0, 2],
      [0, 0],
    ],
    [
      [0, 0],
      [0, 0],
    ],
  ],
  unavailable: [[], [{ start: 20, end: 25 }]],
  jobPrecedences: [{ before: 0, after: 1 }],
};

// Hand-built: job 0 [1,4) on m0; setup [4,6); job 1 op 0 [6,10) on m0; op 1 [10,12) on m1.
const good: Schedule = {
  operations: [
    { job: 0, op: 0, machine: 0, start: 1, end: 4 },
    { job: 1, op: 0, machine: 0, start: 6, end: 10 },
    { job: 1, op: 1, machine: 1, start: 10, end: 12 },
  ],
};

function withOp(index: number, patch: Partial<Schedule["operations"][number]>): Schedule {
  return { operations: good.operations.map((o, i) => (i === index ? { ...o, ...patch } : o)) };
}

function kinds(schedule: Schedule, inst: ScheduleInstance = instance): ViolationKind[] {
  return validateSchedule(inst, schedule).violations.map((v) => v.kind);
}

describe("validateSchedule", () => {
  it("accepts a hand-checked schedule and recomputes makespan and weighted tardiness", () => {
    const report = validateSchedule(instance, good);
    expect(report.violations).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.makespan).toBe(12);
    // Job 0 ends 4 ≤ due 10; job 1 ends 12, due 5, weight 1 → 7.
    expect(report.weightedTardiness).toBe(7);
  });

  it("rejects each kind of violation", () => {
    expect(kinds({ operations: good.operations.slice(0, 2) })).toContain("missing-operation");
    expect(kinds({ operations: [...good.operations, good.operations[0]] })).toContain("duplicate-operation");
    expect(
      kinds({ operations: [...good.operations, { job: 1, op: 5, machine: 0, start: 0, end: 1 }] }),
    ).toContain("unknown-operation");
    expect(kinds(withOp(2, { machine: 0 }))).toContain("ineligible-machine");
    expect(kinds(withOp(2, { end: 13 }))).toEqual(["wrong-duration"]);
    expect(kinds(withOp(0, { start: 0, end: 3 }))).toEqual(["release"]);
    expect(kinds(withOp(2, { start: 9, end: 11 }))).toEqual(["job-order"]);
    // Setup 2 needs job 1 to start at ≥ 6 on machine 0: at 5 the setup overlaps job 0.
    expect(kinds(withOp(1, { start: 5, end: 9 }))).toEqual(["machine-overlap"]);
    expect(kinds(withOp(2, { start: 19, end: 21 }))).toEqual(["calendar"]);
    expect(kinds(withOp(0, { start: -1, end: 2 }))).toContain("negative-start");
  });

  it("rejects a job starting before the job it depends on ends", () => {
    const early: Schedule = {
      operations: [
        { job: 0, op: 0, machine: 0, start: 1, end: 4 },
        { job: 1, op: 0, machine: 1, start: 2, end: 8 },
        { job: 1, op: 1, machine: 1, start: 8, end: 10 },
      ],
    };
    expect(kinds(early)).toEqual(["job-precedence"]);
  });

  it("counts a setup that runs into downtime as a calendar violation", () => {
    const inst: ScheduleInstance = {
      machineCount: 1,
      jobs: [
        { operations: [{ alternatives: [{ machine: 0, duration: 2 }] }] },
        { operations: [{ alternatives: [{ machine: 0, duration: 2 }] }] },
      ],
      setupTimes: [
        [
          [0, 3],
          [3, 0],
        ],
      ],
      unavailable: [[{ start: 3, end: 4 }]],
    };
    const sched: Schedule = {
      operations: [
        { job: 0, op: 0, machine: 0, start: 0, end: 2 },
        { job: 1, op: 0, machine: 0, start: 5, end: 7 },
      ],
    };
    expect(kinds(sched, inst)).toEqual(["calendar"]);
    const fixed = { operations: [sched.operations[0], { job: 1, op: 0, machine: 0, start: 7, end: 9 }] };
    expect(kinds(fixed, inst)).toEqual([]);
  });
});
