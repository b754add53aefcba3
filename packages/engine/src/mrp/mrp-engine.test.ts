import { describe, expect, it } from "vitest";
import { MrpError, type MrpErrorCode, type MrpErrorLocation } from "./mrp.errors.ts";
import type { MrpInput } from "./mrp.types.ts";
import { runMrp } from "./mrp-engine.ts";

/**
 * A 3-level power board: BRD (assembly, lead 1, 20% assembly scrap) → 2 × IND (inductor, lead 2,
 * 5% component scrap, 10 on hand) and 4 × CAP; IND → 1 × CORE (ferrite, fixed lot 500) and 1 × CAP.
 * CAP appears at levels 1 and 2, so its low-level code is 2.
 */
const board: MrpInput = {
  items: [
    { id: "BRD", leadTime: 1, scrap: 0.2 },
    { id: "IND", leadTime: 2, onHand: 10 },
    { id: "CAP", leadTime: 1 },
    { id: "CORE", leadTime: 1, lotRule: { kind: "fixed", quantity: 500 } },
  ],
  bom: [
    { parent: "BRD", child: "IND", quantityPer: 2, scrap: 0.05 },
    { parent: "BRD", child: "CAP", quantityPer: 4 },
    { parent: "IND", child: "CORE", quantityPer: 1 },
    { parent: "IND", child: "CAP", quantityPer: 1 },
  ],
  demand: [
    { id: "SO-1", item: "BRD", period: 4, quantity: 80 },
    { id: "SO-2", item: "BRD", period: 5, quantity: 40 },
  ],
};

const summary = (input: MrpInput) =>
  runMrp(input).orders.map(
    (o) =>
      `${o.item} rel ${o.releasePeriod} rcv ${o.receiptPeriod} q ${+o.quantity.toFixed(6)} start ${+o.releaseQuantity.toFixed(6)}`,
  );

describe("multi-level explosion", () => {
  it("explodes a 3-level BOM with scrap and lead-time offsetting (hand-checked)", () => {
    const plan = runMrp(board);
    expect([...plan.lowLevelCode]).toEqual([0, 1, 2, 2]);
    // BRD: 80 due p4 → start 80/0.8 = 100 at p3; 40 due p5 → start 50 at p4.
    // IND gross = start × 2 × 1.05: 210 at p3, 105 at p4; 10 on hand → 200 due p3 (release p1), 105 due p4 (p2).
    // CAP gross: 4 × 100 = 400 at p3, 4 × 50 = 200 at p4 (from BRD); 200 at p1, 105 at p2 (from IND).
    // CORE gross: 200 at p1, 105 at p2; fixed 500 → one order due p1, released p0; 195 left at p2.
    expect(summary(board)).toEqual([
      "BRD rel 3 rcv 4 q 80 start 100",
      "BRD rel 4 rcv 5 q 40 start 50",
      "IND rel 1 rcv 3 q 200 start 200",
      "IND rel 2 rcv 4 q 105 start 105",
      "CAP rel 0 rcv 1 q 200 start 200",
      "CAP rel 1 rcv 2 q 105 start 105",
      "CAP rel 2 rcv 3 q 400 start 400",
      "CAP rel 3 rcv 4 q 200 start 200",
      "CORE rel 0 rcv 1 q 500 start 500",
    ]);
    const core = plan.itemIds.indexOf("CORE") * plan.horizon;
    expect([...plan.projectedOnHand.subarray(core, core + 3)]).toEqual([0, 300, 195]);
  });

  it("pegs every planned order back to the sales orders it serves", () => {
    const plan = runMrp(board);
    const pegs = (item: string) =>
      plan.orders
        .filter((o) => o.item === item)
        .map((o) => plan.pegsOf(o.index).map((p) => `${p.demandId}:${+p.quantity.toFixed(4)}`));
    expect(pegs("BRD")).toEqual([["SO-1:80"], ["SO-2:40"]]);
    // IND#1 covers 200 of BRD#1's 210 (10 came from stock): 200/210 × 80 = 76.1905 boards of SO-1.
    expect(pegs("IND")).toEqual([["SO-1:76.1905"], ["SO-2:40"]]);
    // The single CORE lot covers both inductor orders.
    expect(pegs("CORE")).toEqual([["SO-1:76.1905", "SO-2:40"]]);
  });

  it("names the BOM cycle", () => {
    const input: MrpInput = {
      items: ["TOP", "A", "B", "C"].map((id) => ({ id, leadTime: 0 })),
      bom: [
        { parent: "TOP", child: "B", quantityPer: 1 },
        { parent: "B", child: "C", quantityPer: 1 },
        { parent: "C", child: "A", quantityPer: 2 },
        { parent: "A", child: "B", quantityPer: 1 },
      ],
      demand: [{ item: "TOP", period: 0, quantity: 1 }],
    };
    expect(() => runMrp(input)).toThrow("BOM cycle: A → B → C → A");
    try {
      runMrp(input);
    } catch (err) {
      expect(err).toBeInstanceOf(MrpError);
      expect((err as MrpError).code).toBe("BOM_CYCLE");
      expect((err as MrpError).cycle).toEqual(["A", "B", "C", "A"]);
    }
  });

  it("rejects an item that lists itself as a component", () => {
    const input: MrpInput = {
      items: [{ id: "A", leadTime: 0 }],
      bom: [{ parent: "A", child: "A", quantityPer: 1 }],
      demand: [],
    };
    expect(() => runMrp(input)).toThrow("BOM cycle: A → A");
  });
});

