import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { ContextModel } from "./context.model.ts";
import { createDetector, DETECTOR_NAMES, restoreDetector } from "./detector.registry.ts";
import type { DetectorResult } from "./detector.types.ts";
import { SlowLikelihood } from "./slow-likelihood.ts";

const opts = { warmup: 20, restPeriod: 10 };
const point = fc.record({
  t: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(Number.NaN)),
  v: fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constant(Number.NaN),
    fc.constant(Number.NEGATIVE_INFINITY),
  ),
});

/** A mostly ordered stream with some NaN, duplicates and out-of-order stamps. */
const stream = fc
  .array(point, { maxLength: 300 })
  .map((ps) => ps.map((p, i) => ({ t: Number.isNaN(p.t) ? p.t : i * 2 + (p.t % 3), v: p.v })));

// One shared suite for every interchangeable detector.
describe.each(DETECTOR_NAMES)("detector %s", (name) => {
  it("a snapshot restored mid-stream (through JSON) gives the same outputs as an uninterrupted run", () => {
    fc.assert(
      fc.property(stream, fc.nat(), (pts, cut) => {
        const k = pts.length === 0 ? 0 : cut % (pts.length + 1);
        const full = createDetector(name, opts);
        const expected = pts.map((p) => full.update(p.t, p.v));
        const first = createDetector(name, opts);
        const got: DetectorResult[] = pts.slice(0, k).map((p) => first.update(p.t, p.v));
        const restored = restoreDetector(JSON.parse(JSON.stringify(first.snapshot())));
        for (const p of pts.slice(k)) got.push(restored.update(p.t, p.v));
        expect(got).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("shuffled or NaN-laced input never throws and every score stays in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(Array.from({ length: 200 }, (_, i) => i)),
        fc.array(fc.double()),
        (order, vals) => {
          const d = createDetector(name, opts);
          order.forEach((t, i) => {
            const r = d.update(t, vals.length ? vals[i % vals.length] : Number.NaN);
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(1);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("applies the documented input policy", () => {
    const d = createDetector(name, opts);
    expect(d.update(0, 1).flags).toContain("warmup");
    expect(d.update(0, 2).flags).toEqual(["duplicate"]);
    expect(d.update(-5, 2).flags).toEqual(["out_of_order"]);
    expect(d.update(1, Number.NaN).flags).toEqual(["invalid"]);
    for (let t = 1; t < 30; t++) d.update(t, Math.sin(t));
    expect(d.update(500, 0).flags).toContain("gap");
  });

  it("flags a large level shift after a long stable stretch", () => {
    const d = createDetector(name, { warmup: 100, restPeriod: 20 });
    for (let t = 0; t < 400; t++) d.update(t, 10 + Math.sin(t / 5));
    const after = Array.from({ length: 5 }, (_, i) => d.update(400 + i, 40).score);
    expect(Math.max(...after)).toBeGreaterThan(0.9);
  });
});

describe("detector registry", () => {
  it("unknown names and malformed snapshots are typed errors", () => {
    expect(() => createDetector("nope")).toThrow(MonitorError);
    expect(() => restoreDetector({ name: "context" })).toThrow(MonitorError);
    expect(() => restoreDetector([1, 2])).toThrow(/object/);
  });
});

describe("context model internals", () => {
  it("restores mid-stream with full rolling windows and a populated sequence model", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 50, maxLength: 250 }),
        fc.nat(),
        (xs, cut) => {
          const opts = { longWindow: 30, shortWindow: 5, slowWindow: 8 };
          const k = cut % xs.length;
          const full = new ContextModel(opts);
          const expected = xs.map((x, i) => full.learn(x, i * 3_600_000));
          const first = new ContextModel(opts);
          const got = xs.slice(0, k).map((x, i) => first.learn(x, i * 3_600_000));
          const restored = ContextModel.restore(JSON.parse(JSON.stringify(first.snapshot())));
          for (let i = k; i < xs.length; i++) got.push(restored.learn(xs[i], i * 3_600_000));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("a value far from every earlier one is novel; familiar values stay familiar after the range widens", () => {
    const m = new ContextModel({ longWindow: 60, shortWindow: 5 });
    // Two clusters, 0..1 and 9..10, with nothing between them.
    for (let i = 0; i < 300; i++) m.learn(i % 2 === 0 ? (i % 7) / 7 : 9 + (i % 5) / 5, i);
    expect(m.learn(5, 300)).toBeGreaterThanOrEqual(0.9); // the empty middle
    expect(m.learn(40, 301)).toBeGreaterThanOrEqual(0.9); // a new extreme
    expect(m.learn(0.5, 302)).toBeLessThan(0.9); // seen before the widening
    expect(m.learn(9.5, 303)).toBeLessThan(0.9);
  });

  it("a familiar level in an unfamiliar order raises the sequence likelihood", () => {
    const m = new ContextModel({ longWindow: 60, shortWindow: 5 });
    const cycle = [0, 2, 4, 6, 8, 10, 8, 6, 4, 2];
    for (let i = 0; i < 400; i++) m.learn(cycle[i % cycle.length], i);
    const normal = Math.max(...Array.from({ length: 10 }, (_, i) => m.learn(cycle[i], 400 + i)));
    const scrambled = Math.max(...[0, 10, 0, 10, 2, 8, 0, 10, 4, 10].map((x, i) => m.learn(x, 410 + i)));
    expect(normal).toBeLessThan(0.5);
    expect(scrambled).toBeGreaterThan(0.8);
    expect(scrambled).toBeLessThan(0.9); // no new value band: the sequence part, not range novelty
  });
});

describe("slow likelihood", () => {
  it("rises on a sustained increase of surprise, not on one surprising point", () => {
    // Irregular normal surprise in 0.1..0.5 (a fixed pseudo-random sequence).
    const base = (i: number): number => {
      const h = Math.sin(i * 12.9898) * 43758.5453;
      return 0.1 + (h - Math.floor(h)) * 0.4;
    };
    const spike = new SlowLikelihood(20, 200, 1);
    const shift = new SlowLikelihood(20, 200, 1);
    for (let i = 0; i < 400; i++) {
      spike.push(base(i));
      shift.push(base(i));
    }
    let maxSpike = spike.push(1);
    let maxShift = 0;
    for (let i = 400; i < 420; i++) {
      maxSpike = Math.max(maxSpike, spike.push(base(i)));
      maxShift = Math.max(maxShift, shift.push(base(i) + 0.3));
    }
    expect(maxSpike).toBeLessThan(0.9);
    expect(maxShift).toBeGreaterThan(0.99);
  });

  it("continues identically after a snapshot and restore", () => {
    const xs = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 101) / 101);
    const a = new SlowLikelihood(10, 50, 1);
    const b = new SlowLikelihood(10, 50, 1);
    xs.slice(0, 150).forEach((x) => {
      a.push(x);
      b.push(x);
    });
    const c = new SlowLikelihood(10, 50, 1);
    c.restore(JSON.parse(JSON.stringify(b.snapshot())));
    expect(xs.slice(150).map((x) => c.push(x))).toEqual(xs.slice(150).map((x) => a.push(x)));
  });
});
