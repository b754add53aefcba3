import type { Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

/** The chain map: graph, search box, weak-link list and advice. */
export class ChainMapPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("chain-page").waitFor();
    await this.page.locator('[data-testid="chart-chain"][data-rendered="true"] canvas').first().waitFor();
  }

  /** Picks a node from the search box by its visible label. */
  async focus(label: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId("chain-search"), label, label);
  }

  async firstWeakLinkName(): Promise<string> {
    const name = this.page.getByTestId("chain-weak-list").getByTestId("weak-node-name").first();
    await name.waitFor();
    return ((await name.textContent()) ?? "").trim();
  }

  async openFirstWeakLink(): Promise<void> {
    await this.page.getByTestId("chain-weak-list").locator(".ant-list-item").first().click();
    await this.page.getByTestId("weak-link-advice").waitFor();
  }

  async adviceText(): Promise<string> {
    return (await this.page.getByTestId("weak-link-advice").textContent()) ?? "";
  }
}
