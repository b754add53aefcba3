import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";

const ROUTE = "/__e2e-fonts/";
const FAMILY = "Noto Sans SC";
/**
 * Family names the app's stacks ask for before the generic fallback (antd's UI stack names
 * "Segoe UI"; the charts' stack names "Microsoft YaHei"): declared here as Noto Sans SC so that
 * both the DOM and the canvas find a CJK font. Only in the test browser.
 */
const ALIASES = ["Segoe UI", "Microsoft YaHei"];

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@fontsource/noto-sans-sc/400.css")), "files");
}

let css: string | undefined;
/** @fontsource's 400-weight faces (one per unicode range), pointed at the route below. */
function fontCss(): string {
  const base = readFileSync(join(fontDir(), "..", "400.css"), "utf8").replaceAll(
    "url(./files/",
    `url(${ROUTE}`,
  );
  css ??= [
    base,
    ...ALIASES.map((alias) => base.replaceAll(`font-family: '${FAMILY}'`, `font-family: '${alias}'`)),
  ].join("\n");
  return css;
}

/**
 * The browsers here have no CJK font (Debian's chromium without fonts-noto-cjk, @sparticuz's
 * none at all), so Chinese screenshots would be boxes. For screenshots only, the context gets Noto
 * Sans SC from node_modules: served on a private route, declared before the app's own styles. The
 * app's font stack names it after the system fonts real users have (PingFang, YaHei), so it is used
 * only where those are missing. Nothing of this ships in the product.
 */
export async function provideCjkFont(context: BrowserContext): Promise<void> {
  const dir = fontDir();
  await context.route(`**${ROUTE}*`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(ROUTE.length);
    if (!/^[\w.-]+\.woff2?$/.test(name)) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      contentType: name.endsWith(".woff2") ? "font/woff2" : "font/woff",
      body: readFileSync(join(dir, name)),
    });
  });
  await context.addInitScript((text: string) => {
    const add = () => {
      const style = document.createElement("style");
      style.dataset.e2eFont = "cjk";
      style.textContent = text;
      document.head.prepend(style);
    };
    if (document.head) add();
    else document.addEventListener("DOMContentLoaded", add, { once: true });
  }, fontCss());
}

/**
 * Loads every face of the font (text drawn on canvas does not trigger loading by itself) and makes
 * the charts draw again by nudging the viewport, so labels on the canvas use the font too.
 */
export async function settleCjkFont(page: Page): Promise<void> {
  const loaded = await page.evaluate(
    async (families: string[]) => {
      const faces = [...document.fonts].filter((f) => families.includes(f.family.replaceAll(/["']/g, "")));
      await Promise.all(faces.map((f) => f.load().catch(() => undefined)));
      return faces.length;
    },
    [FAMILY, ...ALIASES],
  );
  if (loaded === 0) return;
  const size = page.viewportSize();
  if (size) {
    await page.setViewportSize({ width: size.width + 1, height: size.height });
    await page.waitForTimeout(300);
    await page.setViewportSize(size);
    await page.waitForTimeout(600);
  }
}
