import type { Page } from "playwright-core";

export class AuditPage {
  constructor(private readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByTestId("audit-page").waitFor();
    await this.page.locator('[data-testid="audit-table"] .ant-spin-spinning').waitFor({ state: "detached" });
  }

  /**
   * Readable action names of the rows on the current page, newest first as the server orders
   * them. Waits for the first row: the spinner may not have appeared yet when waitUntilLoaded looked.
   */
  async actions(): Promise<string[]> {
    const names = this.page.locator(
      '[data-testid="audit-table"] tbody tr.ant-table-row [data-testid="audit-action"]',
    );
    await names.first().waitFor();
    return names.allTextContents();
  }

  async rowCount(): Promise<number> {
    await this.page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').first().waitFor();
    return this.page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').count();
  }
}
