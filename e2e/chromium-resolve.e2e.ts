import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "./harness/browser.harness.ts";
import { resolveChromium } from "./harness/chromium-resolve.ts";

// `npm ci && npm test` must work without Debian's chromium: a system browser that does not start
// is passed over for the one packaged in @sparticuz/chromium.
describe("choosing the browser for the e2e tier", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cb-chromium-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("falls back to the packaged Chromium when CHROMIUM_PATH does not exist, and that browser renders", async () => {
    const found = await resolveChromium({ CHROMIUM_PATH: join(dir, "nonexistent") });
    expect(found.source).toBe("packaged");
    expect(found.skipped).toContain("nonexistent");
    expect(found.version).toMatch(/^Chromium \d+\./);

    const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent("<p id=t></p><script>document.getElementById('t').textContent = 6 * 7</script>");
      expect(await page.textContent("#t")).toBe("42");
    } finally {
      await browser.close();
    }
  });

  it("treats a leftover wrapper script whose binary is gone as absent", async () => {
    const wrapper = join(dir, "chromium");
    await writeFile(wrapper, `#!/bin/sh\nexec ${join(dir, "lib", "chromium")} "$@"\n`);
    await chmod(wrapper, 0o755);
    const found = await resolveChromium({ CHROMIUM_PATH: wrapper });
    expect(found.source).toBe("packaged");
    expect(found.skipped).toContain(wrapper);
  });

  it("keeps a system browser that starts", async () => {
    const packaged = await resolveChromium({ CHROMIUM_PATH: join(dir, "nonexistent") });
    // The packaged binary itself stands in for "a system browser at CHROMIUM_PATH that starts".
    const found = await resolveChromium({ CHROMIUM_PATH: packaged.executablePath });
    expect(found).toMatchObject({ source: "system", executablePath: packaged.executablePath });
    expect(found.skipped).toBeUndefined();
  });
});
