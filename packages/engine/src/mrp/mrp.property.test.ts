import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { economicOrderQuantity } from "./lot-sizing.ts";
import type { LotRule, MrpInput } from "./mrp.types.ts";
import { runMrp } from "./mrp-engine.ts";

const TOL = 1e-6;
const H = 10;

const lotRule: fc.Arbitrary<LotRule> = fc.oneof(
  fc.constant({ kind: "lot-for-lot" } as const),
  fc.integer({ min: 1, max: 60 }).map((quantity) => ({ kind: "fixed", quantity }) as const),
  fc
    .record({ setupCost: fc.integer({ min: 1, max: 500 }), holdingCost: fc.integer({ min: 1, max: 5 }) })
    .map((r) => ({ kind: "eoq", ...r }) as const),
  fc.integer({ min: 1, max: 4 }).map((periods) => ({ kind: "poq", periods }) as const),
  fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 80 }))
    .map(([a, b]) => ({ kind: "min-max", min: Math.min(a, b), max: Math.max(a, b) }) as const),
);

/** Random acyclic plans: BOM edges only run from a lower to a higher item number. */
const mrpInput: fc.Arbitrary<MrpInput> = fc.integer({ min: 1, max: 7 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `I${i}`);
  const item = fc.record({
    leadTime: fc.integer({ min: 0, max: 3 }),
    lotRule,
    safetyStock: fc.integer({ min: 0, max: 20 }),
    onHand: fc.integer({ min: 0, max: 60 }),
    scrap: fc.constantFrom(0, 0, 0.1, 0.25),
  });
  const edge = fc
    .record({
      a: fc.integer({ min: 0, max: n - 1 }),
      b: fc.integer({ min: 0, max: n - 1 }),
      quantityPer: fc.integer({ min: 1, max: 3 }),
      scrap: fc.constantFrom(0, 0.05),
    })
    .map((e) => ({
      parent: ids[Math.min(e.a, e.b)],
      child: ids[Math.max(e.a, e.b)],
      quantityPer: e.quantityPer,
      scrap: e.scrap,
    }));
  const record = fc.record({
    item: fc.constantFrom(...ids),
    period: fc.integer({ min: 0, max: H - 1 }),
    quantity: fc.integer({ min: 0, max: 100 }),
  });
  return fc.record({
    items: fc.tuple(...ids.map(() => item)).map((list) => list.map((it, i) => ({ id: ids[i], ...it }))),
    // Self-loops (a = b) are cycles, tested separately; drop them here rather than filter-generate.
    bom: fc.array(edge, { maxLength: 2 * n }).map((lines) => lines.filter((l) => l.parent !== l.child)),
    demand: fc.array(record, { maxLength: 12 }),
    receipts: fc.array(record, { maxLength: 5 }),
    horizon: fc.constant(H),
  });
});

