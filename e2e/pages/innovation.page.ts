import type { Locator, Page } from "playwright-core";

/** The innovation hub screen: listings, post form, matches drawer, contacts. */
export class InnovationPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/innovation");
    await this.page.getByTestId("innovation-page").waitFor();
    await this.listingsLoaded();
  }

  private async listingsLoaded(): Promise<void> {
    await this.page.locator('[data-testid="innovation-listings"][data-loaded="true"]').waitFor();
  }

  async post(
    kind: "demand" | "capability",
    title: string,
    description: string,
    keywords: string,
  ): Promise<void> {
    await this.page.getByTestId("innovation-post").click();
    if (kind === "capability")
      await this.page.getByTestId("innovation-post-kind").getByText("科技成果").click();
    await this.page.getByTestId("innovation-post-title").fill(title);
    await this.page.getByTestId("innovation-post-description").fill(description);
    await this.page.getByTestId("innovation-post-keywords").fill(keywords);
    await this.page.getByTestId("innovation-post-submit").click();
    await this.page.getByTestId("innovation-post-title").waitFor({ state: "detached" });
    await this.listingsLoaded();
    await this.row(title).waitFor();
  }

  /** My org's listings (open and closed). */
  async showMine(): Promise<void> {
    await this.page.getByTestId("innovation-scope").getByText("本机构").click();
    await this.listingsLoaded();
  }

  row(text: string): Locator {
    return this.page.getByTestId("innovation-listings").locator("tr", { hasText: text });
  }

  /** Opens the matches of one of my listings; resolves when they are loaded. */
  async openMatches(listingTitle: string): Promise<void> {
    await this.row(listingTitle).getByTestId("innovation-show-matches").click();
    await this.page.locator('[data-testid="innovation-matches"][data-loaded="true"]').waitFor();
  }

  match(title: string): Locator {
    return this.page.getByTestId("innovation-match").filter({ hasText: title });
  }

  async rankOf(title: string): Promise<number> {
    const titles = await this.page.getByTestId("innovation-match").allTextContents();
    return titles.findIndex((t) => t.includes(title)) + 1;
  }

  async contact(title: string, message: string): Promise<void> {
    await this.match(title).getByTestId("innovation-contact").click();
    await this.page.getByTestId("innovation-contact-message").fill(message);
    await this.page.getByTestId("innovation-contact-send").click();
    await this.match(title).getByTestId("innovation-contacted").waitFor();
  }

  async closeDrawer(): Promise<void> {
    // The drawer's own close button: Escape only reaches it while focus is inside the drawer.
    await this.page.locator(".ant-drawer-close").click();
    await this.page.getByTestId("innovation-matches").waitFor({ state: "detached" });
  }

  /** From a sent contact: opens a joint project with the other side as a member; resolves on its page. */
  async openProjectFromSentContact(about: string, projectTitle: string): Promise<string> {
    await this.page.getByTestId("innovation-tab-contacts").click();
    await this.page.locator('[data-testid="innovation-contacts"][data-loaded="true"]').waitFor();
    const row = this.page.getByTestId("innovation-contacts-sent").locator("tr", { hasText: about });
    await row.getByTestId("innovation-open-project").click();
    await this.page.getByTestId("innovation-project-title").fill(projectTitle);
    await this.page.getByTestId("innovation-project-submit").click();
    const project = this.page.locator('[data-testid="innovation-project"][data-loaded="true"]');
    await project.waitFor();
    return (await project.getAttribute("data-project-id")) ?? "";
  }
}

/** One joint project's page. */
export class ProjectPage {
  constructor(private readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/innovation/projects/${id}`);
  }

  async waitUntilShown(): Promise<void> {
    await this.page.locator('[data-testid="innovation-project"][data-loaded="true"]').waitFor();
  }

  async waitUntilMissing(): Promise<void> {
    await this.page.getByTestId("innovation-project-missing").waitFor();
  }

  async memberNames(): Promise<string[]> {
    return this.page
      .getByTestId("innovation-project-members")
      .locator("tbody tr td:first-child")
      .allTextContents();
  }

  async addMilestone(title: string, due: string): Promise<void> {
    await this.page.getByTestId("innovation-milestone-title").fill(title);
    await this.page.getByTestId("innovation-milestone-due").fill(due);
    await this.page.getByTestId("innovation-milestone-add").click();
    await this.page.getByTestId("innovation-milestone").filter({ hasText: title }).waitFor();
  }

  async completeMilestone(title: string): Promise<void> {
    const item = this.page.getByTestId("innovation-milestone").filter({ hasText: title });
    await item.getByTestId("innovation-milestone-complete").click();
    await this.page
      .locator('[data-testid="innovation-milestone"][data-status="done"]')
      .filter({ hasText: title })
      .waitFor();
  }
}
