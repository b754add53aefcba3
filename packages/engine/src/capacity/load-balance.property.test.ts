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

/**
 * The invariants that hold: every operation is accounted for, inside its window, on working cells;
 * and when all work is scheduled, levelling adds no overtime hours to a preferred plan that uses
 * only working cells (levelling minimises overtime hours among complete plans, see load-balance.ts).
 * A preferred plan on a down cell is no such plan: its hours there cannot stay, and the only
 * working alternative may be slower (see the fixed counterexample below).
 */
async function checkInvariants(input: CapacityInput): Promise<void> {
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
  const capacityOf = (id: string, p: number) => result.before.capacity[resources.indexOf(id)][p];
  const preferredOnWorkingCells = input.orders.every((o) =>
    o.operations.every((op) => capacityOf(op.alternatives[0].resource, o.period) > 0),
  );
  if (result.unscheduled.length === 0 && preferredOnWorkingCells)
    expect(result.after.overloadHours).toBeLessThanOrEqual(result.before.overloadHours + 1e-6);
}

describe("load balancing invariants (fast-check)", () => {
  it("accounts for every operation, respects windows and down time, and never adds overload", async () => {
    await fc.assert(fc.asyncProperty(plan, checkInvariants), { numRuns: 40 });
  });

  it("holds for the runs of seed -669786439, which once found levelling adding overtime", async () => {
    await fc.assert(fc.asyncProperty(plan, checkInvariants), { numRuns: 40, seed: -669786439 });
  });

  it("counterexample: preferred resource down, the only working one slower — overload 1 → 2 is the least possible", async () => {
    // Shrunk from seed -669786439: O0 prefers R2 (1 h) in period 0, but R2 is down then; its
    // alternative R1 needs 6 h against 4 h. Before counts the 1 h on the down cell as overload.
    const input: CapacityInput = {
      periods: 4,
      resources: [
        { id: "R0", capacity: [8, 0, 0, 0] },
        { id: "R1", capacity: [4, 0, 0, 0] },
        { id: "R2", capacity: [0, 4, 0, 0] },
      ],
      orders: [
        {
          id: "O0",
          period: 0,
          earliest: 0,
          latest: 0,
          operations: [
            {
              alternatives: [
                { resource: "R2", hours: 1 },
                { resource: "R1", hours: 6 },
              ],
            },
          ],
        },
      ],
    };
    const result = await balanceLoad(input);
    expect(result.before.overloadHours).toBe(1);
    expect(result.unscheduled).toEqual([]);
    expect(result.assignments).toMatchObject([
      { order: "O0", resource: "R1", period: 0, fraction: 1, hours: 6 },
    ]);
    // R1 in period 0 is the only working placement: 6 h on 4 h is 2 h over, and nothing beats it.
    expect(result.after.overloadHours).toBeCloseTo(2, 9);
    await checkInvariants(input);
  });

  it("never buys a lower target excess with overtime hours (the capacity-weighted objective alone did)", async () => {
    // O0 fills R0 (12 h on 12 h: at capacity, 1.8 h above the 85 % target); its alternative on R1
    // takes only 0.5 h, but R1 is full with O1. One weighted solve moved 15 % of O0 to R1, trading
    // R0's target excess for 0.075 h of overtime on R1; levelling must keep the overtime at 0.
    const input: CapacityInput = {
      periods: 1,
      resources: [
        { id: "R0", capacity: [12] },
        { id: "R1", capacity: [8] },
        { id: "R2", capacity: [0] },
      ],
      orders: [
        {
          id: "O0",
          period: 0,
          earliest: 0,
          latest: 0,
          operations: [
            {
              alternatives: [
                { resource: "R0", hours: 12 },
                { resource: "R1", hours: 0.5 },
              ],
            },
          ],
        },
        {
          id: "O1",
          period: 0,
          earliest: 0,
          latest: 0,
          operations: [{ alternatives: [{ resource: "R1", hours: 8 }] }],
        },
      ],
    };
    const result = await balanceLoad(input);
    expect(result.before.overloadHours).toBe(0);
    expect(result.after.overloadHours).toBeLessThanOrEqual(1e-6);
    await checkInvariants(input);
  });
});
