// npm test runs browser tests; they must never be skipped silently, so fail fast and say how to fix it.
// Launching once here also unpacks the packaged browser before the test tiers compete for the CPU.
import { chromiumBrowser, launchChromium } from "../e2e/harness/browser.harness.ts";

try {
  const found = await chromiumBrowser();
  const browser = await launchChromium();
  await browser.close();
  if (found.skipped) console.log(`browser tests: ${found.skipped}; using the packaged Chromium`);
  console.log(`browser tests: ${found.version} (${found.source}) at ${found.executablePath}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
