import type { Page } from "playwright-core";

/** The supplier's precision-marketing screen: segment rows and campaigns flagged by data attributes. */
export class MarketingPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/marketing");
    await this.page.locator('[data-testid="marketing-segment"][data-count]:not([data-count=""])').waitFor();
  }

  /** Sets the filter and waits until the result list shows `expected` hospitals (or any, when omitted). */
  async build(filter: { county?: string; deviceType?: string; minAge?: number }): Promise<void> {
    if (filter.county !== undefined) await this.page.getByTestId("marketing-county").fill(filter.county);
    if (filter.deviceType !== undefined)
      await this.page.getByTestId("marketing-device").fill(filter.deviceType);
    if (filter.minAge !== undefined)
      await this.page.getByTestId("marketing-min-age").locator("input").fill(String(filter.minAge));
    await this.page.getByTestId("marketing-build").click();
  }

  async hospitalIds(): Promise<string[]> {
    const rows = this.page.locator('[data-testid^="marketing-hospital-"]');
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid") ?? ""));
    return ids.map((id) => id.replace("marketing-hospital-", ""));
  }

  async createCampaign(name: string): Promise<number> {
    const before = await this.page.locator('[data-testid="marketing-campaign"]').count();
    await this.page.getByTestId("marketing-campaign-name").fill(name);
    await this.page.getByTestId("marketing-campaign-create").click();
    const row = this.page.locator('[data-testid="marketing-campaign"]').nth(before);
    await row.waitFor();
    return Number(await row.getAttribute("data-leads"));
  }

  /** Asks the owner of the channel named `channel` to share it; waits for the pending tag. */
  async requestChannel(channel: string): Promise<void> {
    await this.page.getByTestId(`channel-request-${channel}`).click();
    await this.page.locator(`[data-testid="channel-share-${channel}"][data-status="pending"]`).waitFor();
  }

  async channelShareStatus(channel: string): Promise<string> {
    const tag = this.page.getByTestId(`channel-share-${channel}`);
    await tag.waitFor();
    return (await tag.getAttribute("data-status")) ?? "";
  }

  /** Approves the pending request to share our channel named `channel`. */
  async approveShare(channel: string): Promise<void> {
    await this.page.getByTestId(`share-approve-${channel}`).click();
    await this.page.locator(`[data-testid="share-status-${channel}"][data-status="approved"]`).waitFor();
  }
}
