import type { CapacityOrderDetail, RfqDetail } from "@clusterbrain/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, login, type Session, testApp } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

describeEachDatabase("demo capacity exchange", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  let buyer: Session;
  beforeAll(async () => {
    await loadDemoCluster(getDb().db);
    app = await testApp(getDb().db);
    owner = await login(app, "owner@demo.cluster", "Demo-owner-2025");
    buyer = await login(app, "supplier@demo.cluster", "Demo-supplier-2025");
  });
  afterAll(() => app.close());

  it("世源 sees its open RFQ with ranked matches and 华磁's quote, and a delivered order", async () => {
    const rfq = (
      await call(app, buyer, "GET", "/api/v1/capacity-exchange/rfqs/rfq-demo-shiyuan-chokes")
    ).json() as RfqDetail;
    expect(rfq.status).toBe("open");
    expect(rfq.matches.map((m) => m.offer.id)).toContain("capacity-demo-huaci-winding");
    expect(rfq.quotes.map((q) => q.status)).toEqual(["open"]);
    const order = (
      await call(app, buyer, "GET", "/api/v1/capacity-exchange/orders/capacity-order-demo-coils")
    ).json() as CapacityOrderDetail;
    expect(order).toMatchObject({ status: "delivered", hours: 60 });
    expect(order.shipment?.events.at(-1)?.type).toBe("delivered");
    // 华磁 is the invited supplier: it sees both RFQs, but no matches (those are the buyer's view).
    const invited = (await call(app, owner, "GET", "/api/v1/capacity-exchange/rfqs")).json().invited;
    expect(invited.map((r: { id: string }) => r.id).sort()).toEqual([
      "rfq-demo-shiyuan-chokes",
      "rfq-demo-shiyuan-coils",
    ]);
  });
});
