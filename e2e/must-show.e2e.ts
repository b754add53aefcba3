import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { DASHBOARD_CHARTS, DashboardPage } from "./pages/dashboard.page.ts";
import { DirectoryPage } from "./pages/directory.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { ProfilePage } from "./pages/profile.page.ts";
import { Shell } from "./pages/shell.page.ts";

const HAN = /\p{Script=Han}/u;

describe("Must show: the platform end to end in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("log in → dashboard charts render → search 电感 finds inductor firms → open a profile → English → log out", async () => {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    try {
      const login = new LoginPage(page);
      const shell = new Shell(page);
      const dashboard = new DashboardPage(page);
      const directory = new DirectoryPage(page);
      const profile = new ProfilePage(page);

      // Log in (Chinese is the default language).
      await login.goto();
      expect(await page.getByTestId("login-title").textContent()).toBe("产业集群大脑");
      await login.signIn(demoCredentials("owner"));
      await shell.waitUntilShown();

      // Dashboard: every chart has data and paints its canvas.
      await dashboard.waitUntilShown();
      for (const chart of DASHBOARD_CHARTS) {
        const state = await dashboard.chartState(chart);
        expect(state.points, `${chart} data points`).toBeGreaterThan(0);
        expect(state.width, `${chart} width`).toBeGreaterThan(200);
        expect(state.height, `${chart} height`).toBeGreaterThan(200);
        expect(state.paintedPixels, `${chart} painted pixels`).toBeGreaterThan(1000);
      }
      const firms = await dashboard.kpi("kpi-firms");
      expect(firms).toBeGreaterThan(0);
      expect(await dashboard.kpi("kpi-orgs")).toBeGreaterThanOrEqual(firms);
      await screenshot(page, "1-dashboard-zh");

      // Directory: 电感 (inductor) finds inductor firms.
      await shell.navigate("directory");
      await directory.waitUntilShown();
      await directory.search("电感");
      const rows = await directory.rows();
      expect(rows.length).toBeGreaterThan(0);
      const inductorRows = rows.filter((r) => r.text.includes("电感"));
      expect(inductorRows.length, rows.map((r) => r.text).join("\n")).toBeGreaterThanOrEqual(
        Math.ceil(rows.length / 2),
      );
      expect(rows[0].text).toContain("电感");
      await screenshot(page, "2-directory-search");

      // Open the best match's profile.
      const opened = await directory.openRow(0);
      await profile.waitUntilShown();
      expect(await profile.name()).toBe(opened);
      expect(await profile.factLabels()).toContain("统一社会信用代码");
      await screenshot(page, "3-profile-zh");

      // Switch to English: labels change, and the choice survives a reload.
      await shell.switchLanguage();
      await page.getByTestId("profile-facts").getByText("Unified social credit code").waitFor();
      expect(await profile.factLabels()).toEqual(
        expect.arrayContaining(["Unified social credit code", "District"]),
      );
      expect(await profile.sectionTitle("profile-products")).toBe("Products");
      expect(await shell.navLabel("directory")).toBe("Directory");
      expect(HAN.test(await profile.name()), "profile name shown in English").toBe(false);
      await page.reload();
      await profile.waitUntilShown();
      expect(await shell.navLabel("dashboard")).toBe("Overview");
      await screenshot(page, "4-profile-en");

      // Log out: back on the login page (still in English), and the session is gone.
      await shell.logout();
      expect(await page.getByTestId("login-title").textContent()).toBe("Cluster Brain");
      await page.goto("/");
      await page.getByTestId("login-card").waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");
    } finally {
      await context.close();
    }
  });
});
