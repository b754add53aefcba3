import type { Page } from "playwright-core";

export class ProfilePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("profile-name").waitFor();
  }

  async name(): Promise<string> {
    return (await this.page.getByTestId("profile-name").textContent()) ?? "";
  }

  /** Labels of the facts table (统一社会信用代码, 区县 … or their English forms). */
  async factLabels(): Promise<string[]> {
    return this.page.getByTestId("profile-facts").locator(".ant-descriptions-item-label").allTextContents();
  }

  async sectionTitle(
    testId: "profile-products" | "profile-chain-nodes" | "profile-certifications",
  ): Promise<string> {
    return (await this.page.getByTestId(testId).locator(".ant-card-head-title").textContent()) ?? "";
  }

  async chainNodeTags(): Promise<string[]> {
    return this.page.getByTestId("profile-chain-node-tags").locator(".ant-tag").allTextContents();
  }
}
