import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { CapacityExchangePage } from "./pages/capacity-exchange.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { SchedulingPage } from "./pages/scheduling.page.ts";
import { Shell } from "./pages/shell.page.ts";

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("capacity exchange in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("idle capacity offered from a schedule → RFQ matched → quote → order → shipment events → delivered", async () => {
    const seller = await app.newPage({ width: 1400, height: 1000 });
    const buyer = await app.newPage({ width: 1400, height: 1000 });
    try {
      // The inductor maker (华磁) schedules its open orders and publishes the plan.
      await new LoginPage(seller.page).goto();
      await new LoginPage(seller.page).signIn(demoCredentials("owner"));
      const shell = new Shell(seller.page);
      await shell.waitUntilShown();
      await shell.navigate("scheduling");
      const sched = new SchedulingPage(seller.page);
      await sched.waitUntilShown();
      await sched.run("E2E 空闲产能", "加权拖期最小", 2);
      await sched.publish("E2E 空闲产能");

      // Its idle winding hours of a week become a capacity offer.
      const sell = new CapacityExchangePage(seller.page);
      await sell.open();
      const week = await sell.offerIdle("WIND", 135);
      const offer = (await sell.offers()).find(
        (o) => o.source === "schedule" && o.workCentre === "WIND" && o.availableFrom === week,
      );
      expect(offer, `a schedule offer for the week of ${week}`).toBeDefined();
      expect(offer?.hoursAvailable).toBeGreaterThanOrEqual(40);
      await screenshot(seller.page, "capacity-exchange-idle-zh");

      // The board maker (和联) posts an RFQ for that week: the schedule offer is matched, with reasons.
      await new LoginPage(buyer.page).goto();
      await new LoginPage(buyer.page).signIn(demoCredentials("partner"));
      await new Shell(buyer.page).waitUntilShown();
      const buy = new CapacityExchangePage(buyer.page);
      const rfqId = await buy.postRfq(40, week, addDays(week, 6), "E2E 共模电感绕线 40 小时");
      const match = buy.match(offer?.id ?? "");
      await match.waitFor();
      expect(await match.locator(".ant-tag").count()).toBeGreaterThanOrEqual(6);
      await match.getByTestId("match-invite").click();
      await match.locator(".ant-tag-blue").waitFor();
      await screenshot(buyer.page, "capacity-exchange-matches-zh");

      // 华磁 answers with a quote; 和联 accepts it: an order that books the hours.
      await sell.openRfq(rfqId);
      await sell.sendQuote(130);
      await buy.openRfq(rfqId);
      const orderId = await buy.acceptQuote();
      expect(await buy.orderStatus()).toBe("booked");
      const left = (await sell.offers()).find((o) => o.id === offer?.id);
      expect(left?.hoursAvailable ?? 0).toBe((offer?.hoursAvailable ?? 0) - 40);

      // 华磁 ships it and the carrier's events come in up to delivery.
      await sell.openOrder(orderId);
      await sell.ship(`E2E-${Date.now()}`);
      await sell.addEvent("picked_up", "已揽收");
      await sell.addEvent("in_transit", "运输中");
      expect(await sell.orderStatus()).toBe("shipped");
      await sell.addEvent("delivered", "已签收");

      // The buyer sees the order delivered, with the whole timeline.
      await buy.openOrder(orderId);
      expect(await buy.orderStatus()).toBe("delivered");
      for (const type of ["picked_up", "in_transit", "delivered"])
        await buyer.page.getByTestId(`order-event-${type}`).waitFor();
      await screenshot(buyer.page, "capacity-exchange-order-delivered-zh");
    } finally {
      await seller.context.close();
      await buyer.context.close();
    }
  });
});