describe("action messages", () => {
  it("expedites, defers and cancels receipts and releases or expedites planned orders", () => {
    // X: needs 50 at p2 and 30 at p5. R0 (50, due p3) is needed at p2 → expedite;
    // R1 (40, due p4) is first needed at p5 → defer; R2 (20, due p6) is never needed → cancel.
    // Y: lead 3, need at p1 → release −2 (past due → expedite). Z: lead 1, need at p1 → release now.
    const plan = runMrp({
      items: [
        { id: "X", leadTime: 1 },
        { id: "Y", leadTime: 3 },
        { id: "Z", leadTime: 1 },
      ],
      bom: [],
      demand: [
        { item: "X", period: 2, quantity: 50 },
        { item: "X", period: 5, quantity: 30 },
        { item: "Y", period: 1, quantity: 7 },
        { item: "Z", period: 1, quantity: 9 },
      ],
      receipts: [
        { item: "X", period: 3, quantity: 50 },
        { item: "X", period: 4, quantity: 40 },
        { item: "X", period: 6, quantity: 20 },
      ],
    });
    const text = plan.actions.map(
      (a) => `${a.kind} ${a.item} ${a.target} ${a.quantity} ${a.fromPeriod}→${a.toPeriod ?? "-"}`,
    );
    expect(text).toEqual([
      "expedite Y planned-order 7 -2→0",
      "release Z planned-order 9 0→0",
      "expedite X scheduled-receipt 50 3→2",
      "defer X scheduled-receipt 40 4→5",
      "cancel X scheduled-receipt 20 6→-",
    ]);
    expect(plan.orders.filter((o) => o.item === "X")).toEqual([]);
    expect(plan.exceptions).toEqual([{ kind: "past-due-release", item: "Y", value: -2 }]);
  });
});

describe("bad input", () => {
  const base: MrpInput = { items: [{ id: "A", leadTime: 1 }], bom: [], demand: [] };
  const cases: Array<[MrpErrorCode, MrpInput, MrpErrorLocation["section"], number, string]> = [
    ["UNKNOWN_ITEM", { ...base, demand: [{ item: "NOPE", period: 0, quantity: 1 }] }, "demand", 0, "item"],
    [
      "NEGATIVE_QUANTITY",
      { ...base, demand: [{ item: "A", period: 0, quantity: -3 }] },
      "demand",
      0,
      "quantity",
    ],
    ["DUPLICATE_ITEM", { ...base, items: [...base.items, { id: "A", leadTime: 0 }] }, "items", 1, "id"],
    [
      "INVALID_PERIOD",
      { ...base, receipts: [{ item: "A", period: 1.5, quantity: 1 }] },
      "receipts",
      0,
      "period",
    ],
    ["INVALID_SCRAP", { ...base, items: [{ id: "A", leadTime: 0, scrap: 1 }] }, "items", 0, "scrap"],
    [
      "INVALID_LOT_RULE",
      { ...base, items: [{ id: "A", leadTime: 0, lotRule: { kind: "min-max", min: 9, max: 3 } }] },
      "items",
      0,
      "min",
    ],
    ["UNKNOWN_ITEM", { ...base, bom: [{ parent: "A", child: "B", quantityPer: 1 }] }, "bom", 0, "child"],
  ];
  it.each(cases)("%s names the record and field", (code, input, section, index, field) => {
    let caught: unknown;
    try {
      runMrp(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MrpError);
    const err = caught as MrpError;
    expect(err.code).toBe(code);
    expect(err.at).toEqual({ section, index, field });
  });
});