describe("MRP invariants (fast-check)", () => {
  it("projected on hand never drops below safety stock without an action message", () => {
    fc.assert(
      fc.property(mrpInput, (input) => {
        const plan = runMrp(input);
        input.items.forEach((item, i) => {
          // Receipts at the dates they are due now, plus planned orders: what happens if nobody acts.
          let asIs = item.onHand ?? 0;
          let dips = false;
          for (let t = 0; t < H; t++) {
            const k = i * H + t;
            asIs += plan.scheduledReceipts[k] + plan.plannedReceipts[k] - plan.grossRequirements[k];
            if (asIs < (item.safetyStock ?? 0) - TOL) dips = true;
            // Assuming the messages are carried out, it never dips.
            expect(plan.projectedOnHand[k]).toBeGreaterThanOrEqual((item.safetyStock ?? 0) - TOL);
          }
          if (dips) {
            const acted = plan.actions.some(
              (a) => a.item === item.id && (a.kind === "expedite" || a.kind === "release"),
            );
            expect(acted).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("supply (on hand + receipts where used + planned orders) covers cumulative gross requirements", () => {
    fc.assert(
      fc.property(mrpInput, (input) => {
        const plan = runMrp(input);
        const used = new Float64Array(input.items.length * H);
        (input.receipts ?? []).forEach((r, k) => {
          const need = plan.receiptNeedPeriod[k];
          if (need >= 0) used[input.items.findIndex((it) => it.id === r.item) * H + need] += r.quantity;
        });
        // Gross requirements recomputed from the orders: independent demand + parents' releases × qty per.
        const expectedGross = new Float64Array(input.items.length * H);
        const idx = (id: string) => input.items.findIndex((it) => it.id === id);
        for (const d of input.demand) expectedGross[idx(d.item) * H + d.period] += d.quantity;
        for (const o of plan.orders) {
          for (const line of input.bom.filter((l) => l.parent === o.item)) {
            const p = Math.max(0, o.releasePeriod);
            expectedGross[idx(line.child) * H + p] +=
              o.releaseQuantity * line.quantityPer * (1 + (line.scrap ?? 0));
          }
        }
        input.items.forEach((item, i) => {
          let supply = item.onHand ?? 0;
          let demand = 0;
          for (let t = 0; t < H; t++) {
            const k = i * H + t;
            expect(plan.grossRequirements[k]).toBeCloseTo(expectedGross[k], 6);
            supply += used[k] + plan.plannedReceipts[k];
            demand += plan.grossRequirements[k];
            expect(supply).toBeGreaterThanOrEqual(demand + (item.safetyStock ?? 0) - TOL);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("low-level codes put every component below all of its parents", () => {
    fc.assert(
      fc.property(mrpInput, (input) => {
        const plan = runMrp(input);
        for (const line of input.bom) {
          const parent = plan.lowLevelCode[plan.itemIds.indexOf(line.parent)];
          const child = plan.lowLevelCode[plan.itemIds.indexOf(line.child)];
          expect(child).toBeGreaterThan(parent);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every planned order obeys its item's lot rule", () => {
    fc.assert(
      fc.property(mrpInput, (input) => {
        const plan = runMrp(input);
        input.items.forEach((item, i) => {
          const rule = item.lotRule ?? { kind: "lot-for-lot" };
          const orders = plan.orders.filter((o) => o.item === item.id);
          let total = 0;
          for (let t = 0; t < H; t++) total += plan.grossRequirements[i * H + t];
          orders.forEach((o, n) => {
            const k = i * H + o.receiptPeriod;
            expect(o.quantity).toBeGreaterThan(0);
            expect(o.releaseQuantity).toBeGreaterThanOrEqual(o.quantity / (1 - (item.scrap ?? 0)) - TOL);
            expect(o.receiptPeriod - o.releasePeriod).toBe(item.leadTime);
            switch (rule.kind) {
              case "lot-for-lot":
                expect(o.quantity).toBeCloseTo(plan.netRequirements[k], 6);
                expect(plan.projectedOnHand[k]).toBeCloseTo(item.safetyStock ?? 0, 6);
                break;
              case "fixed": {
                const lots = o.quantity / rule.quantity;
                expect(Math.abs(lots - Math.round(lots))).toBeLessThan(TOL);
                break;
              }
              case "eoq":
                expect(o.quantity).toBeGreaterThanOrEqual(
                  economicOrderQuantity(total / H, rule.setupCost, rule.holdingCost),
                );
                break;
              case "poq":
                if (n > 0)
                  expect(o.receiptPeriod - orders[n - 1].receiptPeriod).toBeGreaterThanOrEqual(rule.periods);
                break;
              case "min-max":
                expect(o.quantity).toBeGreaterThanOrEqual(rule.min - TOL);
                expect(o.quantity).toBeLessThanOrEqual(rule.max + TOL);
                break;
            }
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("pegs never assign more to a demand than was demanded", () => {
    fc.assert(
      fc.property(mrpInput, (input) => {
        const plan = runMrp(input);
        const pegged = new Float64Array(input.demand.length);
        for (const o of plan.orders) {
          if (plan.lowLevelCode[plan.itemIds.indexOf(o.item)] !== 0) continue;
          for (const p of plan.pegsOf(o.index)) pegged[p.demand] += p.quantity;
        }
        input.demand.forEach((d, k) => {
          expect(pegged[k]).toBeLessThanOrEqual(d.quantity + TOL);
        });
      }),
      { numRuns: 200 },
    );
  });
});
