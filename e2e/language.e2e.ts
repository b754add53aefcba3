import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { usccCheckChar } from "@clusterbrain/contracts";
import { readWorkbook } from "@clusterbrain/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { AuditPage } from "./pages/audit.page.ts";
import { DashboardPage } from "./pages/dashboard.page.ts";
import { DirectoryPage } from "./pages/directory.page.ts";
import { ImportsPage } from "./pages/imports.page.ts";
import { foreignText } from "./pages/language.check.ts";
import { LoginPage } from "./pages/login.page.ts";
import { ProfilePage } from "./pages/profile.page.ts";
import { Shell } from "./pages/shell.page.ts";

type Locale = "zh-CN" | "en";
const LOCALES: readonly Locale[] = ["zh-CN", "en"];
const tag = (l: Locale) => (l === "en" ? "en" : "zh");

/** A CSV with one bad USCC (wrong check character) and one firm named =1+1 (a formula). */
function problemCsv(): string {
  const first17 = "91330400MA8LANG01";
  const good = `${first17}${usccCheckChar(first17)}`;
  const bad = `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}`;
  const path = join(tmpdir(), `language-check-${Date.now().toString(36)}.csv`);
  writeFileSync(
    path,
    [
      "uscc,kind,nameZh,nameEn",
      `${bad},enterprise,Lang Check Firm,Lang Check Firm`,
      ",service,=1+1,=1+1",
      "",
    ].join("\n"),
  );
  return path;
}

describe("one language at a time, exports that follow the view", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Signed in as the operator (who sees every screen) with the language chosen before the first paint. */
  async function signedIn(locale: Locale) {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    await context.addInitScript((l) => localStorage.setItem("clusterbrain.locale", l), locale);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoCredentials("operator"));
    await new Shell(page).waitUntilShown();
    return { context, page };
  }

  async function settled(page: Page): Promise<void> {
    await page.waitForLoadState("networkidle");
    await page
      .locator(".ant-spin-spinning")
      .first()
      .waitFor({ state: "detached" })
      .catch(() => undefined);
  }

  for (const locale of LOCALES) {
    it(`${locale}: the main screens carry no text in the other language`, async () => {
      const { context, page } = await signedIn(locale);
      const found: Record<string, string[]> = {};
      const check = async (screen: string) => {
        await settled(page);
        const foreign = await foreignText(page, locale);
        if (foreign.length > 0) found[screen] = foreign;
      };
      try {
        await new DashboardPage(page).waitUntilShown();
        await check("dashboard");

        await page.goto(`/directory?q=${encodeURIComponent("电感")}`);
        const directory = new DirectoryPage(page);
        await directory.waitUntilShown();
        await page.getByTestId("directory-row").first().waitFor();
        await check("directory");

        await directory.openRow(0);
        await new ProfilePage(page).waitUntilShown();
        await check("profile");

        await page.goto("/chain");
        await page.getByTestId("chain-page").waitFor();
        await check("chain map");

        await page.goto("/grants");
        await check("grants");

        await page.goto("/imports");
        const imports = new ImportsPage(page);
        await imports.waitUntilShown();
        await imports.chooseFile(problemCsv());
        await imports.dryRun();
        // The report holds server-described problems: a wrong check character and a formula-like name.
        expect((await imports.issues()).map((i) => i.row)).toEqual([2, 3, 3]);
        await check("imports");
        await screenshot(page, `lang-imports-${tag(locale)}`);
        // Write the good row (the =1+1 service body), so the audit log has an import by a person.
        await imports.runValidRows();
        expect(await imports.count("import-written")).toBe(1);
        await check("imports after a real run");

        await page.goto("/audit");
        const audit = new AuditPage(page);
        await audit.waitUntilLoaded();
        expect(await audit.rowCount()).toBeGreaterThan(0);
        await check("audit");
        await screenshot(page, `lang-audit-${tag(locale)}`);
        // The export holds the entries the screen lists, with the action names the screen shows.
        const shown = await audit.actions();
        const download = page.waitForEvent("download");
        await page.getByTestId("audit-export").click();
        // Read with the server's own bounded .xlsx reader (THE one reader, docs/architecture.md).
        const workbook = await readWorkbook(readFileSync(await (await download).path()));
        const exported: string[] = [];
        workbook.worksheets[0].eachRow((row, n) => {
          if (n > 1) exported.push(String(row.getCell(4).value));
        });
        expect(exported).toEqual(shown);

        // The check itself can fail: text in the other language, added to the page, is caught.
        await page.evaluate((l) => {
          const planted = document.createElement("div");
          planted.textContent =
            l === "en" ? "统一社会信用代码无效" : 'check character is "1" but should be "0"';
          document.body.append(planted);
        }, locale);
        expect(await foreignText(page, locale)).toHaveLength(1);
      } finally {
        await context.close();
      }
      expect(found).toEqual({});
    });
  }

  it("search 电感 → export: the file holds exactly the screen's hits, with labels", async () => {
    const { context, page } = await signedIn("zh-CN");
    try {
      await page.goto("/directory");
      const directory = new DirectoryPage(page);
      await directory.waitUntilShown();
      const answered = page.waitForResponse(
        (res) => res.url().includes("/api/v1/orgs?") && res.url().includes(`q=${encodeURIComponent("电感")}`),
      );
      const box = page.getByTestId("directory-search").locator("input");
      await box.fill("电感");
      await box.press("Enter");
      const hits = ((await (await answered).json()) as { total: number }).total;
      await page.locator('[data-testid="directory-table"] .ant-spin-spinning').waitFor({ state: "detached" });
      expect(Number((await directory.total()).replace(/\D/g, ""))).toBe(hits);

      const download = page.waitForEvent("download");
      await page.getByTestId("directory-export").click();
      const file = await (await download).path();
      const workbook = await readWorkbook(readFileSync(file));
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
      console.log(`电感: ${hits} hits on screen, ${rows.length - 1} data rows in the export`);
      expect(hits).toBeGreaterThan(0);
      expect(rows.length - 1).toBe(hits);
      // Labels, not codes: kind and size in Chinese.
      const kinds = new Set(rows.slice(1).map((r) => r[1]));
      const sizes = new Set(rows.slice(1).map((r) => r[7]));
      expect([...kinds].every((k) => ["企业", "高校", "科研院所", "服务机构", "政府部门"].includes(k))).toBe(
        true,
      );
      expect([...sizes].every((s) => ["微型", "小型", "中型", "大型"].includes(s))).toBe(true);
      expect(rows[0][1]).toBe("组织类型 (kind)");
    } finally {
      await context.close();
    }
  });
});
