import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { JobsPage } from "./pages/jobs.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

describe("planning runs in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("Must show: a job started from the web shows live progress and can be cancelled", async () => {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    try {
      const login = new LoginPage(page);
      const shell = new Shell(page);
      const jobs = new JobsPage(page);
      await login.goto();
      await login.signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      await shell.navigate("jobs");
      await jobs.waitUntilShown();
      await jobs.waitUntilLive();

      // The page polls nothing: every change of the bar after the start has to arrive over the live channel.
      const jobGets: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "GET" && r.url().includes("/api/v1/jobs")) jobGets.push(r.url());
      });

      await jobs.setNumber("seconds", 120);
      await jobs.start();
      await jobs.waitForStatus("running");
      const seen: number[] = [];
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        const { shownPercent } = await jobs.current();
        if (seen.at(-1) !== shownPercent) seen.push(shownPercent);
        if (seen.filter((p) => p > 0).length >= 3) break;
        await page.waitForTimeout(250);
      }
      console.log(`progress bar showed ${seen.join(" → ")} %`);
      const positive = seen.filter((p) => p > 0);
      expect(positive.length).toBeGreaterThanOrEqual(3);
      expect(positive).toEqual([...positive].sort((x, y) => x - y));
      expect(jobGets).toEqual([]);
      await screenshot(page, "jobs-running-zh");

      const before = await jobs.current();
      expect(before.status).toBe("running");
      expect(before.progress).toBeLessThan(1);
      const asked = Date.now();
      await jobs.cancel();
      await jobs.waitForStatus("cancelled");
      console.log(`cancel → cancelled on screen in ${Date.now() - asked} ms`);
      expect(await jobs.statusText()).toBe("已取消");
      expect(await jobs.historyStatus(before.id)).toBe("已取消");
      // A cancelled schedule keeps the best schedule found so far.
      expect(await jobs.resultText()).toMatch(/完工时间 \d+/);
      await screenshot(page, "jobs-cancelled-zh");
    } finally {
      await context.close();
    }
  });

  it("a viewer at 768 px watches runs (no start or cancel) and the screen needs no sideways scrolling", async () => {
    const { context, page } = await app.newPage({ width: 768, height: 1024 });
    try {
      const login = new LoginPage(page);
      const shell = new Shell(page);
      const jobs = new JobsPage(page);
      await login.goto();
      await login.signIn(demoCredentials("viewer"));
      await shell.waitUntilShown();
      await shell.navigate("jobs");
      await jobs.waitUntilShown();
      await jobs.waitUntilLive();
      expect(await page.getByTestId("job-start").count()).toBe(0);
      // The owner's cancelled run from the first test is the org's history, visible to its viewer.
      expect(await page.locator('[data-testid="jobs-table"] tbody tr.ant-table-row').count()).toBeGreaterThan(
        0,
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, "jobs-viewer-768");
    } finally {
      await context.close();
    }
  });
});
