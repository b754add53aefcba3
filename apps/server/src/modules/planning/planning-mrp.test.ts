import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const API = "/api/v1/planning";

/**
 * Plan starts 2026-05 (no demand history: the clock's month). FG: 100 on hand, SO-1 wants 300 in
 * 2026-07 → planned FG order of 200 released a month earlier (lead 30 d) → 400 of C needed in
 * 2026-06. C has PO-1 of 300 due 2026-09 → expedite to 2026-06, and a planned C order for the
 * remaining 100 (fixed lot 1000, lead 45 d = 2 months → release past due), pegged back to SO-1.
 */
describeEachDatabase("planning MRP API", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: () => new Date("2026-05-10T08:00:00Z") });
    owner = await login(app, EMAILS.aOwner);
    const records: [string, object][] = [
      ["items", { code: "FG", name: "Monitor", unit: "pcs", leadTimeDays: 30 }],
      [
        "items",
        { code: "C", name: "Board", unit: "pcs", leadTimeDays: 45, lotRule: "fixed", lotQuantity: 1000 },
      ],
      ["bom", { parent: "FG", component: "C", qtyPer: 2, version: "1", effectiveFrom: "2025-01-01" }],
      [
        "bom",
        {
          parent: "FG",
          component: "C",
          qtyPer: 9,
          version: "0",
          effectiveFrom: "2020-01-01",
          effectiveTo: "2024-12-31",
        },
      ],
      ["stock", { item: "FG", location: "main", quantity: 100 }],
      [
        "customer-orders",
        { orderNo: "SO-1", customer: "Hospital", item: "FG", quantity: 300, dueDate: "2026-07-15" },
      ],
      ["open-orders", { orderNo: "PO-1", kind: "purchase", item: "C", quantity: 300, dueDate: "2026-09-10" }],
    ];
    for (const [entity, data] of records) {
      const res = await call(app, owner, "POST", `${API}/records`, { entity, data });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => app.close());

  it("plans orders, expedites the open order, and pegs the component order back to the customer order", async () => {
    const res = await call(app, owner, "POST", `${API}/mrp`, { horizon: 6 });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.periods[0]).toBe("2026-05-01");
    const fg = plan.plannedOrders.filter((o: { item: string }) => o.item === "FG");
    expect(fg).toEqual([
      expect.objectContaining({
        quantity: 200,
        receiptDate: "2026-07-01",
        releaseDate: "2026-06-01",
        pastDue: false,
      }),
    ]);
    const c = plan.plannedOrders.filter((o: { item: string }) => o.item === "C");
    expect(c).toEqual([
      expect.objectContaining({ quantity: 1000, receiptDate: "2026-06-01", pastDue: true }),
    ]);
    expect(c[0].pegs).toEqual([
      expect.objectContaining({ demandId: "SO-1", item: "FG", date: "2026-07-01" }),
    ]);
    expect(plan.actions).toContainEqual(
      expect.objectContaining({
        kind: "expedite",
        item: "C",
        orderNo: "PO-1",
        fromDate: "2026-09-01",
        toDate: "2026-06-01",
      }),
    );
  });

  it("exports the plan as .xlsx and another firm's MRP sees none of it", async () => {
    const res = await call(app, owner, "GET", `${API}/mrp/export`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [orders, actions, pegs] = wb.worksheets;
    expect(orders.rowCount).toBe(3);
    expect(pegs.rowCount).toBe(3);
    const actionRows = actions
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 4));
    expect(actionRows).toContainEqual(["expedite", "C", "PO-1"]);
    const b = await login(app, EMAILS.bOwner);
    const otherRes = await call(app, b, "POST", `${API}/mrp`, {});
    expect(otherRes.statusCode, otherRes.body).toBe(200);
    const other = otherRes.json();
    expect(other.plannedOrders).toEqual([]);
  });
});
