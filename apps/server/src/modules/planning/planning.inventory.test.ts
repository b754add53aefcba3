import { describe, expect, it } from "vitest";
import { demandPeriodDays, inventoryPolicies } from "./planning.inventory.ts";

const weeks = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10));
const query = { target: "fill" as const, level: 0.98, orderingCost: 100, holdingCost: 2 };

describe("inventory policies from planning data", () => {
  it("reads the period from the history's spacing", () => {
    expect(demandPeriodDays(weeks(6))).toBe(7);
    expect(demandPeriodDays(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"])).toBe(31);
    expect(demandPeriodDays([])).toBe(30);
  });

  it("with steady demand holds no safety stock: s = d·L, Q = EOQ, and skips short histories", () => {
    const dates = weeks(8);
    const result = inventoryPolicies(
      {
        items: [
          { code: "STEADY", name: "Steady", leadTimeDays: 14 },
          { code: "NEW", name: "New", leadTimeDays: 7 },
        ],
        demand: [
          ...dates.map((periodDate) => ({ item: "STEADY", periodDate, quantity: 100 })),
          { item: "NEW", periodDate: dates[0], quantity: 5 },
        ],
        stock: [{ item: "STEADY", quantity: 150 }],
        openOrders: [{ item: "STEADY", quantity: 40 }],
      },
      query,
    );
    expect(result.periodDays).toBe(7);
    expect(result.skipped).toEqual([{ item: "NEW", reason: expect.stringContaining("1 periods") }]);
    const [p] = result.items;
    expect(p.errorSdPerPeriod).toBe(0);
    expect(p.sQ.safetyStock).toBe(0);
    expect(p.sQ.reorderPoint).toBeCloseTo(200, 8); // 100 per week × 2 weeks
    // EOQ = √(2·100·(100·365/7)/2)
    expect(p.sQ.orderQuantity).toBeCloseTo(Math.sqrt((2 * 100 * (100 * 365)) / 7 / 2), 8);
    expect(p.inventoryPosition).toBe(190);
    expect(p.reorderNow).toBe(true);
    expect(p.RS.orderUpTo).toBeCloseTo(100 * (p.RS.reviewPeriods + 2), 8);
  });

  it("with noisy demand meets the fill-rate target and keeps positive safety stock", () => {
    const dates = weeks(12);
    const qty = [80, 120, 95, 105, 130, 70, 100, 110, 90, 100, 115, 85];
    const result = inventoryPolicies(
      {
        items: [{ code: "NOISY", name: "Noisy", leadTimeDays: 21 }],
        demand: dates.map((periodDate, i) => ({ item: "NOISY", periodDate, quantity: qty[i] })),
        stock: [],
        openOrders: [],
      },
      { ...query, reviewPeriods: 2 },
    );
    const [p] = result.items;
    expect(p.errorSdPerPeriod).toBeGreaterThan(10);
    expect(p.sQ.expectedFillRate).toBeCloseTo(0.98, 8);
    expect(p.RS.expectedFillRate).toBeCloseTo(0.98, 8);
    expect(p.RS.reviewPeriods).toBe(2);
    expect(p.sQ.reorderPoint).toBeGreaterThan(3 * p.meanPerPeriod - 1e-9 + p.sQ.safetyStock - 1e-6);
    expect(p.reorderNow).toBe(true);
  });
});
