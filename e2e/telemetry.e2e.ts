import { existingTelemetryStorage, seedDemoTelemetry } from "@clusterbrain/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { DevicesPage } from "./pages/devices.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";
import { TagPage } from "./pages/tag.page.ts";

describe("device telemetry in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the asset tree shows the demo devices online and a tag's live chart moves as points are committed", async () => {
    const db = app.server.db.db;
    const storage = existingTelemetryStorage(db);
    if (!storage) throw new Error("the telemetry module did not start");
    const devices = await seedDemoTelemetry(db, { authenticator: storage.authenticator });
    const winder = devices.find((d) => d.machine.processType === "coil_winding");
    if (!winder) throw new Error("no demo coil winder");
    // What a broker does when the device connects: the credential checks out, the device is online.
    expect(await storage.authenticator.authenticate(winder.username, winder.password)).toEqual({
      orgId: winder.orgId,
      deviceId: winder.deviceId,
    });
    await storage.markDeviceConnection(winder.orgId, winder.deviceId, true);
    const write = (value: number) =>
      storage.writer.write({
        orgId: winder.orgId,
        deviceId: winder.deviceId,
        points: [{ tag: "tension", ts: Date.now(), value }],
      });
    await write(2.1);

    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    // Publishes a point every 200 ms while the page is open, as a connected winder would.
    let n = 0;
    const feeder = setInterval(() => void write(2.2 + 0.1 * Math.sin(n++ / 3)), 200);
    try {
      const login = new LoginPage(page);
      const shell = new Shell(page);
      const tree = new DevicesPage(page);
      const tag = new TagPage(page);
      await login.goto();
      await login.signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      await shell.navigate("devices");
      await tree.waitUntilShown();
      await tree.waitForDeviceState(winder.deviceId, "online");
      const rows = await tree.devices();
      expect(rows.length).toBe(devices.filter((d) => d.orgId === winder.orgId).length);
      const row = rows.find((r) => r.id === winder.deviceId);
      expect(row?.stateText).toBe("在线");
      expect(row?.lastSeenText).toMatch(/^最近上报 /);
      await screenshot(page, "devices-tree-zh");

      await tree.openTag("tension");
      await tag.waitUntilShown();
      await tag.waitUntilLive();
      const first = await tag.chartPoints();
      const started = Date.now();
      await page.waitForFunction(
        (before) =>
          Number(document.querySelector('[data-testid="tag-chart"]')?.getAttribute("data-points")) >=
          before + 5,
        first,
        { timeout: 30_000 },
      );
      const later = await tag.chartPoints();
      console.log(`live chart: ${first} → ${later} points in ${Date.now() - started} ms`);
      expect(later).toBeGreaterThanOrEqual(first + 5);
      expect(await tag.latestText()).toMatch(/N/);
      await screenshot(page, "tag-live-zh");

      await tag.pickRange("24 小时");
      expect(await tag.tierUsed("24h")).toBe("1m");
      await tag.pickRange("7 天");
      expect(await tag.tierUsed("7d")).toBe("1h");
    } finally {
      clearInterval(feeder);
      await context.close();
    }
  });
});
