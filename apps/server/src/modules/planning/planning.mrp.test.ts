import type { PlanningBomLine } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { addMonths, futureDates } from "./planning.forecast.ts";
import { effectiveBom, planMrp } from "./planning.mrp.ts";

const line = (
  component: string,
  version: string,
  effectiveFrom: string,
  effectiveTo?: string,
): PlanningBomLine => ({
  parent: "P",
  component,
  qtyPer: 1,
  version,
  effectiveFrom,
  effectiveTo,
});

describe("planning helpers", () => {
  it("month arithmetic keeps the day, clipped to the month's length", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-01", 3)).toBe("2027-02-01");
    expect(addMonths("2026-03-01", -4)).toBe("2025-11-01");
  });

  it("future dates step like the history: months stay months, days stay days, weeks stay weeks", () => {
    const months = ["2026-01-01", "2026-02-01", "2026-03-01"].map((date) => ({ date, value: 1 }));
    expect(futureDates(months, 2)).toEqual(["2026-04-01", "2026-05-01"]);
    const weeks = ["2026-01-05", "2026-01-12", "2026-01-19"].map((date) => ({ date, value: 1 }));
    expect(futureDates(weeks, 2)).toEqual(["2026-01-26", "2026-02-02"]);
  });

  it("the BOM in effect is the newest version whose dates cover the plan start", () => {
    const lines = [
      line("A", "1", "2020-01-01", "2025-12-31"),
      line("B", "2", "2026-01-01"),
      line("C", "2", "2026-01-01"),
    ];
    expect(effectiveBom(lines, "2025-06-01").map((l) => l.component)).toEqual(["A"]);
    expect(effectiveBom(lines, "2026-02-01").map((l) => l.component)).toEqual(["B", "C"]);
  });

  it("forecast is consumed by the month's customer orders, and rounded up to whole units", () => {
    const plan = planMrp(
      {
        items: [
          { code: "FG", name: "fg", unit: "pcs", leadTimeDays: 0, lotRule: "lot-for-lot", safetyStock: 0 },
        ],
        bom: [],
        stock: [],
        openOrders: [],
        customerOrders: [{ orderNo: "SO", customer: "c", item: "FG", quantity: 70, dueDate: "2026-05-20" }],
        forecasts: [
          { item: "FG", date: "2026-05-01", quantity: 100.2 },
          { item: "FG", date: "2026-06-01", quantity: 50 },
        ],
      },
      "2026-05-01",
      2,
    );
    expect(plan.plannedOrders.map((o) => [o.receiptDate, o.quantity])).toEqual([
      ["2026-05-01", 101],
      ["2026-06-01", 50],
    ]);
    expect(plan.plannedOrders[0].pegs.map((g) => [g.demandId, g.quantity])).toEqual([
      ["SO", 70],
      ["forecast FG 2026-05", 31],
    ]);
  });
});
