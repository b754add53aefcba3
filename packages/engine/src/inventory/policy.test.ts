import { describe, expect, it } from "vitest";
import { rmse, sampleSd, sesForecastError } from "./demand-error.ts";
import { InventoryError } from "./inventory.errors.ts";
import type { PolicyInput } from "./inventory.types.ts";
import {
  continuousReview,
  eoq,
  inverseNormalLoss,
  normalLoss,
  periodicReview,
  protectionSd,
} from "./policy.ts";

/** Monthly demand 100 ± 25, lead time one month, K = 100, h = 6 per unit-year → EOQ 200 (by hand). */
const base: PolicyInput = {
  demand: { meanPerPeriod: 100, errorSdPerPeriod: 25, periodsPerYear: 12 },
  leadTime: { mean: 1 },
  cost: { orderingCost: 100, holdingCostPerUnitYear: 6 },
  target: { kind: "cycle", alpha: 0.95 },
};

describe("standard normal loss function", () => {
  it("matches the printed table (Silver–Pyke–Peterson G_u)", () => {
    expect(normalLoss(0)).toBeCloseTo(0.39894, 5);
    expect(normalLoss(1)).toBeCloseTo(0.08332, 5);
    expect(normalLoss(2)).toBeCloseTo(0.008491, 6);
    expect(normalLoss(-1)).toBeCloseTo(1.08332, 5); // G(−z) = G(z) + z
  });
  it("inverts: G(G⁻¹(g)) = g", () => {
    for (const g of [0.001, 0.01, 0.16, 0.4, 1.5])
      expect(normalLoss(inverseNormalLoss(g))).toBeCloseTo(g, 10);
    expect(inverseNormalLoss(0.16)).toBeGreaterThan(0.63);
    expect(inverseNormalLoss(0.16)).toBeLessThan(0.64); // table: G(0.63) = 0.1606, G(0.64) = 0.1580
  });
});

describe("continuous review (s, Q)", () => {
  it("uses the EOQ and a 95 % cycle service level", () => {
    expect(eoq(100, 1200, 6)).toBeCloseTo(200, 10);
    const p = continuousReview(base);
    expect(p.orderQuantity).toBeCloseTo(200, 8);
    expect(p.z).toBeCloseTo(1.644854, 5);
    expect(p.safetyStock).toBeCloseTo(41.1213, 3);
    expect(p.reorderPoint).toBeCloseTo(141.1213, 3);
    expect(p.cycleServiceLevel).toBeCloseTo(0.95, 8);
    // 25·G(1.645) ≈ 25·0.02089 = 0.522 units short per cycle → fill 1 − 0.522/200
    expect(p.expectedBackordersPerCycle).toBeCloseTo(0.5223, 3);
    expect(p.expectedFillRate).toBeCloseTo(0.99739, 4);
    expect(p.annualOrderingCost).toBeCloseTo(600, 8);
    expect(p.annualHoldingCost).toBeCloseTo(6 * (100 + 41.1213), 2);
    expect(p.expectedAnnualCost).toBeCloseTo(1446.73, 1);
  });

  it("solves G(z) = Q(1 − β)/σ for a 98 % fill rate", () => {
    const p = continuousReview({ ...base, target: { kind: "fill", beta: 0.98 } });
    expect(normalLoss(p.z)).toBeCloseTo((200 * 0.02) / 25, 10);
    expect(p.z).toBeGreaterThan(0.63);
    expect(p.z).toBeLessThan(0.64);
    expect(p.expectedFillRate).toBeCloseTo(0.98, 10);
    expect(p.expectedBackordersPerCycle).toBeCloseTo(4, 8);
  });

  it("adds lead-time variance: σ = √(L·σ_d² + d²·σ_L²)", () => {
    expect(protectionSd(4, 100, 20, 1)).toBeCloseTo(Math.sqrt(11600), 10);
    const p = continuousReview({
      ...base,
      demand: { ...base.demand, errorSdPerPeriod: 20 },
      leadTime: { mean: 4, sd: 1 },
    });
    expect(p.protectionMean).toBe(400);
    expect(p.protectionSd).toBeCloseTo(107.7033, 3);
  });

  it("takes a given order quantity instead of the EOQ", () => {
    const p = continuousReview(base, { orderQuantity: 300 });
    expect(p.orderQuantity).toBe(300);
    expect(p.annualOrderingCost).toBeCloseTo(400, 8);
  });

  it("with no uncertainty holds no safety stock and never runs short", () => {
    const p = continuousReview({
      ...base,
      demand: { ...base.demand, errorSdPerPeriod: 0 },
      target: { kind: "fill", beta: 0.99 },
    });
    expect(p.safetyStock).toBe(0);
    expect(p.expectedFillRate).toBe(1);
  });
});

describe("periodic review (R, S)", () => {
  it("orders up to mean demand over R + L plus z·σ_{R+L}", () => {
    const p = periodicReview(base, { reviewPeriod: 2 });
    expect(p.protectionMean).toBe(300);
    expect(p.protectionSd).toBeCloseTo(25 * Math.sqrt(3), 10);
    expect(p.orderUpTo).toBeCloseTo(300 + 1.644854 * 43.30127, 3);
    expect(p.annualOrderingCost).toBeCloseTo(600, 8);
    expect(p.annualHoldingCost).toBeCloseTo(6 * (100 + 1.644854 * 43.30127), 2);
  });
  it("defaults R to the EOQ's time between orders", () => {
    expect(periodicReview(base).reviewPeriod).toBe(2);
  });
  it("meets a fill-rate target against one review period's demand", () => {
    const p = periodicReview({ ...base, target: { kind: "fill", beta: 0.99 } }, { reviewPeriod: 2 });
    expect(normalLoss(p.z)).toBeCloseTo((200 * 0.01) / p.protectionSd, 10);
    expect(p.expectedFillRate).toBeCloseTo(0.99, 10);
  });
});

describe("bad input", () => {
  it("refuses out-of-range targets and numbers with an InventoryError naming the field", () => {
    const cases: Array<[PolicyInput, string]> = [
      [{ ...base, target: { kind: "cycle", alpha: 1 } }, "target.alpha"],
      [{ ...base, target: { kind: "fill", beta: 0 } }, "target.beta"],
      [{ ...base, demand: { ...base.demand, meanPerPeriod: 0 } }, "demand.meanPerPeriod"],
      [{ ...base, leadTime: { mean: Number.NaN } }, "leadTime.mean"],
      [{ ...base, cost: { orderingCost: 100, holdingCostPerUnitYear: -1 } }, "cost.holdingCostPerUnitYear"],
    ];
    for (const [input, field] of cases) {
      let err: unknown;
      try {
        continuousReview(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InventoryError);
      expect((err as InventoryError).position.field).toBe(field);
      expect((err as InventoryError).domain).toBe("inventory");
    }
  });
});

describe("demand error", () => {
  it("measures RMSE, sample σ and one-step SES error", () => {
    expect(rmse([10, 12, 8], [10, 10, 10])).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    // level 10 → forecasts 10, 10, 10.4 (α = 0.2) for actuals 10, 12, 8
    const s = sesForecastError([10, 10, 12, 8]);
    expect(s.errorSd).toBeCloseTo(Math.sqrt((0 + 4 + 2.4 ** 2) / 3), 10);
    expect(() => sesForecastError([1, 2])).toThrow(InventoryError);
  });
});
