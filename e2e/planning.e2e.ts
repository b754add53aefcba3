import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { LoginPage } from "./pages/login.page.ts";
import { PlanningPage } from "./pages/planning.page.ts";
import { SchedulingPage } from "./pages/scheduling.page.ts";
import { Shell } from "./pages/shell.page.ts";

/** The downloaded template with `rows` added under its header. */
async function fill(template: Buffer, rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  for (const r of rows) wb.worksheets[0].addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("planning workspace in Chromium", () => {
  let app: E2eApp;
  let dir: string;
  beforeAll(async () => {
    app = await startE2eApp();
    dir = await mkdtemp(join(tmpdir(), "cb-planning-e2e-"));
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("Must show: download a template → import master data (bad cells reported) → forecast → MRP → schedule with progress → drag one operation (an invalid drop refused) → compare two scenarios → publish", async () => {
    const { context, page } = await app.newPage({ width: 1400, height: 1000 });
    try {
      const shell = new Shell(page);
      const planning = new PlanningPage(page);
      await new LoginPage(page).goto();
      await new LoginPage(page).signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      await shell.navigate("planning");
      await planning.waitUntilShown();

      // Items: one good row, one with a bad lead time; all-or-nothing writes nothing and names the cell.
      const items = await planning.downloadTemplate();
      expect(items.name).toBe("planning-template-items.xlsx");
      const itemsFile = join(dir, "items.xlsx");
      await writeFile(
        itemsFile,
        await fill(items.bytes, [
          ["E2E-CHOKE", "共模电感 E2E", "pcs", 21, "fixed", 5000, null, 1000],
          ["E2E-BAD", "坏行", "pcs", "三周", null, null, null, null],
        ]),
      );
      await planning.importFile(itemsFile);
      expect(await planning.issues()).toEqual([{ row: 3, column: "leadTimeDays" }]);
      await planning.chooseMode("只写入有效行");
      await planning.importFile(itemsFile);
      expect(await planning.reportTitle()).toContain("已写入 1 行");

      // A record typed in the browser joins the imported one.
      await planning.createRecord({ code: "E2E-HAND", name: "手工录入电感", unit: "pcs", leadTimeDays: "7" });
      expect(await planning.recordKeys()).toEqual(expect.arrayContaining(["E2E-CHOKE", "E2E-HAND"]));

      // Demand history: 30 months of the new item, with a year-end peak.
      await planning.chooseEntity("历史需求");
      const demand = await planning.downloadTemplate();
      const rows = Array.from({ length: 30 }, (_, i) => {
        const month = `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
        return ["E2E-CHOKE", month, 20000 + 6000 * Math.sin((2 * Math.PI * i) / 12) + 150 * i];
      });
      const demandFile = join(dir, "demand.xlsx");
      await writeFile(demandFile, await fill(demand.bytes, rows));
      await planning.importFile(demandFile);
      expect(await planning.reportTitle()).toContain("已写入 30 行");
      await screenshot(page, "planning-import-zh");

      await planning.tab("需求预测");
      await planning.chooseItem("E2E-CHOKE");
      expect(await planning.chartPoints()).toBeGreaterThanOrEqual(30);
      expect(await planning.seasonText()).toContain("周期 12");
      expect(await planning.seasonText()).toContain("依据日期间隔推断");
      expect(await planning.forecastRows()).toBe(12);
      await screenshot(page, "planning-forecast-zh");

      await planning.tab("物料需求计划");
      await planning.runMrp();
      const planned = await planning.plannedOrderItems();
      console.log(`MRP planned orders on the first page: ${planned.join(", ")}`);
      expect(planned.length).toBeGreaterThan(0);
      await screenshot(page, "planning-mrp-zh");

      await planning.tab("库存策略");
      await planning.runInventoryPolicy();
      expect(await planning.inventoryPolicyItems()).toContain("E2E-CHOKE");
      await screenshot(page, "planning-inventory-zh");

      // Scheduling the firm's open production orders as a job: the progress bar moves while it runs.
      const sched = new SchedulingPage(page);
      await shell.navigate("scheduling");
      await sched.waitUntilShown();
      expect(await sched.run("流程 加权拖期", "加权拖期最小", 3)).toBeGreaterThan(0);
      await sched.ganttRendered();
      await sched.zoom("月");

      // Drag one operation later (saved: 200, drawn further right); drop it before its previous step (refused, stays).
      const drag = await sched.dragAcceptedThenRefused();
      expect(drag.accepted).toBe(200);
      expect(drag.moved).toBeGreaterThan(20);
      expect(drag.refused).toBe(409);
      expect(["job-order", "calendar", "machine-overlap"]).toContain(drag.reason);
      expect(drag.stayed).toBe(true);
      await screenshot(page, "planning-flow-gantt-zh");

      // A second scenario with another objective; both side by side with their KPIs; publish one.
      await sched.run("流程 最短工期", "最短总工期", 2);
      for (const name of ["流程 加权拖期", "流程 最短工期"])
        expect(await sched.row(name).locator("td").nth(3).textContent()).toMatch(/\d/);
      await sched.publish("流程 加权拖期");
      expect(await sched.row("流程 最短工期").getByText("已发布").count()).toBe(0);
      await screenshot(page, "planning-flow-published-zh");
    } finally {
      await context.close();
    }
  });
});
