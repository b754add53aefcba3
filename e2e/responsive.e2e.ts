import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { DashboardPage } from "./pages/dashboard.page.ts";
import { DirectoryPage } from "./pages/directory.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

describe("layout at tablet and desktop widths", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Page wider than the viewport means sideways scrolling, i.e. an unusable layout. */
  const overflowX = (page: import("playwright-core").Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it("at 768 px the menu sits behind a button and every screen is reachable without sideways scrolling", async () => {
    const { context, page } = await app.newPage({ width: 768, height: 1024 });
    try {
      const shell = new Shell(page);
      await new LoginPage(page).goto();
      await new LoginPage(page).signIn(demoCredentials("member"));
      await shell.waitUntilShown();
      await new DashboardPage(page).waitForChart("chart-districts");
      expect(await shell.siderVisible()).toBe(false);
      expect(await shell.menuToggleVisible()).toBe(true);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      await screenshot(page, "5-dashboard-768");

      await shell.navigate("directory");
      const directory = new DirectoryPage(page);
      await directory.waitUntilShown();
      await directory.search("inductor");
      expect((await directory.rows()).length).toBeGreaterThan(0);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      await screenshot(page, "6-directory-768");

      await shell.navigate("chain");
      await page.locator('[data-testid="chart-chain"][data-rendered="true"]').waitFor();
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it("at 1280 px the sider is shown and collapses", async () => {
    const { context, page } = await app.newPage({ width: 1280, height: 800 });
    try {
      const shell = new Shell(page);
      await new LoginPage(page).goto();
      await new LoginPage(page).signIn(demoCredentials("member"));
      await shell.waitUntilShown();
      expect(await shell.siderVisible()).toBe(true);
      expect(await shell.menuToggleVisible()).toBe(false);
      const sider = page.getByTestId("sider");
      const wide = (await sider.boundingBox())?.width ?? 0;
      await sider.locator(".ant-layout-sider-trigger").click();
      await page.waitForTimeout(400);
      const narrow = (await sider.boundingBox())?.width ?? 0;
      expect(narrow).toBeLessThan(wide);
      await shell.navigate("chain");
      await page.locator('[data-testid="chart-chain"][data-rendered="true"]').waitFor();
      await screenshot(page, "7-chain-map-1280");
    } finally {
      await context.close();
    }
  });
});
