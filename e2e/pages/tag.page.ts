import type { Page } from "playwright-core";

/** A tag's page (/devices/tags/:id): latest value, live chart, range picker over the rollups. */
export class TagPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("tag-page").waitFor();
    await this.page.locator('[data-testid="tag-chart"]').waitFor();
  }

  async tagId(): Promise<string> {
    return (await this.page.getByTestId("tag-page").getAttribute("data-tag-id")) ?? "";
  }

  /** Waits until the live stream is connected. */
  async waitUntilLive(): Promise<void> {
    await this.page.locator('[data-testid="live-state"][data-state="open"]').waitFor();
  }

  /** Data items the chart holds (all series). */
  async chartPoints(): Promise<number> {
    return Number(await this.page.getByTestId("tag-chart").getAttribute("data-points"));
  }

  async latestText(): Promise<string> {
    return (await this.page.getByTestId("tag-latest").textContent()) ?? "";
  }

  /** Picks a range preset ("live", "15m", "1h", "6h", "24h", "7d", "30d") by its label. */
  async pickRange(label: string): Promise<void> {
    await this.page.getByTestId("tag-range").getByText(label, { exact: true }).click();
  }

  /** The tier the server answered the range from (raw, 1m, 1h); waits for that range's answer,
   * since the previous range's answer stays on screen while the next one loads. */
  async tierUsed(range: string): Promise<string> {
    const el = this.page.locator(`[data-testid="tag-tier-used"][data-range="${range}"]`);
    await el.waitFor();
    return (await el.getAttribute("data-tier")) ?? "";
  }
}
