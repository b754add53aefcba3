import { DEFAULT_DEMO_SEED, generateDemoCluster } from "@clusterbrain/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { ChainMapPage } from "./pages/chain-map.page.ts";
import { DASHBOARD_CHARTS, DashboardPage } from "./pages/dashboard.page.ts";
import { DirectoryPage } from "./pages/directory.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

const HAN = /\p{Script=Han}/u;

// The operator's screens (dashboard, chain map) in both languages, and the weight of the login page.
describe("operator screens in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the login page loads no chart library; its JavaScript is counted", async () => {
    const { context, page } = await app.newPage();
    try {
      const scripts: { url: string; bytes: number }[] = [];
      page.on("response", async (res) => {
        if (res.request().resourceType() !== "script") return;
        scripts.push({ url: res.url(), bytes: (await res.body().catch(() => Buffer.alloc(0))).length });
      });
      await new LoginPage(page).goto();
      await page.waitForLoadState("networkidle");
      const total = scripts.reduce((s, x) => s + x.bytes, 0);
      console.log(`login page: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KiB (uncompressed)`);
      expect(scripts.length).toBeGreaterThan(0);
      // ECharts lives in the chart component's chunk (and zrender inside it): neither may load here.
      const charts = scripts.filter((s) => /chart\.component|echarts|zrender/.test(s.url));
      expect(charts).toEqual([]);
      const bodies = await Promise.all(
        scripts.map((s) => page.evaluate((u) => fetch(u).then((r) => r.text()), s.url)),
      );
      expect(bodies.some((b) => b.includes("registerPreprocessor") && b.includes("zrender"))).toBe(false);
    } finally {
      await context.close();
    }
  });

  it("Must show: the dashboard drills down to the directory, with units and data-as-of; screenshots in both languages", async () => {
    const { context, page } = await app.newPage({ width: 1440, height: 1000 });
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials("operator"));
      await new Shell(page).waitUntilShown();
      const dashboard = new DashboardPage(page);
      await dashboard.waitUntilShown();
      for (const chart of DASHBOARD_CHARTS)
        expect((await dashboard.chartState(chart)).points).toBeGreaterThan(0);
      expect(await dashboard.asOfShown()).toMatch(/^数据截至 /);
      expect(await dashboard.tileText("kpi-revenue")).toContain("万元");
      expect(await dashboard.tileText("kpi-energy")).toContain("吨标煤");
      expect(await dashboard.tileText("kpi-revenue")).toMatch(/同比/);
      expect(await dashboard.topFirmCount()).toBeGreaterThan(0);
      await screenshot(page, "dashboard-zh");

      // Filter to the demo firm's first chain node, then open the firms behind the tile.
      const cluster = generateDemoCluster(DEFAULT_DEMO_SEED);
      const busiest = [...cluster.chainNodes].sort(
        (a, b) =>
          cluster.orgs.filter((o) => o.kind === "enterprise" && o.nodeKeys.includes(b.key)).length -
          cluster.orgs.filter((o) => o.kind === "enterprise" && o.nodeKeys.includes(a.key)).length,
      )[0];
      await dashboard.filterByNode(busiest.nameZh);
      const firms = await dashboard.kpi("kpi-firms");
      expect(firms).toBeGreaterThan(0);
      await dashboard.openFirms();
      const directory = new DirectoryPage(page);
      await directory.waitUntilShown();
      const url = new URL(page.url());
      expect(url.pathname).toBe("/directory");
      expect(url.searchParams.get("chainNode")).toBe(busiest.key);
      expect(url.searchParams.get("kind")).toBe("enterprise");
      await expect.poll(async () => Number((await directory.total()).replace(/\D/g, ""))).toBe(firms);

      await page.goto("/");
      await dashboard.waitUntilShown();
      await page.getByTestId("language-switch").click();
      await page.getByText("Data as of", { exact: false }).first().waitFor();
      expect(await dashboard.tileText("kpi-revenue")).toContain("CNY 10k");
      const titles = await page.locator(".ant-card-head-title").allTextContents();
      expect(titles.filter((t) => HAN.test(t))).toEqual([]);
      for (const chart of DASHBOARD_CHARTS) await dashboard.waitForChart(chart);
      await screenshot(page, "dashboard-en");
    } finally {
      await context.close();
    }
  });

  it("Must show: the chain map searches, focuses and explains a weak link; screenshots in both languages", async () => {
    const { context, page } = await app.newPage({ width: 1440, height: 1000 });
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials("operator"));
      await new Shell(page).waitUntilShown();
      await page.goto("/chain");
      const chain = new ChainMapPage(page);
      await chain.waitUntilShown();
      const weak = await chain.firstWeakLinkName();
      await chain.focus(weak);
      await page.getByTestId("weak-link-advice").waitFor();
      expect(await chain.adviceText()).toContain("原因");
      expect(await chain.adviceText()).toContain("集群外");
      await page.getByTestId("chain-node-orgs").waitFor();
      await screenshot(page, "chain-map-zh");

      await page.getByTestId("language-switch").click();
      await page.getByTestId("weak-link-advice").getByText("Why:", { exact: false }).waitFor();
      const advice = await chain.adviceText();
      expect(advice).toContain("outside the cluster");
      expect(advice).not.toMatch(HAN);
      await chain.waitUntilShown();
      await screenshot(page, "chain-map-en");
    } finally {
      await context.close();
    }
  });

  it("the global search finds organisations and chain nodes; breadcrumbs show where a page sits", async () => {
    const { context, page } = await app.newPage({ width: 1440, height: 1000 });
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials("operator"));
      await new Shell(page).waitUntilShown();
      const box = page.getByTestId("global-search").locator("input");
      await box.fill("电感");
      const hits = page.locator(".ant-select-dropdown:visible").getByTestId("global-search-hit");
      await hits.first().waitFor();
      const groups = await page
        .locator(".ant-select-dropdown:visible .ant-select-item-group")
        .allTextContents();
      expect(groups).toEqual(["机构", "链节点"]);
      // Pick the first chain node offered: the chain map opens focused on it.
      await page
        .locator(".ant-select-dropdown:visible .ant-select-item-option")
        .filter({ has: page.getByTestId("global-search-hit") })
        .last()
        .click();
      await page.waitForURL(/\/chain\?node=/);
      await page.getByTestId("chain-node-orgs").waitFor();
      const crumbs = await page.getByTestId("breadcrumbs").textContent();
      expect(crumbs).toContain("集群总览");
      expect(crumbs).toContain("产业链图谱");
    } finally {
      await context.close();
    }
  });
});
