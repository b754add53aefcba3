import type { Locator, Page } from "playwright-core";

/** Picks an option of an antd Select by its visible text (the dropdown renders in a portal). */
export async function chooseOption(
  page: Page,
  select: Locator,
  optionText: string,
  typed?: string,
): Promise<void> {
  await select.click();
  if (typed !== undefined) await select.locator("input").fill(typed);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: optionText })
    .first()
    .click();
}

/**
 * Types into a Select that searches the server and picks the first option offered once the
 * answer for the typed text has arrived (earlier options may still be on screen); returns its text.
 */
export async function chooseFirstMatch(page: Page, select: Locator, typed: string): Promise<string> {
  await select.click();
  const answered = page.waitForResponse((res) => res.url().includes(`q=${encodeURIComponent(typed)}`));
  await select.locator("input").fill(typed);
  await answered;
  await page.waitForTimeout(200);
  const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option").first();
  await option.waitFor();
  const text = (await option.textContent()) ?? "";
  await option.click();
  return text;
}
