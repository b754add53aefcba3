import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { combineOee, computeOee, type StateEvent } from "./oee.ts";

// Minutes. Shift A 0–480 on line L1, worked by hand:
// planned = 480 − 30 break = 450; breakdown 20, setup 25, small stops 3 + 2 (a 2-minute
// "breakdown" below the 5-minute threshold), running 400 → run time 405, availability 0.9.
// 700 units at 0.5 min ideal → 350 min, performance 350/405, reduced speed 405 − 5 − 350 = 50.
// 680 good (8 start-up rejects, 12 production rejects) → quality 680/700. OEE = 0.5·680/450.
const events: StateEvent[] = [
  { line: "L1", state: "setup", start: 0, end: 25 },
  { line: "L1", state: "running", start: 25, end: 200 },
  { line: "L1", state: "small_stop", start: 200, end: 203 },
  { line: "L1", state: "running", start: 203, end: 240 },
  { line: "L1", state: "planned_stop", start: 240, end: 270 },
  { line: "L1", state: "running", start: 270, end: 350 },
  { line: "L1", state: "breakdown", start: 350, end: 370 },
  { line: "L1", state: "breakdown", start: 370, end: 372 },
  { line: "L1", state: "running", start: 372, end: 480 },
  // Shift B: L1 runs flat out for the whole shift; L2 only has a running half.
  { line: "L1", state: "running", start: 480, end: 960 },
  { line: "L2", state: "running", start: 0, end: 240 },
];
const counts = [
  { line: "L1", timestamp: 30, total: 40, good: 32, startup: true },
  { line: "L1", timestamp: 300, total: 660, good: 648 },
  { line: "L1", timestamp: 600, total: 960, good: 960 },
  { line: "L2", timestamp: 100, total: 100, good: 90 },
];
const shifts = [
  { name: "A", start: 0, end: 480 },
  { name: "B", start: 480, end: 960 },
];
const run = () =>
  computeOee(events, counts, shifts, { idealCycleTime: { L1: 0.5, L2: 1 }, smallStopThreshold: 5 });

describe("OEE with the six big losses", () => {
  it("shift A on L1 matches the hand computation", () => {
    const a = run().find((r) => r.line === "L1" && r.shift === "A")!;
    expect(a.plannedTime).toBe(450);
    expect(a.runTime).toBe(405);
    expect(a.availability).toBeCloseTo(0.9, 12);
    expect(a.performance).toBeCloseTo(350 / 405, 12);
    expect(a.quality).toBeCloseTo(680 / 700, 12);
    expect(a.oee).toBeCloseTo((0.5 * 680) / 450, 12);
    expect(a.losses).toEqual({
      breakdowns: 20,
      setupAdjustments: 25,
      smallStops: 5,
      reducedSpeed: 50,
      startupRejects: 4,
      productionRejects: 6,
      unaccounted: 0,
    });
  });

  it("planned time minus the six losses is the fully productive time, per shift, per line and in total", () => {
    for (const r of run()) {
      const l = r.losses;
      const lost =
        l.breakdowns +
        l.setupAdjustments +
        l.smallStops +
        l.reducedSpeed +
        l.startupRejects +
        l.productionRejects +
        l.unaccounted;
      expect(r.plannedTime - lost).toBeCloseTo(r.fullyProductiveTime, 9);
    }
  });

  it("reports per shift and per line, with line totals from summed times (not averaged ratios)", () => {
    const rows = run();
    expect(rows.map((r) => `${r.line}/${r.shift}`)).toEqual([
      "L1/A",
      "L1/B",
      "L1/all",
      "L2/A",
      "L2/B",
      "L2/all",
    ]);
    const b = rows.find((r) => r.line === "L1" && r.shift === "B")!;
    expect(b.oee).toBeCloseTo(1, 12);
    const total = rows.find((r) => r.line === "L1" && r.shift === "all")!;
    expect(total.oee).toBeCloseTo((0.5 * (680 + 960)) / (450 + 480), 12);
    const l2 = rows.find((r) => r.line === "L2" && r.shift === "A")!;
    expect(l2.availability).toBeCloseTo(0.5, 12);
    expect(l2.losses.unaccounted).toBe(240);
  });

  it("rejects bad events with the row number", () => {
    expect(() =>
      computeOee([{ line: "L1", state: "running", start: 5, end: 1 }], [], shifts, {
        idealCycleTime: { L1: 1 },
      }),
    ).toThrow(MonitorError);
    expect(() =>
      computeOee([], [{ line: "L1", timestamp: 1, total: 5, good: 6 }], shifts, {
        idealCycleTime: { L1: 1 },
      }),
    ).toThrow(/row 1/);
  });

  it("combines machines with different ideal cycle times from summed times (OEE = Σ fully productive / Σ planned)", () => {
    const rows = run();
    const l1 = rows.find((r) => r.line === "L1" && r.shift === "A")!;
    const l2 = rows.find((r) => r.line === "L2" && r.shift === "A")!;
    const both = combineOee([l1, l2], "line", "A");
    // L1: planned 450, run 405, ideal time 350, productive 340; L2: planned 480, run 240, ideal 100, productive 90.
    expect(both.plannedTime).toBe(930);
    expect(both.availability).toBeCloseTo(645 / 930, 12);
    expect(both.performance).toBeCloseTo(450 / 645, 12);
    expect(both.quality).toBeCloseTo(430 / 450, 12);
    expect(both.oee).toBeCloseTo(430 / 930, 12);
    expect(both.losses.breakdowns).toBe(20);
    expect(combineOee([], "x", "y").oee).toBe(0);
  });
});
