import { DEFAULT_DEMO_SEED, generateDemoCluster } from "@clusterbrain/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";
import { TracePage } from "./pages/trace.page.ts";

const cluster = generateDemoCluster(DEFAULT_DEMO_SEED);
const hospitals = cluster.orgs.filter((o) => o.category === "hospital").slice(0, 3);

describe("traceability recall drill in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("Must show: a recall drill from a ferrite lot lists the hospitals; the reverse lists the component lots", async () => {
    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    try {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(demoCredentials("owner")); // 华磁, who made inductors from the ferrite lot
      await new Shell(page).waitUntilShown();
      const trace = new TracePage(page);
      await trace.goto();

      await trace.recallLot("FE-2025-0412", "forward");
      expect((await trace.hospitals()).sort()).toEqual(hospitals.map((h) => h.nameZh).sort());
      expect(await trace.deviceCount()).toBe(6);

      await trace.recallLot("HC-L2025-118", "backward");
      const lots = (await trace.lots()).join(" ");
      expect(lots).toContain("FE-2025-0412");
      expect(lots).toContain("CU-2025-0330");

      expect(await trace.openTimeline()).toBe(3);
    } finally {
      await context.close();
    }
  });
});
