import type { Page } from "playwright-core";

export const GROWTH_TAB_CHARTS = {
  micro: ["growth-dea", "growth-malmquist", "growth-topsis", "growth-peers"],
  meso: ["growth-io", "growth-coupling"],
  macro: ["growth-lisa-map", "growth-lq", "growth-shiftshare", "growth-spillover"],
} as const;
export type GrowthTab = keyof typeof GROWTH_TAB_CHARTS;

/** The growth dashboards: tabs in the URL, charts flagged by data-rendered / data-points. */
export class GrowthPage {
  constructor(private readonly page: Page) {}

  async open(tab: GrowthTab): Promise<void> {
    await this.page.goto(`/growth?tab=${tab}`);
    await this.page.locator(`[data-testid="growth-page"][data-tab="${tab}"][data-loaded="true"]`).waitFor();
    await this.page.getByTestId(`growth-${tab}`).waitFor();
  }

  async switchTo(tab: GrowthTab): Promise<void> {
    await this.page.getByTestId(`growth-tab-${tab}`).click();
    await this.page.locator(`[data-testid="growth-page"][data-tab="${tab}"][data-loaded="true"]`).waitFor();
  }

  /**
   * Data points of a chart once its canvas shows painted pixels. (Maps and heatmaps never raise
   * ECharts' "finished" event here, so the canvas itself is the proof that something was drawn.)
   */
  async chartPoints(testId: string): Promise<number> {
    const chart = this.page.getByTestId(testId);
    await chart.locator("canvas").first().waitFor();
    await this.page.waitForFunction((id) => {
      const canvas = document.querySelector(`[data-testid="${id}"] canvas`);
      if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) return false;
      const px = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!px) return false;
      for (let i = 0; i < px.length; i += 4) if (px[i + 3] !== 0 && px[i] < 200) return true;
      return false;
    }, testId);
    return Number(await chart.getAttribute("data-points"));
  }

  async meaning(figureTestId: string): Promise<string> {
    return (await this.page.getByTestId(`${figureTestId}-meaning`).textContent()) ?? "";
  }

  /**
   * Clicks a point of the LISA map given as a fraction of the drawn map's box (the schematic map is
   * square-ish and centred, drawn over 80% of the canvas height), then returns the drill-down's firms.
   */
  async drillFromMap(fx: number, fy: number): Promise<string[]> {
    const canvas = this.page.getByTestId("growth-lisa-map").locator("canvas").first();
    const box = await canvas.boundingBox();
    if (box === null) throw new Error("the LISA map has no canvas");
    const side = box.height * 0.8;
    const x = box.x + box.width / 2 + (fx - 0.5) * side;
    const y = box.y + box.height / 2 + (fy - 0.5) * side;
    await this.page.mouse.click(x, y);
    const items = this.page.getByTestId("growth-drill-item");
    await items.first().waitFor();
    return items.allTextContents();
  }

  async schematicNoteShown(): Promise<boolean> {
    return this.page.getByTestId("growth-schematic").isVisible();
  }

  async moranText(): Promise<string> {
    return (await this.page.getByTestId("growth-moran").textContent()) ?? "";
  }
}

/** The strategy workbench of the signed-in firm. */
export class StrategyPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/strategy");
    await this.page.getByTestId("strategy-page").waitFor();
  }

  /** The gap (demand − supply, 万元) of a product row, or null when withheld. */
  async gap(product: string): Promise<number | null> {
    const row = this.page.getByTestId(`strategy-gap-${product}`);
    await row.waitFor();
    const v = await row.getAttribute("data-gap");
    return v === null || v === "" ? null : Number(v);
  }

  async gapRowText(product: string): Promise<string> {
    return (await this.page.getByTestId(`strategy-gap-${product}`).textContent()) ?? "";
  }
}
