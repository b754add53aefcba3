import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RESOURCE_IDS } from "../apps/server/src/demo/demo.resources.ts";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { LoginPage } from "./pages/login.page.ts";
import { BookingsPage, ResourceDetailPage } from "./pages/resources.page.ts";
import { Shell } from "./pages/shell.page.ts";

/** YYYY-MM-DD of the cluster day (UTC+8) `days` from now. */
function clusterDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe("shared resources in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signedIn(persona: "owner" | "partner" | "operator") {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoCredentials(persona));
    await new Shell(page).waitUntilShown();
    return { context, page };
  }

  it("a firm books the EMC chamber → the owner approves → a second overlapping request is refused", async () => {
    const day = clusterDay(9);
    const purpose = "车规电感 EMC 预测试 e2e";
    const firm = await signedIn("owner"); // 华磁 books
    const holder = await signedIn("partner"); // 禾联 owns the chamber
    const other = await signedIn("operator"); // another organisation tries the same time
    try {
      // 1. 华磁 asks for 10:00–12:00; the calendar then shows the slot as ours.
      const detail = new ResourceDetailPage(firm.page);
      await detail.open(DEMO_RESOURCE_IDS.emcChamber);
      expect(await detail.name()).toContain("电磁兼容暗室");
      await detail.book(day, 10, 12, purpose);
      await detail.waitForCell(day, 10, "mine");
      expect(await detail.cellState(day, 11)).toBe("mine");
      expect(await detail.cellState(day, 12)).toBe("free");

      // 2. 禾联's owner approves it in the queue.
      const queue = new BookingsPage(holder.page);
      await queue.open();
      expect(await queue.status("incoming", purpose)).toBe("待确认");
      await queue.approve(purpose);
      await expect.poll(() => queue.status("incoming", purpose), { timeout: 10_000 }).toBe("已确认");
      await screenshot(holder.page, "resources-bookings-approved-zh");

      // 3. Another organisation sees the hours taken, and an overlapping request is refused.
      const second = new ResourceDetailPage(other.page);
      await second.open(DEMO_RESOURCE_IDS.emcChamber);
      await second.showWeekOf(day);
      expect(await second.cellState(day, 11)).toBe("taken");
      await second.book(day, 11, 13, "重叠的申请");
      expect(await second.errorText()).toContain("该时段已被预约");
      // The first booking is untouched.
      const mine = new BookingsPage(firm.page);
      await mine.open();
      expect(await mine.status("outgoing", purpose)).toBe("已确认");
    } finally {
      await firm.context.close();
      await holder.context.close();
      await other.context.close();
    }
  });
});
