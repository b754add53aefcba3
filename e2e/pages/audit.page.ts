import type { Page } from "playwright-core";

export class AuditPage {
  constructor(private readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByTestId("audit-page").waitFor();
    await this.page.locator('[data-testid="audit-table"] .ant-spin-spinning').waitFor({ state: "detached" });
  }

  /**
   * Action codes of the rows on the current page, newest first as the server orders them. Waits for
   * the first row: the spinner may not have appeared yet when waitUntilLoaded looked for it.
   */
  async actions(): Promise<string[]> {
    const codes = this.page.locator(
      '[data-testid="audit-table"] tbody tr.ant-table-row td:nth-child(4) code',
    );
    await codes.first().waitFor();
    return codes.allTextContents();
  }
}
