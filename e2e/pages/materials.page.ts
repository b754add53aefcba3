import type { Locator, Page } from "playwright-core";
import { chooseOption } from "./select.helper.ts";

/** The materials screen: needs and offers, post form, matches drawer, pooled purchasing. */
export class MaterialsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/materials");
    await this.page.getByTestId("materials-page").waitFor();
    await this.listingsLoaded();
  }

  private async listingsLoaded(): Promise<void> {
    await this.page.locator('[data-testid="materials-listings"][data-loaded="true"]').waitFor();
  }

  /** Posts an open need of a category (its label as shown); resolves when it is listed under my org. */
  async postNeed(
    categoryLabel: string,
    spec: string,
    quantity: number,
    unit: string,
    byDate: string,
  ): Promise<void> {
    await this.page.getByTestId("materials-post").click();
    await chooseOption(this.page, this.page.getByTestId("materials-post-category"), categoryLabel);
    await this.page.getByTestId("materials-post-spec").fill(spec);
    await this.page.getByTestId("materials-post-quantity").fill(String(quantity));
    await this.page.getByTestId("materials-post-unit").fill(unit);
    await this.page.getByTestId("materials-post-date").fill(byDate);
    await this.page.getByTestId("materials-post-submit").click();
    await this.page.getByTestId("materials-post-spec").waitFor({ state: "detached" });
    await this.listingsLoaded();
    await this.row(spec).waitFor();
  }

  row(text: string): Locator {
    return this.page.getByTestId("materials-listings").locator("tr", { hasText: text });
  }

  async openMatches(spec: string): Promise<void> {
    await this.row(spec).getByTestId("materials-show-matches").click();
    await this.page.locator('[data-testid="materials-matches"][data-loaded="true"]').waitFor();
  }

  matches(): Locator {
    return this.page.getByTestId("materials-match");
  }

  async closeDrawer(): Promise<void> {
    await this.page.locator(".ant-drawer-close").click();
    await this.page.getByTestId("materials-matches").waitFor({ state: "detached" });
  }

  async openPool(): Promise<void> {
    await this.page.getByTestId("materials-tab-pool").click();
    await this.page.locator('[data-testid="materials-rounds"][data-loaded="true"]').waitFor();
  }

  round(title: string): Locator {
    return this.page.getByTestId("materials-rounds").locator("tr", { hasText: title });
  }

  async joinRound(title: string, quantity: number): Promise<void> {
    await this.round(title).getByTestId("round-join").click();
    await this.page.getByTestId("round-join-quantity").fill(String(quantity));
    await this.page.getByTestId("round-join-submit").click();
    await this.round(title).getByText(String(quantity)).first().waitFor();
  }
}
