import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveSchedule } from "./solve.ts";
import type { Schedule, ScheduleInstance } from "./types.ts";
import { type ViolationKind, validateSchedule } from "./validate.ts";

/**
 * Small random instances with every feature (durations ≥ 1: zero-length ops at one instant have
 * no observable order, see validate.ts): flexibility, releases, setups, downtime, job precedences. */
const instanceArb: fc.Arbitrary<ScheduleInstance> = fc
  .record({ n: fc.integer({ min: 1, max: 5 }), m: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, m }) =>
    fc.record({
      machineCount: fc.constant(m),
      jobs: fc.array(
        fc.record({
          release: fc.integer({ min: 0, max: 10 }),
          due: fc.integer({ min: 0, max: 40 }),
          weight: fc.integer({ min: 1, max: 3 }),
          operations: fc.array(
            fc.record({
              alternatives: fc.uniqueArray(
                fc.record({
                  machine: fc.integer({ min: 0, max: m - 1 }),
                  duration: fc.integer({ min: 1, max: 9 }),
                }),
                { minLength: 1, maxLength: m, selector: (a) => a.machine },
              ),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        { minLength: n, maxLength: n },
      ),
      setupTimes: fc.option(
        fc.array(
          fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), {
            minLength: n,
            maxLength: n,
          }),
          { minLength: m, maxLength: m },
        ),
        { nil: undefined },
      ),
      unavailable: fc.option(
        fc.array(
          fc.array(
            fc
              .record({ start: fc.integer({ min: 0, max: 50 }), len: fc.integer({ min: 1, max: 8 }) })
              .map(({ start, len }) => ({ start, end: start + len })),
            { maxLength: 3 },
          ),
          { minLength: m, maxLength: m },
        ),
        { nil: undefined },
      ),
      // Only earlier → later jobs, so the precedences are acyclic.
      jobPrecedences: fc
        .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n })
        .map((pairs) => pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ before: a, after: b }))),
    }),
  );

const objectiveArb = fc.constantFrom("makespan" as const, "weightedTardiness" as const);

/** Direct re-check of the core invariants, independent of the validator's own code path. */
function assertInvariants(inst: ScheduleInstance, schedule: Schedule): void {
  const ops = schedule.operations;
  for (let m = 0; m < inst.machineCount; m++) {
    const onM = ops.filter((o) => o.machine === m).sort((a, b) => a.start - b.start);
    for (let i = 0; i < onM.length; i++) {
      const setup = i > 0 ? (inst.setupTimes?.[m][onM[i - 1].job][onM[i].job] ?? 0) : 0;
      if (i > 0) expect(onM[i].start - setup).toBeGreaterThanOrEqual(onM[i - 1].end);
      for (const iv of inst.unavailable?.[m] ?? []) {
        const clear = onM[i].end <= iv.start || onM[i].start - setup >= iv.end;
        expect(clear).toBe(true);
      }
    }
  }
  inst.jobs.forEach((job, j) => {
    const mine = ops.filter((o) => o.job === j).sort((a, b) => a.op - b.op);
    expect(mine).toHaveLength(job.operations.length);
    expect(mine[0].start).toBeGreaterThanOrEqual(job.release ?? 0);
    for (let k = 1; k < mine.length; k++) expect(mine[k].start).toBeGreaterThanOrEqual(mine[k - 1].end);
  });
  for (const p of inst.jobPrecedences ?? []) {
    const endBefore = Math.max(...ops.filter((o) => o.job === p.before).map((o) => o.end));
    const startAfter = Math.min(...ops.filter((o) => o.job === p.after).map((o) => o.start));
    expect(startAfter).toBeGreaterThanOrEqual(endBefore);
  }
}

describe("solver schedules on random instances", () => {
  it.each(["auto", "tabu-decode", "constructive"] as const)("%s: valid and consistent", (algorithm) => {
    fc.assert(
      fc.property(instanceArb, objectiveArb, fc.nat(1000), (inst, objective, seed) => {
        const res = solveSchedule(inst, { objective, algorithm, iterationLimit: 60, seed });
        const report = validateSchedule(inst, res.schedule);
        expect(report.violations).toEqual([]);
        assertInvariants(inst, res.schedule);
        expect(report.makespan).toBe(res.makespan);
        expect(report.weightedTardiness).toBe(res.weightedTardiness);
        expect(res.objective).toBeGreaterThanOrEqual(res.lowerBound);
      }),
      { numRuns: 150 },
    );
  });

  it("tabu-graph keeps schedules valid on flexible instances with releases and precedences", () => {
    fc.assert(
      fc.property(instanceArb, fc.nat(1000), (inst, seed) => {
        const plain = { ...inst, setupTimes: undefined, unavailable: undefined };
        const res = solveSchedule(plain, { algorithm: "tabu-graph", iterationLimit: 200, seed });
        expect(validateSchedule(plain, res.schedule).violations).toEqual([]);
        assertInvariants(plain, res.schedule);
      }),
      { numRuns: 150 },
    );
  });
});

type Breaker = (inst: ScheduleInstance, s: Schedule) => { schedule: Schedule; kind: ViolationKind } | null;

