import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, login, type Session, testApp } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

describeEachDatabase("demo logistics", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  beforeAll(async () => {
    await loadDemoCluster(getDb().db);
    app = await testApp(getDb().db);
    owner = await login(app, "owner@demo.cluster", "Demo-owner-2025");
  });
  afterAll(() => app.close());

  it("华磁 sees its three shipments, exactly one late, and one late alert", async () => {
    const items = (await call(app, owner, "GET", "/api/v1/logistics/shipments")).json().items;
    expect(items).toHaveLength(3);
    expect(
      items.filter((s: { late: boolean }) => s.late).map((s: { trackingNo: string }) => s.trackingNo),
    ).toEqual(["DPK7730192456"]);
    const detail = (
      await call(app, owner, "GET", "/api/v1/logistics/shipments/shipment-demo-huaci-1")
    ).json();
    expect(detail.status).toBe("delivered");
    expect(detail.consigneeNameZh).toEqual(expect.any(String));
    expect(detail.consigneeNameZh.length).toBeGreaterThan(1);
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      "picked_up",
      "in_transit",
      "out_for_delivery",
      "delivered",
    ]);
    const notes = (await call(app, owner, "GET", "/api/v1/notifications")).json().items;
    expect(notes.filter((n: { kind: string }) => n.kind === "shipment.late")).toHaveLength(1);
  });
});
