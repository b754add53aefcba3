import { rm } from "node:fs/promises";
import { type RunningServer, startServer } from "@clusterbrain/server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./browser.harness.ts";
import { provideCjkFont } from "./cjk-font.harness.ts";
import { buildWeb } from "./web-build.harness.ts";

export interface E2eApp {
  baseUrl: string;
  /** The server in this process (its database, for tests that feed it directly). */
  server: RunningServer;
  browser: Browser;
  /** A fresh browser context (own cookies and localStorage) with one page, at the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * The whole product as a user meets it: the production web build, served by the real server on a
 * random port with an in-memory database holding the demo cluster, driven by Debian's Chromium.
 */
export async function startE2eApp(): Promise<E2eApp> {
  const webDist = await buildWeb();
  // `npm test` runs the tiers beside each other on two cores: a stalled event loop there is
  // contention, not overload, so delay-based shedding (tested in apps/server) stays off here.
  process.env.OVERLOAD_EVENT_LOOP_DELAY_MS ??= "0";
  // e2e runs the product's embedded defaults: several e2e servers on one external broker would
  // take one another's messages through the shared subscription. The embedded broker takes any
  // free port, never 1883.
  delete process.env.MQTT_URL;
  process.env.MQTT_PORT ??= "0";
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: "memory://",
      loadDemo: true,
      webDist,
      logLevel: "warn",
    });
    browser = await launchChromium();
  } catch (err) {
    await server?.close();
    await rm(webDist, { recursive: true, force: true });
    throw err;
  }
  const running = server;
  const chromium = browser;
  return {
    baseUrl: running.url,
    server: running,
    browser: chromium,
    newPage: async (viewport = { width: 1280, height: 900 }) => {
      const context = await chromium.newContext({ viewport, baseURL: running.url, locale: "zh-CN" });
      await provideCjkFont(context);
      // `npm test` runs the unit and database tiers beside this one on two cores: allow for a slow machine.
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      return { context, page };
    },
    close: async () => {
      await chromium.close();
      await running.close();
      await rm(webDist, { recursive: true, force: true });
    },
  };
}
