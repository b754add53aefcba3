import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";

export const WEB_ROOT = resolve(import.meta.dirname, "../../apps/web");

/**
 * Builds the web app with its own vite.config.ts into a fresh temporary folder, so a test run
 * never overwrites the apps/web/dist that `npm start` serves.
 */
export async function buildWeb(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "clusterbrain-web-"));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; test
  // what users get instead.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
