import type { DemoPersona } from "@clusterbrain/demo";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { orgImportCsv } from "./harness/import-fixture.ts";
import { screenshot } from "./harness/screenshots.ts";
import { AuditPage } from "./pages/audit.page.ts";
import { DASHBOARD_CHARTS, DashboardPage } from "./pages/dashboard.page.ts";
import { DirectoryPage } from "./pages/directory.page.ts";
import { GrantsPage } from "./pages/grants.page.ts";
import { ImportsPage } from "./pages/imports.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { MembersPage } from "./pages/members.page.ts";
import { MyOrgPage } from "./pages/my-org.page.ts";
import { ProfilePage } from "./pages/profile.page.ts";
import { Shell } from "./pages/shell.page.ts";

const HAN = /\p{Script=Han}/u;

type Viewport = Parameters<E2eApp["newPage"]>[0];

// One file, one server and one browser for all browser tests: start-up (web build, PGlite with
// the demo cluster, Chromium) costs more than the tests themselves.
describe("the platform in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A fresh browser context signed in as a demo persona, with the app shell shown. */
  async function signedIn(persona: DemoPersona, viewport?: Viewport) {
    const { context, page } = await app.newPage(viewport);
    try {
      const shell = new Shell(page);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials(persona));
      await shell.waitUntilShown();
      return { context, page, shell };
    } catch (err) {
      await context.close();
      throw err;
    }
  }

  it("Must show: log in → dashboard charts render → search 电感 finds inductor firms → open a profile → English → log out", async () => {
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
      // The best match for 电感 sits on an inductor node of the chain.
      expect((await profile.chainNodeTags()).some((tag) => tag.includes("电感"))).toBe(true);
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

  describe("layout at tablet and desktop widths", () => {
    /** Page wider than the viewport means sideways scrolling, i.e. an unusable layout. */
    const overflowX = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    it("at 768 px the menu sits behind a button and every screen is reachable without sideways scrolling", async () => {
      const { context, page, shell } = await signedIn("member", { width: 768, height: 1024 });
      try {
        await new DashboardPage(page).waitForChart("chart-districts");
        expect(await shell.siderVisible()).toBe(false);
        expect(await shell.menuToggleVisible()).toBe(true);
        expect(await overflowX(page)).toBeLessThanOrEqual(0);
        await screenshot(page, "5-dashboard-768");

        // Open the drawer by hand once to look at it; Shell.navigate does the same for later screens.
        await page.getByTestId("menu-toggle").click();
        await page.locator(".ant-drawer .ant-menu").waitFor();
        await page.waitForTimeout(400);
        await screenshot(page, "6-menu-drawer-768");
        await page.getByTestId("nav-directory").click();
        const directory = new DirectoryPage(page);
        await directory.waitUntilShown();
        await directory.search("inductor");
        expect((await directory.rows()).length).toBeGreaterThan(0);
        expect(await overflowX(page)).toBeLessThanOrEqual(0);
        await screenshot(page, "7-directory-768");

        await shell.navigate("chain");
        await page.locator('[data-testid="chart-chain"][data-rendered="true"]').waitFor();
        expect(await overflowX(page)).toBeLessThanOrEqual(0);

        for (const [key, testId] of [
          ["my-org", "my-org-page"],
          ["grants", "grants-page"],
          ["imports", "imports-page"],
        ] as const) {
          await shell.navigate(key);
          await page.getByTestId(testId).waitFor();
          expect(await overflowX(page), key).toBeLessThanOrEqual(0);
        }
      } finally {
        await context.close();
      }
    });

    it("at 1280 px the sider is shown and collapses", async () => {
      const { context, page, shell } = await signedIn("member", { width: 1280, height: 800 });
      try {
        expect(await shell.siderVisible()).toBe(true);
        expect(await shell.menuToggleVisible()).toBe(false);
        const sider = page.getByTestId("sider");
        const wide = (await sider.boundingBox())?.width ?? 0;
        await sider.locator(".ant-layout-sider-trigger").click();
        await page.waitForTimeout(400);
        const narrow = (await sider.boundingBox())?.width ?? 0;
        expect(narrow).toBeLessThan(wide);
        await sider.locator(".ant-layout-sider-trigger").click();
        await shell.navigate("chain");
        await page.locator('[data-testid="chart-chain"][data-rendered="true"]').waitFor();
        // Weak links (断链风险) are listed; choosing one lists the organisations on that node.
        const weak = page.getByTestId("chain-weak-list").locator(".ant-list-item");
        expect(await weak.count()).toBeGreaterThan(0);
        await weak.first().click();
        await page.getByTestId("chain-node-orgs").locator(".ant-list-item").first().waitFor();
        await screenshot(page, "8-chain-map-1280");
      } finally {
        await context.close();
      }
    });
  });

  it("my organisation: export to .xlsx; a wrong 统一社会信用代码 is refused on its field; a valid edit is saved and audited", async () => {
    const { context, page, shell } = await signedIn("owner");
    try {
      await shell.navigate("my-org");
      const myOrg = new MyOrgPage(page);
      await myOrg.waitUntilLoaded();

      // Export of one's own data: the browser receives an .xlsx attachment.
      const download = page.waitForEvent("download");
      await page.getByTestId("my-org-export").click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

      const uscc = await myOrg.value("uscc");
      expect(uscc).toMatch(/^[0-9A-HJ-NP-RTUW-Y]{18}$/);
      // Change only the check character: the code looks right but fails GB 32100-2015.
      const wrongCheck = uscc.endsWith("0") ? "1" : "0";
      await myOrg.fill("uscc", `${uscc.slice(0, 17)}${wrongCheck}`);
      await myOrg.save();
      const usccError = await myOrg.fieldError("uscc");
      expect(usccError).toContain("统一社会信用代码无效");
      // The reason in Chinese too, from the same key and parameters the server sends.
      expect(usccError).toContain(`校验码为“${wrongCheck}”`);
      expect(usccError).not.toContain("check character");
      await screenshot(page, "9-my-org-uscc-error");

      await myOrg.fill("uscc", uscc);
      const website = "https://e2e.example.com";
      await myOrg.fill("website", website);
      await myOrg.save();
      await myOrg.waitForSaved("已保存");

      await shell.navigate("audit");
      const audit = new AuditPage(page);
      await audit.waitUntilLoaded();
      // Readable action names, not codes.
      expect((await audit.actions())[0]).toBe("修改组织资料");
    } finally {
      await context.close();
    }
  });

  it("data-sharing grants: create one, see it active, revoke it at once", async () => {
    const { context, page, shell } = await signedIn("owner");
    try {
      await shell.navigate("grants");
      const grants = new GrantsPage(page);
      await grants.waitUntilShown();
      const grantee = await grants.create({
        granteeSearch: "电容",
        dataClassLabel: "经营指标",
        purpose: "联合申报省级研发项目",
        until: `${new Date().getFullYear() + 1}-12-31`,
      });
      expect(grantee).not.toBe("");
      await page.getByTestId("grants-given").locator("tr", { hasText: grantee }).waitFor();
      expect(await grants.givenStatus(grantee)).toBe("生效中");
      await screenshot(page, "10-grants");
      await grants.revoke(grantee);
      await page
        .getByTestId("grants-given")
        .locator("tr", { hasText: grantee })
        .getByTestId("grant-status")
        .filter({ hasText: "已撤销" })
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it("members: the owner adds a member, changes the role and removes the member", async () => {
    const { context, page, shell } = await signedIn("owner");
    try {
      await shell.navigate("members");
      const members = new MembersPage(page);
      await members.waitUntilShown();
      const email = "e2e.new.member@example.com";
      await members.add({ email, displayName: "测试成员", roleLabel: "成员", password: "e2e initial pw 1" });
      expect(await members.waitForRole(email, "成员")).toBe("成员");
      await members.changeRole(email, "访客");
      expect(await members.waitForRole(email, "访客")).toBe("访客");
      await screenshot(page, "10b-members");
      await members.remove(email);
      expect(await members.row(email).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("a refused sign-in shows a translated headline and the code, not the server's English message", async () => {
    const { context, page } = await app.newPage();
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn({ email: demoCredentials("viewer").email, password: "not-the-password" });
      await page.getByTestId("error-alert").waitFor();
      expect(await page.getByTestId("error-alert").textContent()).toContain("账号或密码错误");
      expect(await page.getByTestId("error-code").textContent()).toContain("INVALID_CREDENTIALS");
      expect(await page.getByTestId("error-alert").textContent()).not.toContain("email or password is wrong");
      expect(await login.isShown()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("import: a dry run of 100 rows with 3 bad ones reports exactly those rows and columns and writes nothing", async () => {
    const { context, page, shell } = await signedIn("operator");
    try {
      await shell.navigate("imports");
      const imports = new ImportsPage(page);
      await imports.waitUntilShown();

      const fixture = orgImportCsv(100);
      await imports.chooseFile(fixture.path);
      await imports.dryRun();
      expect(await imports.count("import-total")).toBe(100);
      expect(await imports.count("import-invalid")).toBe(3);
      expect(await imports.count("import-written")).toBe(0);
      expect(await imports.committedLabel()).toBe("未写入任何数据");
      expect(await imports.issues()).toEqual(fixture.bad);
      await screenshot(page, "11-import-dry-run");

      const found = await context.request.get(`/api/v1/orgs?q=${encodeURIComponent(fixture.nameMarker)}`);
      expect(((await found.json()) as { total: number }).total).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("private data on profiles: own indicators are shown on request, another firm's are refused without a grant", async () => {
    const { context, page } = await signedIn("member");
    try {
      const me = (await (await context.request.get("/api/v1/auth/me")).json()) as { org: { id: string } };

      await page.goto(`/orgs/${encodeURIComponent(me.org.id)}`);
      await new ProfilePage(page).waitUntilShown();
      await page.getByTestId("show-indicators").click();
      await page.locator('[data-testid="chart-org-indicators"][data-rendered="true"]').waitFor();
      expect(
        Number(await page.getByTestId("chart-org-indicators").getAttribute("data-points")),
      ).toBeGreaterThan(0);
      await screenshot(page, "12-own-indicators");

      const others = (await (
        await context.request.get("/api/v1/orgs?kind=enterprise&pageSize=5")
      ).json()) as {
        items: { id: string }[];
      };
      const other = others.items.find((o) => o.id !== me.org.id);
      expect(other).toBeDefined();
      await page.goto(`/orgs/${encodeURIComponent(other!.id)}`);
      await new ProfilePage(page).waitUntilShown();
      await page.getByTestId("show-indicators").click();
      await page.getByTestId("private-no-access").waitFor();
      expect(await page.getByTestId("chart-org-indicators").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