const breakers: Record<string, Breaker> = {
  "start an op at a negative time": (_inst, s) => {
    const victim = s.operations.find((o) => o.start > 0);
    if (!victim) return null;
    const d = victim.end - victim.start;
    const moved = { ...victim, start: -1, end: d - 1 };
    return { schedule: replace(s, victim, moved), kind: "negative-start" };
  },
  "stretch a duration": (_inst, s) => {
    const victim = s.operations[0];
    return { schedule: replace(s, victim, { ...victim, end: victim.end + 1 }), kind: "wrong-duration" };
  },
  "move to a machine the op cannot use": (inst, s) => {
    const victim = s.operations.find(
      (o) => inst.jobs[o.job].operations[o.op].alternatives.length < inst.machineCount,
    );
    if (!victim) return null;
    const allowed = new Set(inst.jobs[victim.job].operations[victim.op].alternatives.map((a) => a.machine));
    const machine = [...Array(inst.machineCount).keys()].find((k) => !allowed.has(k)) ?? 0;
    return { schedule: replace(s, victim, { ...victim, machine }), kind: "ineligible-machine" };
  },
  "drop an op": (_inst, s) => ({
    schedule: { operations: s.operations.slice(1) },
    kind: "missing-operation",
  }),
  "put two ops of a machine at the same time": (_inst, s) => {
    const byMachine = new Map<number, Schedule["operations"]>();
    for (const o of s.operations) byMachine.set(o.machine, [...(byMachine.get(o.machine) ?? []), o]);
    const pair = [...byMachine.values()].find((list) => list.filter((o) => o.end > o.start).length >= 2);
    if (!pair) return null;
    const [a, b] = pair.filter((o) => o.end > o.start);
    return {
      schedule: replace(s, b, { ...b, start: a.start, end: a.start + (b.end - b.start) }),
      kind: "machine-overlap",
    };
  },
  "start a job before its release": (inst, s) => {
    const victim = s.operations.find((o) => o.op === 0 && (inst.jobs[o.job].release ?? 0) > 0);
    if (!victim) return null;
    const start = (inst.jobs[victim.job].release ?? 0) - 1;
    return {
      schedule: replace(s, victim, { ...victim, start, end: start + victim.end - victim.start }),
      kind: "release",
    };
  },
  "start an op before its job predecessor ends": (_inst, s) => {
    const victim = s.operations.find((o) => o.op > 0);
    if (!victim) return null;
    const prev = s.operations.find((o) => o.job === victim.job && o.op === victim.op - 1)!;
    const start = prev.end - 1;
    return {
      schedule: replace(s, victim, { ...victim, start, end: start + victim.end - victim.start }),
      kind: "job-order",
    };
  },
  "start a job before a job it depends on ends": (inst, s) => {
    const p = inst.jobPrecedences?.[0];
    if (!p) return null;
    const doneAt = Math.max(...s.operations.filter((o) => o.job === p.before).map((o) => o.end));
    const victim = s.operations.find((o) => o.job === p.after && o.op === 0)!;
    const start = doneAt - 1;
    return {
      schedule: replace(s, victim, { ...victim, start, end: start + victim.end - victim.start }),
      kind: "job-precedence",
    };
  },
  "run an op into downtime": (inst, s) => {
    const victim = s.operations.find((o) => (inst.unavailable?.[o.machine].length ?? 0) > 0);
    if (!victim) return null;
    const start = inst.unavailable![victim.machine][0].start;
    return {
      schedule: replace(s, victim, { ...victim, start, end: start + victim.end - victim.start }),
      kind: "calendar",
    };
  },
  "skip a sequence-dependent setup": (inst, s) => {
    if (!inst.setupTimes) return null;
    for (let m = 0; m < inst.machineCount; m++) {
      const onM = s.operations.filter((o) => o.machine === m).sort((a, b) => a.start - b.start);
      for (let i = 1; i < onM.length; i++) {
        if (inst.setupTimes[m][onM[i - 1].job][onM[i].job] > 0) {
          const cur = onM[i];
          const start = onM[i - 1].end;
          return {
            schedule: replace(s, cur, { ...cur, start, end: start + cur.end - cur.start }),
            kind: "machine-overlap",
          };
        }
      }
    }
    return null;
  },
};

function replace(
  s: Schedule,
  from: Schedule["operations"][number],
  to: Schedule["operations"][number],
): Schedule {
  return { operations: s.operations.map((o) => (o === from ? to : o)) };
}

describe("validator rejects broken schedules", () => {
  it.each(Object.entries(breakers))("%s", (_name, breaker) => {
    fc.assert(
      fc.property(instanceArb, fc.nat(1000), (inst, seed) => {
        const res = solveSchedule(inst, { iterationLimit: 20, seed });
        const broken = breaker(inst, res.schedule);
        if (!broken) return;
        const report = validateSchedule(inst, broken.schedule);
        expect(report.valid).toBe(false);
        expect(report.violations.map((v) => v.kind)).toContain(broken.kind);
      }),
      { numRuns: 100 },
    );
  });
});
