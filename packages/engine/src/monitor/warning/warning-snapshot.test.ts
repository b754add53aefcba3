import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../detect/detector.types.ts";
import { MonitorError } from "../errors.ts";
import { syntheticStream } from "./synthetic-streams.ts";
import { learnWarningDetector, restoreWarningDetector, type WarningDetector } from "./warning.detector.ts";
import type { WarningResult } from "./warning.types.ts";

const LEARN = 1440;
// The seed is printed so a failure can be replayed with FC_SEED=<seed>.
const seed = fc.readConfigureGlobal().seed ?? Math.floor(Math.random() * 2 ** 31);
console.log(`warning snapshot property seed: ${seed}`);
// Learning takes a fraction of a second, so each detector is learned once and every property
// run starts from its snapshot (which is itself part of what is being tested).
const stream = syntheticStream("temperature", null, 41);
const learned = learnWarningDetector(stream.timestamps.subarray(0, LEARN), stream.values.subarray(0, LEARN));
const counts = syntheticStream("counts", null, 41);
const learnedCounts = learnWarningDetector(
  counts.timestamps.subarray(0, LEARN),
  counts.values.subarray(0, LEARN),
  {
    primary: "context",
  },
);
const bases: [string, JsonValue, number][] = [
  ["temperature (automatic choice)", learned.snapshot(), stream.timestamps[LEARN - 1]],
  ["counts (context chart forced)", learnedCounts.snapshot(), counts.timestamps[LEARN - 1]],
];

const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 60, max: 100, noNaN: true }) },
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300, -1e300, 0, -0),
  fc.double({ noNaN: false }),
);
/** Mostly one minute apart, with duplicates, out-of-order stamps, gaps and NaN timestamps. */
const step = fc.oneof(
  { weight: 8, arbitrary: fc.constant(60_000) },
  fc.constantFrom(0, -60_000, 3_600_000, Number.NaN),
);
const points = fc.array(fc.record({ dt: step, v: value }), { maxLength: 400 });

function feed(d: WarningDetector, t0: number, pts: { dt: number; v: number }[]): WarningResult[] {
  let t = t0;
  return pts.map((p) => {
    if (Number.isNaN(p.dt)) return d.update(Number.NaN, p.v);
    t += p.dt;
    return d.update(t, p.v);
  });
}

describe.each(bases)("warning detector snapshot: %s", (_name, base, t0) => {
  it("a snapshot restored mid-stream (through JSON) gives identical results, edge values included", () => {
    fc.assert(
      fc.property(points, fc.nat(), (pts, cut) => {
        const k = pts.length === 0 ? 0 : cut % (pts.length + 1);
        const expected = feed(restoreWarningDetector(base), t0, pts);
        const first = restoreWarningDetector(base);
        const got = feed(first, t0, pts.slice(0, k));
        const tAt = pts.slice(0, k).reduce((t, p) => (Number.isNaN(p.dt) ? t : t + p.dt), t0);
        const restored = restoreWarningDetector(JSON.parse(JSON.stringify(first.snapshot())) as JsonValue);
        got.push(...feed(restored, tAt, pts.slice(k)));
        expect(got).toEqual(expected);
        for (const r of got) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThan(1);
        }
      }),
      { numRuns: 40, seed },
    );
  });
});

describe("warning detector input policy", () => {
  it("refuses non-finite readings and handles huge ones without breaking later alarms", () => {
    const d = restoreWarningDetector(learned.snapshot());
    const t = stream.timestamps[LEARN - 1];
    expect(d.update(t + 60_000, Number.NaN).flags).toEqual(["invalid"]);
    expect(d.update(t + 60_000, Number.POSITIVE_INFINITY).flags).toEqual(["invalid"]);
    const huge = d.update(t + 60_000, 1e308);
    expect(huge.alarm).toBe(true);
    expect(Number.isFinite(huge.score)).toBe(true);
    expect(JSON.parse(JSON.stringify(d.snapshot()))).toEqual(d.snapshot());
    expect(d.update(t + 120_000, 80).flags).not.toContain("invalid");
  });

  it("malformed snapshots are typed errors", () => {
    expect(() => restoreWarningDetector(null)).toThrow(MonitorError);
    expect(() => restoreWarningDetector({ kind: "warning", version: 1 })).toThrow(MonitorError);
    const snap = learned.snapshot() as Record<string, JsonValue>;
    expect(() => restoreWarningDetector({ ...snap, state: { y: [Number.NaN] } })).toThrow(MonitorError);
    expect(() => restoreWarningDetector({ ...snap, active: ["nope"] })).toThrow(MonitorError);
  });
});
