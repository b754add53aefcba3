import { describe, expect, it } from "vitest";
import { FT06_OPTIMUM, FT06_TEXT, MK01_TEXT } from "./fixtures/benchmarks.ts";
import { parseBrandimarte } from "./parse-brandimarte.ts";
import { parseJobShop } from "./parse-jobshop.ts";
import { solveSchedule } from "./solve.ts";
import type { ScheduleAlgorithm, ScheduleInstance, SolveProgress } from "./types.ts";
import { validateSchedule } from "./validate.ts";

const ft06 = parseJobShop(FT06_TEXT, "ft06");

// Interchangeable searches share this suite; each must solve the same instances correctly.
const searches: Exclude<ScheduleAlgorithm, "auto" | "constructive">[] = ["tabu-graph", "tabu-decode"];

describe.each(searches)("%s", (algorithm) => {
  it("reaches the ft06 optimum 55 within an iteration budget (deterministic)", () => {
    const res = solveSchedule(ft06, { algorithm, iterationLimit: 20_000, seed: 3 });
    const report = validateSchedule(ft06, res.schedule);
    expect(report.valid).toBe(true);
    expect(report.makespan).toBe(res.makespan);
    expect(res.makespan).toBe(FT06_OPTIMUM);
  });

  it("is reproducible for a seed with an iteration limit", () => {
    const a = solveSchedule(ft06, { algorithm, iterationLimit: 300, seed: 7 });
    const b = solveSchedule(ft06, { algorithm, iterationLimit: 300, seed: 7 });
    expect(a.schedule).toEqual(b.schedule);
    expect(a.iterations).toBe(b.iterations);
  });

  it("finds a valid flexible schedule for mk01 no worse than the constructive start", () => {
    const mk01 = parseBrandimarte(MK01_TEXT, "mk01");
    const start = solveSchedule(mk01, { algorithm: "constructive" });
    const res = solveSchedule(mk01, { algorithm, iterationLimit: 2_000, seed: 1 });
    expect(validateSchedule(mk01, res.schedule).valid).toBe(true);
    expect(res.makespan).toBeLessThanOrEqual(start.makespan);
    expect(res.makespan).toBeGreaterThanOrEqual(40);
  });

  it("stops when cancelled and reports progress", () => {
    const signal = { aborted: false };
    const seen: SolveProgress[] = [];
    const res = solveSchedule(ft06, {
      algorithm,
      iterationLimit: 1e9,
      timeLimitMs: 1e9,
      signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        seen.push(p);
        if (p.iterations >= 64) signal.aborted = true;
      },
    });
    expect(res.stopReason === "aborted" || res.stopReason === "lower-bound").toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.bestObjective >= FT06_OPTIMUM && p.elapsedMs >= 0)).toBe(true);
    expect(validateSchedule(ft06, res.schedule).valid).toBe(true);
  });

  it("honours the time limit through the injected clock", () => {
    let t = 0;
    const res = solveSchedule(ft06, { algorithm, timeLimitMs: 100, now: () => (t += 1) });
    expect(res.stopReason === "time" || res.stopReason === "lower-bound").toBe(true);
    // The clock is read every 16 iterations, so 100 ticks allow at most ~1 600 iterations.
    expect(res.iterations).toBeLessThanOrEqual(16 * 101);
  });
});

describe("rich features (tabu-decode)", () => {
  it("minimises total weighted tardiness on a hand-checked single machine", () => {
    // One machine, three jobs; the best order is C (w3,d2), A (d4), B (d5):
    // C ends 2 (on time), A ends 5 (1 late ×1), B ends 6 (1 late ×1) → 2. Any other order is worse.
    const inst: ScheduleInstance = {
      machineCount: 1,
      jobs: [
        { due: 4, weight: 1, operations: [{ alternatives: [{ machine: 0, duration: 3 }] }] },
        { due: 5, weight: 1, operations: [{ alternatives: [{ machine: 0, duration: 1 }] }] },
        { due: 2, weight: 3, operations: [{ alternatives: [{ machine: 0, duration: 2 }] }] },
      ],
    };
    const res = solveSchedule(inst, { objective: "weightedTardiness", iterationLimit: 200, seed: 1 });
    const report = validateSchedule(inst, res.schedule);
    expect(report.valid).toBe(true);
    expect(report.weightedTardiness).toBe(res.objective);
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    const p = [3, 1, 2];
    const d = [4, 5, 2];
    const w = [1, 1, 3];
    const bruteForce = Math.min(
      ...orders.map((order) => {
        let t = 0;
        return order.reduce((s, j) => {
          t += p[j];
          return s + w[j] * Math.max(0, t - d[j]);
        }, 0);
      }),
    );
    expect(res.objective).toBe(bruteForce);
  });

  it("schedules around downtime and setups without running across them", () => {
    const inst: ScheduleInstance = {
      machineCount: 1,
      jobs: [
        { operations: [{ alternatives: [{ machine: 0, duration: 4 }] }] },
        { release: 2, operations: [{ alternatives: [{ machine: 0, duration: 3 }] }] },
      ],
      setupTimes: [
        [
          [0, 2],
          [5, 0],
        ],
      ],
      unavailable: [[{ start: 5, end: 8 }]],
    };
    const res = solveSchedule(inst, { iterationLimit: 100 });
    expect(res.algorithm).toBe("tabu-decode");
    expect(validateSchedule(inst, res.schedule).valid).toBe(true);
    // Job 0 [0,4); downtime [5,8); setup 2 in [8,10); job 1 [10,13). The other order is worse.
    expect(res.makespan).toBe(13);
  });
});
