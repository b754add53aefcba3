import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

export interface PlanningIssue {
  row: number;
  column: string;
}

function expect200(status: number): void {
  if (status !== 200) throw new Error(`saving the record answered ${status}`);
}

/** The planning workspace: master data tab, forecast tab, MRP tab. */
export class PlanningPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("planning-page").waitFor();
  }

  async tab(name: "主数据" | "需求预测" | "物料需求计划" | "库存策略"): Promise<void> {
    await this.page.getByRole("tab", { name }).click();
  }

  async chooseEntity(label: string): Promise<void> {
    await this.page.getByTestId("planning-entity").getByText(label, { exact: true }).click();
  }

  /** Clicks "download template" and returns the bytes the browser received. */
  async downloadTemplate(): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId("planning-template").click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  }

  async chooseMode(label: string): Promise<void> {
    await this.page.getByText(label, { exact: true }).click();
  }

  async importFile(path: string): Promise<void> {
    const answered = this.page.waitForResponse((res) => res.url().endsWith("/api/v1/planning/imports"));
    await this.page.getByTestId("planning-file").setInputFiles(path);
    await answered;
    await this.page.getByTestId("planning-import-report").waitFor();
  }

  async reportTitle(): Promise<string> {
    return (
      (await this.page
        .getByTestId("planning-import-report")
        .locator(".ant-alert-title, .ant-alert-message")
        .first()
        .textContent()) ?? ""
    );
  }

  async issues(): Promise<PlanningIssue[]> {
    const rows = this.page.locator('[data-testid="planning-import-report"] tbody tr.ant-table-row');
    const out: PlanningIssue[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator("td");
      out.push({
        row: Number(await cells.nth(0).textContent()),
        column: (await cells.nth(1).textContent()) ?? "",
      });
    }
    return out;
  }

  /** Selects an item (the first item is preselected: then nothing is asked again). */
  /** Opens the new-record form, fills the given fields (by schema key) and saves. */
  async createRecord(values: Record<string, string>): Promise<void> {
    await this.page.getByTestId("planning-new-record").click();
    const form = this.page.getByTestId("planning-record-form");
    for (const [key, value] of Object.entries(values)) await form.locator(`#${key}`).fill(value);
    const saved = this.page.waitForResponse(
      (res) => res.url().endsWith("/api/v1/planning/records") && res.request().method() === "POST",
    );
    await this.page.locator(".ant-modal-footer .ant-btn-primary").click();
    expect200((await saved).status());
    await form.waitFor({ state: "detached" });
  }

  async recordKeys(): Promise<string[]> {
    const rows = this.page.locator('[data-testid="planning-records"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const out: string[] = [];
    for (let i = 0; i < (await rows.count()); i++)
      out.push((await rows.nth(i).locator("td").first().textContent()) ?? "");
    return out;
  }

  async chooseItem(code: string): Promise<void> {
    const select = this.page.getByTestId("planning-item");
    // The preselected item's forecast arrives first.
    await this.page.getByTestId("planning-season").waitFor();
    if (((await select.textContent()) ?? "").includes(code)) return;
    const answered = this.page.waitForResponse((res) =>
      res.url().includes(`/api/v1/planning/forecast/${code}`),
    );
    await chooseOption(this.page, this.page.getByTestId("planning-item"), code);
    await answered;
  }

  /** Waits for the forecast chart to finish drawing; returns its data point count. */
  async chartPoints(): Promise<number> {
    const chart = this.page.getByTestId("planning-forecast-chart");
    await this.page.locator('[data-testid="planning-forecast-chart"][data-rendered="true"]').waitFor();
    return Number(await chart.getAttribute("data-points"));
  }

  async seasonText(): Promise<string> {
    return (await this.page.getByTestId("planning-season").textContent()) ?? "";
  }

  async forecastRows(): Promise<number> {
    return this.page.locator('[data-testid="planning-forecast-table"] tbody tr.ant-table-row').count();
  }

  async runMrp(): Promise<void> {
    const answered = this.page.waitForResponse((res) => res.url().endsWith("/api/v1/planning/mrp"));
    await this.page.getByTestId("planning-run-mrp").click();
    await answered;
    await this.page.getByTestId("planning-planned-orders").waitFor();
  }

  /** Item codes of the planned orders on the first page of the table. */
  async plannedOrderItems(): Promise<string[]> {
    const rows = this.page.locator('[data-testid="planning-planned-orders"] > div tbody tr.ant-table-row');
    const out: string[] = [];
    for (let i = 0; i < (await rows.count()); i++)
      out.push((await rows.nth(i).locator("td").nth(1).textContent()) ?? "");
    return out;
  }

  async runInventoryPolicy(): Promise<void> {
    const answered = this.page.waitForResponse((res) =>
      res.url().includes("/api/v1/planning/inventory-policy"),
    );
    await this.page.getByTestId("planning-run-inventory").click();
    await answered;
    await this.page.getByTestId("planning-inventory-table").waitFor();
  }

  /** Item codes of the inventory-policy rows on the first page of the table. */
  async inventoryPolicyItems(): Promise<string[]> {
    return this.page
      .locator('[data-testid="planning-inventory-table"] tbody tr.ant-table-row td:first-child')
      .allTextContents();
  }
}
