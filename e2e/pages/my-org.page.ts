import type { Page } from "playwright-core";

export class MyOrgPage {
  constructor(private readonly page: Page) {}

  /** Waits until the form holds the organisation's current profile. */
  async waitUntilLoaded(): Promise<void> {
    await this.page.getByTestId("my-org-form").waitFor();
    await this.page.waitForFunction(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="field-nameZh"]');
      return input !== null && input.value !== "";
    });
  }

  async value(field: string): Promise<string> {
    return this.page.getByTestId(`field-${field}`).inputValue();
  }

  async fill(field: string, value: string): Promise<void> {
    await this.page.getByTestId(`field-${field}`).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId("my-org-save").click();
  }

  /** The validation message shown under a field, or "" when there is none. */
  async fieldError(field: string): Promise<string> {
    const item = this.page.locator(".ant-form-item", { has: this.page.getByTestId(`field-${field}`) });
    const error = item.locator(".ant-form-item-explain-error");
    await error.first().waitFor();
    return (await error.first().textContent()) ?? "";
  }

  async waitForSaved(text: string): Promise<void> {
    await this.page.locator(".ant-message-notice", { hasText: text }).waitFor();
  }
}
