import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyInput } from "./inventory.types.ts";
import { continuousReview, periodicReview } from "./policy.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Math.random() * 2 ** 31) | 0;
console.log(`inventory property seed: ${seed} (replay with FC_SEED=${seed})`);

const input = fc.record({
  demand: fc.record({
    meanPerPeriod: fc.double({ min: 0.5, max: 1000, noNaN: true }),
    errorSdPerPeriod: fc.double({ min: 0, max: 500, noNaN: true }),
    periodsPerYear: fc.constantFrom(12, 52),
  }),
  leadTime: fc.record({
    mean: fc.double({ min: 0, max: 12, noNaN: true }),
    sd: fc.double({ min: 0, max: 3, noNaN: true }),
  }),
  cost: fc.record({
    orderingCost: fc.double({ min: 1, max: 1000, noNaN: true }),
    holdingCostPerUnitYear: fc.double({ min: 0.1, max: 100, noNaN: true }),
  }),
});
const levels = fc.tuple(
  fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  fc.double({ min: 0.5, max: 0.999, noNaN: true }),
);
const kind = fc.constantFrom("cycle" as const, "fill" as const);
const target = (k: "cycle" | "fill", level: number): PolicyInput["target"] =>
  k === "cycle" ? { kind: "cycle", alpha: level } : { kind: "fill", beta: level };
const TOL = 1e-7;

describe("inventory policy properties", () => {
  it("a higher service target never lowers s or S", () => {
    fc.assert(
      fc.property(input, levels, kind, (base, [a, b], k) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = { ...base, target: target(k, lo) };
        const high = { ...base, target: target(k, hi) };
        const sq = [continuousReview(low), continuousReview(high)];
        expect(sq[1].reorderPoint).toBeGreaterThanOrEqual(
          sq[0].reorderPoint - TOL * (1 + Math.abs(sq[0].reorderPoint)),
        );
        const rs = [periodicReview(low), periodicReview(high)];
        expect(rs[1].orderUpTo).toBeGreaterThanOrEqual(
          rs[0].orderUpTo - TOL * (1 + Math.abs(rs[0].orderUpTo)),
        );
      }),
      { seed, numRuns: 300 },
    );
  });

  it("the expected fill rate never falls as s rises, and a fill target is met", () => {
    fc.assert(
      fc.property(input, levels, fc.double({ min: 0.9, max: 0.995, noNaN: true }), (base, [a, b], beta) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const p = continuousReview({ ...base, target: target("cycle", lo) });
        const q = continuousReview({ ...base, target: target("cycle", hi) });
        expect(q.reorderPoint).toBeGreaterThanOrEqual(p.reorderPoint - TOL * (1 + p.reorderPoint));
        expect(q.expectedFillRate).toBeGreaterThanOrEqual(p.expectedFillRate - TOL);
        const f = continuousReview({ ...base, target: target("fill", beta) });
        if (f.z > -10 && f.z < 10) expect(f.expectedFillRate).toBeGreaterThanOrEqual(beta - 1e-6);
      }),
      { seed, numRuns: 300 },
    );
  });
});
