import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { DASHBOARD_CHARTS, DashboardPage } from "./pages/dashboard.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

type Recorder = { __cspViolations: string[] };

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = globalThis as unknown as Recorder;
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (globalThis as unknown as Recorder).__cspViolations);

// The server sends a strict Content-Security-Policy (no inline script); the built app (antd's
// CSS-in-JS, ECharts canvases) and the swagger UI must work under it without a single violation.
describe("the web app and API docs under the Content-Security-Policy", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("signs in and draws the dashboard charts with antd styles applied and no CSP violation", async () => {
    const { context, page } = await app.newPage();
    try {
      await recordViolations(context);
      const response = await page.goto("/login");
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      const login = new LoginPage(page);
      await page.getByTestId("login-card").waitFor();
      await login.signIn(demoCredentials("operator"));
      await new Shell(page).waitUntilShown();
      const dashboard = new DashboardPage(page);
      await dashboard.waitUntilShown();
      const chart = await dashboard.chartState(DASHBOARD_CHARTS[0]);
      expect(chart.paintedPixels).toBeGreaterThan(100);
      // antd injects its styles as <style> tags at run time; a blocked one leaves the layout unstyled.
      const layoutDisplay = await page
        .locator(".ant-layout")
        .first()
        .evaluate((el) => getComputedStyle(el).display);
      expect(layoutDisplay).toBe("flex");
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("renders the swagger UI at /api/docs with no CSP violation", async () => {
    const { context, page } = await app.newPage();
    try {
      await recordViolations(context);
      await page.goto("/api/docs");
      await page.locator(".swagger-ui .info .title").waitFor();
      expect(await page.locator(".swagger-ui .info .title").textContent()).toContain("Cluster Brain");
      await page.locator(".opblock").first().waitFor();
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
