import type { Page } from "playwright-core";

/** The OEE screen (/oee): line overview, the report with its downtime table, the benchmark. */
export class OeePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("oee-page").waitFor();
    await this.page.getByTestId("oee-lines").waitFor();
  }

  /** The state a machine shows on the line overview (after a refresh), e.g. "down". */
  async machineState(machineId: string): Promise<string> {
    await this.page.getByTestId("oee-lines-refresh").click();
    const row = this.page.locator(`tr[data-machine-id="${machineId}"]`);
    await row.waitFor();
    return (await row.getAttribute("data-state")) ?? "";
  }

  async waitForMachineState(machineId: string, state: string): Promise<void> {
    await this.page.getByTestId("oee-lines-refresh").click();
    await this.page.locator(`tr[data-machine-id="${machineId}"][data-state="${state}"]`).waitFor();
  }

  async stateText(machineId: string): Promise<string> {
    return (
      (await this.page
        .locator(`tr[data-machine-id="${machineId}"]`)
        .getByTestId("oee-state")
        .textContent()) ?? ""
    );
  }

  async openReport(tabLabel: string): Promise<void> {
    await this.page.getByRole("tab", { name: tabLabel }).click();
    await this.page.getByTestId("oee-report").waitFor();
    await this.page.locator('[data-testid="oee-trend"][data-rendered="true"]').waitFor();
  }

  /** Refreshes the report and waits for a stop with this reason code in the downtime table; returns its row text. */
  async waitForStop(reason: string): Promise<string> {
    await this.page.getByTestId("oee-refresh").click();
    const row = this.page.locator(`[data-testid="oee-downtime-table"] tr[data-reason="${reason}"]`).first();
    await row.waitFor();
    return (await row.textContent()) ?? "";
  }

  async kpi(name: "oee" | "availability" | "performance" | "quality"): Promise<string> {
    return (await this.page.getByTestId(`oee-kpi-${name}`).textContent()) ?? "";
  }

  async paretoBars(): Promise<number> {
    const chart = this.page.locator('[data-testid="oee-pareto"][data-rendered="true"]');
    await chart.waitFor();
    return Number(await chart.getAttribute("data-points"));
  }

  async exportHref(): Promise<string> {
    return (await this.page.getByTestId("oee-export").getAttribute("href")) ?? "";
  }
}
