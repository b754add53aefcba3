import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Flags for Debian's Chromium in a container: no sandbox, no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  // Browser tests are never skipped silently: a missing browser is a failure with the fix in it.
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH).`,
    );
  }
  return path;
}

/**
 * Launches the system Chromium through playwright-core (never a downloaded browser). Playwright
 * gives each launch a fresh temporary profile directory and removes it on close.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
