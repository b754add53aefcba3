import { syntheticStream } from "@clusterbrain/engine/monitor";
import { existingTelemetryStorage, seedDemoTelemetry } from "@clusterbrain/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { AlarmsPage } from "./pages/alarms.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

const MIN = 60_000;

describe("alarms in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a fault injected on a tag raises an alarm that appears in the list, is acknowledged there, and the SPC chart marks it", async () => {
    const db = app.server.db.db;
    const storage = existingTelemetryStorage(db);
    if (!storage) throw new Error("the telemetry module did not start");
    const devices = await seedDemoTelemetry(db, { authenticator: storage.authenticator });
    const winder = devices.find((d) => d.machine.processType === "coil_winding");
    if (!winder) throw new Error("no demo coil winder");
    // A day of in-control history (1/min), as the detector learns it, ending an hour ago.
    const stream = syntheticStream("pressure", null, 5, { length: 1440 });
    const now = Date.now();
    const start = now - 1500 * MIN;
    const write = async (values: readonly number[], from: number) => {
      for (let i = 0; i < values.length; i += 480) {
        const points = values
          .slice(i, i + 480)
          .map((value, k) => ({ tag: "tension", ts: from + (i + k) * MIN, value }));
        const r = await storage.writer.write({ orgId: winder.orgId, deviceId: winder.deviceId, points });
        expect(r.refused).toEqual([]);
      }
    };
    await write(Array.from(stream.values), start);

    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    try {
      const login = new LoginPage(page);
      const shell = new Shell(page);
      const alarms = new AlarmsPage(page);
      await login.goto();
      await login.signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      await shell.navigate("alarms");
      await alarms.waitUntilShown();

      // The fault: the tension jumps by 10 in-control standard deviations (while the screen is open).
      const published = Date.now();
      const fault = Array.from(stream.values.subarray(1380, 1440), (v) => v + 0.5);
      await write(fault, now - 59 * MIN);
      const id = await alarms.waitForAlarm("unack");
      console.log(`fault committed → alarm in the list: ${Date.now() - published} ms`);
      expect(await alarms.stateText(id)).toBe("未确认");
      await screenshot(page, "alarms-list-zh");

      await alarms.acknowledge(id);
      await alarms.waitForState(id, "acked");
      expect(await alarms.stateText(id)).toBe("已确认");

      // The SPC chart of the tag marks the fault's readings as rule violations.
      const violations = await alarms.spcViolations("SPC 控制图", "tension");
      expect(violations).toBeGreaterThan(10);
      await screenshot(page, "alarms-spc-zh");

      // The cluster benchmark tab answers (the demo tags' figures, withheld below 3 granting firms).
      await page.getByRole("tab", { name: "集群对标" }).click();
      await page.getByTestId("benchmark-table").waitFor();
    } finally {
      await context.close();
    }
  });
});
