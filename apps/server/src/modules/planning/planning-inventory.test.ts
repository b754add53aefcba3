import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const API = "/api/v1/planning";
const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}-01`);
const demand = [400, 520, 460, 610, 380, 450, 540, 500, 470, 560, 430, 490];

describeEachDatabase("planning inventory policy over the firm's own data", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  let other: Session;
  let viewer: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: () => new Date("2026-02-01T08:00:00Z") });
    owner = await login(app, EMAILS.aOwner);
    other = await login(app, EMAILS.bOwner);
    viewer = await login(app, EMAILS.aViewer);
    const save = (entity: string, data: object) =>
      call(app, owner, "POST", `${API}/records`, { entity, data });
    expect(
      (await save("items", { code: "INV-CORE", name: "Ferrite core", unit: "pcs", leadTimeDays: 31 }))
        .statusCode,
    ).toBe(200);
    for (let i = 0; i < months.length; i++)
      expect(
        (await save("demand", { item: "INV-CORE", periodDate: months[i], quantity: demand[i] })).statusCode,
      ).toBe(200);
    expect((await save("stock", { item: "INV-CORE", location: "main", quantity: 2000 })).statusCode).toBe(
      200,
    );
  });
  afterAll(() => app.close());

  it("computes (s, Q) and (R, S) from history, lead time and stock, meeting the fill-rate target", async () => {
    const res = await call(
      app,
      viewer,
      "GET",
      `${API}/inventory-policy?target=fill&level=0.97&orderingCost=200&holdingCost=0.5`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ periodDays: 31, target: "fill", level: 0.97, skipped: [] });
    const [p] = body.items;
    expect(p).toMatchObject({
      item: "INV-CORE",
      historyPeriods: 12,
      inventoryPosition: 2000,
      reorderNow: false,
    });
    expect(p.errorSdPerPeriod).toBeGreaterThan(40);
    expect(p.sQ.expectedFillRate).toBeCloseTo(0.97, 6);
    expect(p.RS.expectedFillRate).toBeCloseTo(0.97, 6);
    // lead time 31 days = one period; a large Q can meet 97 % with negative safety stock (z < 0)
    expect(p.sQ.reorderPoint).toBeCloseTo(p.meanPerPeriod + p.sQ.safetyStock, 6);
    expect(p.sQ.expectedAnnualCost).toBeCloseTo(p.sQ.annualOrderingCost + p.sQ.annualHoldingCost, 6);
  });

  it("a higher cycle service level raises s and S", async () => {
    const at = async (level: number) =>
      (
        await call(app, owner, "GET", `${API}/inventory-policy?target=cycle&level=${level}&reviewPeriods=1`)
      ).json().items[0];
    const [low, high] = [await at(0.9), await at(0.99)];
    expect(high.sQ.reorderPoint).toBeGreaterThan(low.sQ.reorderPoint);
    expect(high.RS.orderUpTo).toBeGreaterThan(low.RS.orderUpTo);
    expect(high.sQ.cycleServiceLevel).toBeCloseTo(0.99, 8);
  });

  it("another firm sees none of these items", async () => {
    const res = await call(app, other, "GET", `${API}/inventory-policy`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it("refuses a target outside (0.5, 1) or a non-positive cost with a 400", async () => {
    for (const q of ["level=1", "level=0.3", "target=both", "holdingCost=0", "reviewPeriods=0"]) {
      const res = await call(app, owner, "GET", `${API}/inventory-policy?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });
});
