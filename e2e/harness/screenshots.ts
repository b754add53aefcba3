import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { settleCjkFont } from "./cjk-font.harness.ts";

/** Where e2e screenshots go (E2E_SCREENSHOT_DIR, default <tmp>/clusterbrain-e2e), for people to look at. */
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR ?? join(tmpdir(), "clusterbrain-e2e");

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settleCjkFont(page);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
