import { describe, expect, it } from "vitest";
import { CapacityError } from "./capacity.errors.ts";
import type { BalanceResult, CapacityInput } from "./capacity.types.ts";
import { balanceLoad } from "./load-balance.ts";
import { whatIf } from "./what-if.ts";

/**
 * Two SMT lines, 8 h per day over 3 days. Five board orders of 4 h all want SMT-1 on day 0
 * (20 h on an 8 h day = 250 %); each may run on SMT-2 (5 h there, it is slower) and slip up to
 * two days. There are 48 h of capacity for at most 25 h of work, so a level plan exists.
 */
const smt: CapacityInput = {
  periods: 3,
  resources: [
    { id: "SMT-1", capacity: 8 },
    { id: "SMT-2", capacity: 8 },
  ],
  orders: ["A", "B", "C", "D", "E"].map((id) => ({
    id,
    period: 0,
    earliest: 0,
    latest: 2,
    operations: [
      {
        alternatives: [
          { resource: "SMT-1", hours: 4 },
          { resource: "SMT-2", hours: 5 },
        ],
      },
    ],
  })),
};

function scheduledShare(result: BalanceResult, order: string): number {
  return result.assignments.filter((a) => a.order === order).reduce((s, a) => s + a.fraction, 0);
}

describe("capacity load balancing (HiGHS)", () => {
  it.each([false, true])(
    "levels an overloaded line and still schedules all work (integral: %s)",
    async (integral) => {
      const result = await balanceLoad(smt, { integral });
      expect(result.before.peakUtilisation).toBeCloseTo(20 / 8, 9);
      expect(result.before.overloadHours).toBeCloseTo(12, 9);
      expect(result.after.peakUtilisation).toBeLessThan(result.before.peakUtilisation);
      expect(result.after.peakUtilisation).toBeLessThanOrEqual(1 + 1e-9);
      expect(result.after.overloadHours).toBeCloseTo(0, 9);
      expect(result.unscheduled).toEqual([]);
      for (const o of smt.orders) expect(scheduledShare(result, o.id)).toBeCloseTo(1, 6);
      if (integral) for (const a of result.assignments) expect(a.fraction).toBeCloseTo(1, 6);
      // Staying put is cheapest, so work only moves to relieve the overload: SMT-1 on day 0 is kept busy.
      expect(result.after.load[0][0]).toBeGreaterThan(0);
      expect(result.moves.length).toBeGreaterThan(0);
    },
  );

  it("answers a what-if: SMT-1 down for days 0–1 pushes its work to SMT-2 and day 2", async () => {
    const result = await whatIf(smt, [{ resource: "SMT-1", from: 0, to: 1 }]);
    const { changed } = result;
    expect(changed.after.load[0][0]).toBe(0);
    expect(changed.after.load[0][1]).toBe(0);
    expect(changed.unscheduled).toEqual([]);
    for (const o of smt.orders) expect(scheduledShare(changed, o.id)).toBeCloseTo(1, 6);
    // Capacity left: SMT-1 day 2 (8 h = 2 orders) + SMT-2 3 × 8 h (4.8 orders at 5 h): fits, but tighter.
    expect(changed.after.overloadHours).toBeCloseTo(0, 6);
    expect(result.peakDelta).toBeGreaterThanOrEqual(-1e-9);
    expect(result.utilisationDelta[0][0]).toBeNull();
    expect(result.loadDelta[0][0]).toBeCloseTo(-result.base.after.load[0][0], 9);
    expect(result.reassigned.length).toBeGreaterThan(0);
  });

  it("reports work that cannot fit anywhere instead of failing", async () => {
    const input: CapacityInput = {
      periods: 1,
      resources: [{ id: "OVEN", capacity: [0] }],
      orders: [{ id: "X", period: 0, operations: [{ alternatives: [{ resource: "OVEN", hours: 3 }] }] }],
    };
    const result = await balanceLoad(input);
    expect(result.unscheduled).toEqual([{ order: "X", operation: 0, fraction: 1 }]);
    expect(result.before.overloadHours).toBe(3);
  });

  it("rejects an unknown resource with a typed error and path", async () => {
    const input: CapacityInput = {
      ...smt,
      orders: [{ id: "Z", period: 0, operations: [{ alternatives: [{ resource: "SMT-9", hours: 1 }] }] }],
    };
    await expect(balanceLoad(input)).rejects.toMatchObject({
      code: "UNKNOWN_RESOURCE",
      path: "orders[0].operations[0].alternatives[0].resource",
    });
    await expect(balanceLoad(input)).rejects.toBeInstanceOf(CapacityError);
  });
});
