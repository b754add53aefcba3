import type { Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

export const DASHBOARD_CHARTS = ["chart-firms-per-node", "chart-indicators", "chart-districts"] as const;

export interface ChartState {
  points: number;
  width: number;
  height: number;
  /** Canvas pixels that are not transparent or white: proof something was drawn. */
  paintedPixels: number;
}

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("dashboard-page").waitFor();
  }

  async waitForChart(testId: string): Promise<void> {
    await this.page.locator(`[data-testid="${testId}"][data-rendered="true"] canvas`).first().waitFor();
  }

  /** Reads what a chart holds and how much of its canvas is painted. */
  async chartState(testId: string): Promise<ChartState> {
    await this.waitForChart(testId);
    // Give ECharts' entry animation time to finish so the pixels are final.
    await this.page.waitForTimeout(1200);
    return this.page.evaluate((id) => {
      const root = document.querySelector(`[data-testid="${id}"]`);
      const canvas = root?.querySelector("canvas");
      if (!(root instanceof HTMLElement) || !(canvas instanceof HTMLCanvasElement)) {
        return { points: 0, width: 0, height: 0, paintedPixels: 0 };
      }
      const box = canvas.getBoundingClientRect();
      const ctx = canvas.getContext("2d");
      let painted = 0;
      if (ctx !== null && canvas.width > 0 && canvas.height > 0) {
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < pixels.length; i += 4) {
          const isBlankish =
            pixels[i + 3] === 0 || (pixels[i] > 245 && pixels[i + 1] > 245 && pixels[i + 2] > 245);
          if (!isBlankish) painted++;
        }
      }
      return {
        points: Number(root.dataset.points ?? 0),
        width: box.width,
        height: box.height,
        paintedPixels: painted,
      };
    }, testId);
  }

  async kpi(testId: "kpi-orgs" | "kpi-firms" | "kpi-nodes" | "kpi-weak"): Promise<number> {
    const text = await this.page.getByTestId(testId).locator(".ant-statistic-content-value").textContent();
    return Number((text ?? "").replace(/[^\d.]/g, ""));
  }

  /** Chooses a chain node in the dashboard's filter bar, waiting for the figures to follow. */
  async filterByNode(label: string): Promise<void> {
    const answered = this.page.waitForResponse(
      (r) => r.url().includes("/stats/overview?") && r.url().includes("chainNode="),
    );
    await chooseOption(this.page, this.page.getByTestId("filter-node"), label, label);
    await answered;
  }

  /** Opens the directory behind the "firms" tile (the drill-down of the current filters). */
  async openFirms(): Promise<void> {
    await this.page.getByTestId("kpi-firms").click();
  }

  async asOfShown(): Promise<string> {
    const asOf = this.page.getByTestId("as-of").first();
    await asOf.waitFor();
    return (await asOf.textContent()) ?? "";
  }

  async tileText(testId: "kpi-revenue" | "kpi-rd" | "kpi-employees" | "kpi-energy"): Promise<string> {
    const tile = this.page.getByTestId(testId);
    await tile.waitFor();
    return (await tile.textContent()) ?? "";
  }

  async topFirmCount(): Promise<number> {
    await this.page.getByTestId("top-firms").locator("tbody tr.ant-table-row").first().waitFor();
    return this.page.getByTestId("top-firms").locator("tbody tr.ant-table-row").count();
  }

  async title(): Promise<string> {
    return (await this.page.getByTestId("dashboard-page").locator("h3").first().textContent()) ?? "";
  }
}
