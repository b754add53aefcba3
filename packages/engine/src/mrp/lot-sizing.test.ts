import { describe, expect, it } from "vitest";
import { economicOrderQuantity } from "./lot-sizing.ts";
import type { LotRule } from "./mrp.types.ts";
import { runMrp } from "./mrp-engine.ts";

/**
 * The 12-week gross requirements of the classic lot-sizing illustration in Vollmann, Berry,
 * Whybark & Jacobs, "Manufacturing Planning and Control for Supply Chain Management" (ch. on
 * lot sizing): total 1105, mean 92.08 per week. Ordering cost 300, holding cost 2 per unit-week.
 * Expected plans below were worked by hand (on hand 0, safety stock 0, lead time 0).
 */
const weekly = [10, 10, 15, 20, 70, 180, 250, 270, 230, 40, 0, 10];

function plan(lotRule: LotRule): Array<[number, number]> {
  const result = runMrp({
    items: [{ id: "X", leadTime: 0, lotRule }],
    bom: [],
    demand: weekly.map((quantity, period) => ({ item: "X", period, quantity })),
  });
  return result.orders.map((o) => [o.receiptPeriod, o.quantity]);
}

describe("lot sizing rules (hand-checked)", () => {
  it("lot-for-lot orders exactly each week's net requirement", () => {
    const expected = weekly.flatMap((q, t) => (q > 0 ? [[t, q]] : []));
    expect(plan({ kind: "lot-for-lot" })).toEqual(expected);
  });

  it("EOQ = sqrt(2 · 92.08 · 300 / 2) = sqrt(27625) = 166.2 → 166", () => {
    expect(economicOrderQuantity(1105 / 12, 300, 2)).toBe(166);
  });

  it("EOQ orders 166, or the shortfall when it is larger", () => {
    // w0: −10 → 166 (156 left); w1..w4: 146, 131, 111, 41; w5: 41−180 = −139 → 166 (27);
    // w6: 27−250 = −223 → 223; w7: −270 → 270; w8: −230 → 230; w9: −40 → 166 (126); w10 126; w11 116.
    expect(plan({ kind: "eoq", setupCost: 300, holdingCost: 2 })).toEqual([
      [0, 166],
      [5, 166],
      [6, 223],
      [7, 270],
      [8, 230],
      [9, 166],
    ]);
  });

  it("POQ of 2 weeks (EOQ / mean = 166 / 92 ≈ 1.8 → 2) covers pairs of weeks", () => {
    // w0: 10+10 = 20; w2: 15+20 = 35; w4: 70+180 = 250; w6: 250+270 = 520; w8: 230+40 = 270;
    // w10 needs nothing; w11: 10 (the horizon ends).
    expect(plan({ kind: "poq", periods: 2 })).toEqual([
      [0, 20],
      [2, 35],
      [4, 250],
      [6, 520],
      [8, 270],
      [11, 10],
    ]);
  });

  it("fixed order quantity 100 orders whole multiples of 100", () => {
    // w0: −10 → 100 (90); 80, 65, 45; w4: 45−70 = −25 → 100 (75); w5: 75−180 = −105 → 200 (95);
    // w6: 95−250 = −155 → 200 (45); w7: 45−270 = −225 → 300 (75); w8: 75−230 = −155 → 200 (45);
    // w9: 5; w10: 5; w11: 5−10 = −5 → 100 (95). Total 1200 = 1105 + 95 left.
    expect(plan({ kind: "fixed", quantity: 100 })).toEqual([
      [0, 100],
      [4, 100],
      [5, 200],
      [6, 200],
      [7, 300],
      [8, 200],
      [11, 100],
    ]);
  });

  it("min 50 / max 200 raises small lots to 50 and splits large ones at 200", () => {
    // w0: −10 → 50 (40); 30, 15; w3: −5 → 50 (45); w4: 45−70 = −25 → 50 (25); w5: 25−180 = −155 → 155;
    // w6: −250 → 200 + 50; w7: −270 → 200 + 70; w8: −230 → 200 + 50 (20 left); w9: 20−40 = −20 → 50 (30).
    expect(plan({ kind: "min-max", min: 50, max: 200 })).toEqual([
      [0, 50],
      [3, 50],
      [4, 50],
      [5, 155],
      [6, 200],
      [6, 50],
      [7, 200],
      [7, 70],
      [8, 200],
      [8, 50],
      [9, 50],
    ]);
  });

  it("safety stock and lead time: orders keep 20 in stock and are released 2 periods early", () => {
    // on hand 80, 30 per period: p0 50, p1 20, p2 −10 → +30 (release p0), p3 −10 → +30 (release p1).
    const result = runMrp({
      items: [{ id: "X", leadTime: 2, safetyStock: 20, onHand: 80 }],
      bom: [],
      demand: [0, 1, 2, 3].map((period) => ({ item: "X", period, quantity: 30 })),
    });
    expect(result.orders.map((o) => [o.releasePeriod, o.receiptPeriod, o.quantity])).toEqual([
      [0, 2, 30],
      [1, 3, 30],
    ]);
    expect([...result.projectedOnHand]).toEqual([50, 20, 20, 20]);
    expect([...result.netRequirements]).toEqual([0, 0, 10 + 20, 10 + 20]);
  });
});
