import type { DemoPersona } from "@clusterbrain/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { GROWTH_TAB_CHARTS, GrowthPage, StrategyPage } from "./pages/growth.page.ts";
import { foreignText } from "./pages/language.check.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

describe("growth dashboards and the strategy workbench in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signedIn(persona: DemoPersona) {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoCredentials(persona));
    await new Shell(page).waitUntilShown();
    return { context, page };
  }

  it("Must show: the operator opens micro, meso and macro, each with data, and the LISA map", async () => {
    const { context, page } = await signedIn("operator");
    try {
      const growth = new GrowthPage(page);
      await growth.open("micro");
      for (const tab of ["micro", "meso", "macro"] as const) {
        if (tab !== "micro") await growth.switchTo(tab);
        for (const chart of GROWTH_TAB_CHARTS[tab]) {
          expect(await growth.chartPoints(chart), `${tab} / ${chart}`).toBeGreaterThan(0);
        }
        await screenshot(page, `growth-${tab}`);
      }
      // The map names every district, says it is schematic, and Moran's I is computed.
      expect(await growth.chartPoints("growth-lisa-map")).toBe(8);
      expect(await growth.schematicNoteShown()).toBe(true);
      expect(await growth.moranText()).toContain("莫兰指数");
      expect(await growth.meaning("growth-fig-lisa")).toContain("LISA");
      // Drill-down: clicking Jiashan (top right of the map) lists the firms there.
      const firms = await growth.drillFromMap(0.8, 0.15);
      expect(firms.length).toBeGreaterThan(0);
      expect(firms.every((f) => f.includes("嘉善"))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("Must show: a firm opens its strategy workbench and sees the high-end inductor gap", async () => {
    const { context, page } = await signedIn("owner");
    try {
      const strategy = new StrategyPage(page);
      await strategy.open();
      const gap = await strategy.gap("high-end-inductor");
      expect(gap).not.toBeNull();
      expect(gap ?? 0).toBeGreaterThan(0);
      expect(await strategy.gapRowText("high-end-inductor")).toContain("高端电感");
      await screenshot(page, "strategy-gap");
      // In English the whole workbench reads in English (the note's own text is the firm's data).
      await page.getByTestId("language-switch").click();
      await page.getByText("High-end inductors (high-current molded / automotive grade)").waitFor();
      expect(await foreignText(page, "en")).toEqual([]);
      await page.getByTestId("language-switch").click();
    } finally {
      await context.close();
    }
  });
});
