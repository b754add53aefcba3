import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { LoginPage } from "./pages/login.page.ts";
import { SchedulingPage } from "./pages/scheduling.page.ts";
import { chooseOption } from "./pages/select.helper.ts";
import { Shell } from "./pages/shell.page.ts";

describe("scheduling in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("schedule with progress → drag (accepted, refused, undone) → compare two scenarios → publish → promise → machine-down repair", async () => {
    const { context, page } = await app.newPage({ width: 1400, height: 1000 });
    try {
      const shell = new Shell(page);
      const sched = new SchedulingPage(page);
      await new LoginPage(page).goto();
      await new LoginPage(page).signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      await shell.navigate("scheduling");
      await sched.waitUntilShown();

      // The inductor maker's demo production orders, solved as a job; the bar moves while it runs.
      const progress = await sched.run("E2E 加权拖期", "加权拖期最小", 3);
      expect(progress).toBeGreaterThan(0);
      await sched.ganttRendered();
      await sched.zoom("月");

      // Drag the plan's last bar later (saved, drawn further right), then before its previous step (refused).
      const drag = await sched.dragAcceptedThenRefused();
      expect(drag.accepted).toBe(200);
      expect(drag.moved).toBeGreaterThan(20);
      expect(drag.refused).toBe(409);
      expect(["job-order", "calendar", "machine-overlap"]).toContain(drag.reason);
      expect(drag.stayed).toBe(true);
      await screenshot(page, "scheduling-gantt-zh");
      await sched.undo();
      await page.locator('[data-testid="gantt-undo"][disabled]').waitFor();

      // A second scenario with another objective; both sit side by side with their KPIs.
      await sched.run("E2E 最短工期", "最短总工期", 2);
      const rows = page.locator("tr[data-scenario]");
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      for (const name of ["E2E 加权拖期", "E2E 最短工期"])
        expect(await sched.row(name).locator("td").nth(3).textContent()).toMatch(/\d/);
      await page.getByTestId("load-table").waitFor();

      await sched.publish("E2E 最短工期");
      await screenshot(page, "scheduling-scenarios-zh");

      // Delivery promise against the published plan: a date and the reason that binds it.
      await page.getByTestId("promise-item").fill("IND-MOLD-0630");
      await page.getByTestId("promise-ask").click();
      await page.locator('[data-testid="promise-result"][data-date]').waitFor();
      expect(await page.getByTestId("promise-result").getAttribute("data-date")).toMatch(
        /^\d{4}-\d{2}-\d{2}$/,
      );

      // Machine down by hand on the published plan: a repair scenario appears beside the others.
      await sched.row("E2E 最短工期").getByTestId("scenario-view").click();
      await sched.ganttRendered();
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      await chooseOption(page, page.getByTestId("down-machine"), "PRESS-01");
      await page.getByTestId("down-from").fill(`${today}T00:00`);
      await page.getByTestId("down-to").fill(`${today}T23:59`);
      await page.getByTestId("down-repair").click();
      await page.getByTestId("repair-result").waitFor();
      // The list reloads after the repair answer arrives: wait for its third row, not a moment.
      await page.locator("tr[data-scenario]").nth(2).waitFor();
      expect(await page.locator("tr[data-scenario]").count()).toBeGreaterThanOrEqual(3);
    } finally {
      await context.close();
    }
  });
});
