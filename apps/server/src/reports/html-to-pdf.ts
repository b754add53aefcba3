import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

const run = promisify(execFile);
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const ARGS = [
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

async function starts(path: string): Promise<boolean> {
  try {
    const { stdout } = await run(path, ["--version"], { timeout: 30_000 });
    return /chrom/i.test(stdout);
  } catch {
    return false;
  }
}

let resolved: Promise<string> | undefined;

/**
 * The browser that prints reports, found as the e2e harness finds it: CHROMIUM_PATH (default
 * Debian's /usr/bin/chromium) when it starts, else the Chromium packaged in @sparticuz/chromium.
 * Nothing is ever downloaded.
 */
function chromiumPath(): Promise<string> {
  resolved ??= (async () => {
    const system = process.env.CHROMIUM_PATH || SYSTEM_CHROMIUM;
    if (await starts(system)) return system;
    const { default: sparticuz } = await import("@sparticuz/chromium");
    return sparticuz.executablePath();
  })();
  return resolved;
}

/** A printed report and each chart (`[data-chart]` element) as a PNG for the workbook. */
export interface PrintedReport {
  pdf: Buffer;
  charts: Record<string, Buffer>;
}

/** Prints a self-contained HTML page to an A4 PDF (no network: the page names no URL). */
export async function htmlToPdf(html: string): Promise<PrintedReport> {
  const browser = await chromium.launch({ executablePath: await chromiumPath(), headless: true, args: ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1.5 });
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const charts: Record<string, Buffer> = {};
    for (const el of await page.locator("[data-chart]").all()) {
      const key = await el.getAttribute("data-chart");
      if (key) charts[key] = await el.screenshot({ type: "png" });
    }
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "14mm", bottom: "14mm", left: "12mm", right: "12mm" },
    });
    return { pdf, charts };
  } finally {
    await browser.close();
  }
}
