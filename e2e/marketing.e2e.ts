import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { LoginPage } from "./pages/login.page.ts";
import { MarketingPage } from "./pages/marketing.page.ts";
import { Shell } from "./pages/shell.page.ts";

describe("precision marketing in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("Must show: a supplier builds a segment of consenting hospitals (海盐 did not consent) and creates a campaign", async () => {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials("supplier"));
      await new Shell(page).waitUntilShown();
      const marketing = new MarketingPage(page);
      await marketing.open();
      // Default filter: patient monitors 8+ years old. 海盐县人民医院 has them too but shares nothing.
      const ids = await marketing.hospitalIds();
      expect(ids).toContain("org-hosp-js1");
      expect(ids).toContain("org-hosp-tx1");
      expect(ids).not.toContain("org-hosp-hy");
      expect(await page.getByTestId("marketing-aggregate").textContent()).not.toContain("已隐藏");
      await screenshot(page, "marketing-segment");
      const leads = await marketing.createCampaign("监护仪换代·县级医院");
      expect(leads).toBe(ids.length);
      await screenshot(page, "marketing-campaign");
    } finally {
      await context.close();
    }
  });
  it("世源 asks to share 华磁's distributor network; 华磁's owner approves; 世源 sees it approved", async () => {
    const channel = "华东电子元器件经销网络";
    const asking = await app.newPage({ width: 1280, height: 900 });
    const owning = await app.newPage({ width: 1280, height: 900 });
    try {
      for (const [ctx, persona] of [
        [asking, "supplier"],
        [owning, "owner"],
      ] as const) {
        const login = new LoginPage(ctx.page);
        await login.goto();
        await login.signIn(demoCredentials(persona));
        await new Shell(ctx.page).waitUntilShown();
      }
      const supplier = new MarketingPage(asking.page);
      await supplier.open();
      // The hub's fairs are listed as channels open to every firm.
      await asking.page.getByTestId("marketing-channels").getByText("向所有企业开放").first().waitFor();
      await supplier.requestChannel(channel);
      const owner = new MarketingPage(owning.page);
      await owner.open();
      await owner.approveShare(channel);
      await screenshot(owning.page, "marketing-channel-approved");
      await asking.page.reload();
      await supplier.open();
      expect(await supplier.channelShareStatus(channel)).toBe("approved");
    } finally {
      await asking.context.close();
      await owning.context.close();
    }
  });
});
