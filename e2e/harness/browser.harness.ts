import { type Browser, chromium } from "playwright-core";
import { type ResolvedChromium, resolveChromium } from "./chromium-resolve.ts";

/** Flags for Chromium in a container: no sandbox, no GPU, no zygote, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--no-zygote",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let resolved: Promise<ResolvedChromium> | undefined;

/** Resolved once per process: the version probe (and, for the packaged browser, unpacking) is not free. */
export function chromiumBrowser(): Promise<ResolvedChromium> {
  resolved ??= resolveChromium();
  return resolved;
}

/**
 * Launches Chromium through playwright-core: the system one, or the packaged one when the system
 * one is absent or broken (never a downloaded browser). Playwright gives each launch a fresh
 * temporary profile directory and removes it on close.
 */
export async function launchChromium(): Promise<Browser> {
  const { executablePath } = await chromiumBrowser();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
