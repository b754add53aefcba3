import type { Page } from "playwright-core";

export interface DirectoryRow {
  name: string;
  text: string;
}

export class DirectoryPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId("directory-page").waitFor();
  }

  /** Types a query and waits for the table to show its answer. */
  async search(text: string): Promise<void> {
    const box = this.page.getByTestId("directory-search").locator("input");
    await box.fill(text);
    const answered = this.page.waitForResponse(
      (res) => res.url().includes("/api/v1/orgs?") && res.url().includes(`q=${encodeURIComponent(text)}`),
    );
    await box.press("Enter");
    await answered;
    await this.page
      .locator('[data-testid="directory-table"] .ant-spin-spinning')
      .waitFor({ state: "detached" });
  }

  async rows(): Promise<DirectoryRow[]> {
    const rows = this.page.getByTestId("directory-row");
    const n = await rows.count();
    const out: DirectoryRow[] = [];
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      out.push({
        name: (await row.getByTestId("directory-org-link").textContent()) ?? "",
        text: (await row.textContent()) ?? "",
      });
    }
    return out;
  }

  async total(): Promise<string> {
    return (await this.page.getByTestId("directory-total").textContent()) ?? "";
  }

  async openRow(index: number): Promise<string> {
    const link = this.page.getByTestId("directory-org-link").nth(index);
    const name = (await link.textContent()) ?? "";
    await link.click();
    return name;
  }
}
