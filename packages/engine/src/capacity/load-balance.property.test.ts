import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CapacityInput } from "./capacity.types.ts";
import { balanceLoad } from "./load-balance.ts";

const P = 4;
const resources = ["R0", "R1", "R2"];

/** Small random plans: up to 6 orders, 1–2 operations, 1–3 alternatives, windows inside 4 periods. */
const plan: fc.Arbitrary<CapacityInput> = fc
  .record({
    capacity: fc.array(fc.array(fc.constantFrom(0, 4, 8, 8, 12), { minLength: P, maxLength: P }), {
      minLength: resources.length,
      maxLength: resources.length,
    }),
    orders: fc.array(
      fc.record({
        period: fc.integer({ min: 0, max: P - 1 }),
        before: fc.integer({ min: 0, max: 2 }),
        after: fc.integer({ min: 0, max: 2 }),
        operations: fc.array(
          fc.uniqueArray(
            fc.record({ resource: fc.constantFrom(...resources), hours: fc.integer({ min: 1, max: 9 }) }),
            { minLength: 1, maxLength: 3, selector: (a) => a.resource },
          ),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ capacity, orders }) => ({
    periods: P,
    resources: resources.map((id, r) => ({ id, capacity: capacity[r] })),
    orders: orders.map((o, i) => ({
      id: `O${i}`,
      period: o.period,
      earliest: Math.max(0, o.period - o.before),
      latest: Math.min(P - 1, o.period + o.after),
      operations: o.operations.map((alternatives) => ({ alternatives })),
    })),
  }));

describe("load balancing invariants (fast-check)", () => {
  it("accounts for every operation, respects windows and down time, and never adds overload", async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (input) => {
        const result = await balanceLoad(input);
        for (const o of input.orders) {
          o.operations.forEach((_, k) => {
            const placed = result.assignments.filter((a) => a.order === o.id && a.operation === k);
            const left = result.unscheduled.find((u) => u.order === o.id && u.operation === k)?.fraction ?? 0;
            expect(placed.reduce((s, a) => s + a.fraction, 0) + left).toBeCloseTo(1, 6);
            for (const a of placed) {
              expect(a.period).toBeGreaterThanOrEqual(o.earliest!);
              expect(a.period).toBeLessThanOrEqual(o.latest!);
              expect(result.after.capacity[resources.indexOf(a.resource)][a.period]).toBeGreaterThan(0);
            }
          });
        }
        // The preferred plan is one feasible answer, so levelling can only reduce overload
        // (work on a down cell counts as overload before and cannot stay there after).
        const anyUnscheduled = result.unscheduled.length > 0;
        if (!anyUnscheduled)
          expect(result.after.overloadHours).toBeLessThanOrEqual(result.before.overloadHours + 1e-6);
      }),
      { numRuns: 40 },
    );
  });
});
