import { DeviceSignals, existingTelemetryStorage, seedDemoTelemetry } from "@clusterbrain/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { LoginPage } from "./pages/login.page.ts";
import { OeePage } from "./pages/oee.page.ts";
import { Shell } from "./pages/shell.page.ts";

const SEC = 1000;

describe("OEE in Chromium", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a simulator fault that stops a machine shows up as downtime on the OEE page (overview, report, export)", async () => {
    const db = app.server.db.db;
    const storage = existingTelemetryStorage(db);
    if (!storage) throw new Error("the telemetry module did not start");
    const devices = await seedDemoTelemetry(db, { authenticator: storage.authenticator });
    const winder = devices.find((d) => d.machine.id === "demo-cw-1");
    if (!winder) throw new Error("no demo coil winder CW-01");

    const { context, page } = await app.newPage({ width: 1280, height: 900 });
    try {
      const failed: string[] = [];
      page.on("response", (res) => {
        if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
      });
      const login = new LoginPage(page);
      const shell = new Shell(page);
      const oee = new OeePage(page);
      await login.goto();
      await login.signIn(demoCredentials("owner"));
      await shell.waitUntilShown();
      await shell.navigate("oee");
      await oee.waitUntilShown();

      // The simulator's signal model plays the winder for 20 s, then a spindle fault stops it for
      // 10 minutes; its points go through the same writer MQTT ingest uses.
      const t0 = Date.now() - 20 * SEC;
      const signals = new DeviceSignals(winder.tags, 42, 0, t0);
      const points: ReturnType<DeviceSignals["step"]> = [];
      for (let ts = t0; ts <= t0 + 20 * SEC; ts += SEC) {
        if (ts === t0 + 10 * SEC) signals.stopMachine(ts, 10 * 60 * SEC, "spindle_fault");
        points.push(...signals.step(ts, ts === t0 ? 0 : SEC));
      }
      const published = Date.now();
      const r = await storage.writer.write({ orgId: winder.orgId, deviceId: winder.deviceId, points });
      expect(r.refused).toEqual([]);

      // The line overview shows the machine down with the fault's reason.
      await oee.waitForMachineState("demo-cw-1", "down");
      console.log(`fault committed → machine down on the overview: ${Date.now() - published} ms`);
      expect(await oee.stateText("demo-cw-1")).toBe("故障停机");
      await screenshot(page, "oee-lines-zh");

      // The report lists the stop (ongoing) with its reason; the week of demo history is charted.
      await oee.openReport("OEE 报表");
      const row = await oee.waitForStop("spindle_fault");
      expect(row).toContain("主轴故障");
      expect(row).toContain("进行中");
      expect(await oee.kpi("oee")).toMatch(/^\d+(\.\d)? %$/);
      expect(await oee.paretoBars()).toBeGreaterThan(3);
      await screenshot(page, "oee-report-zh");
      // Only the sign-in page's session probe answers 401; no OEE call fails, and no error is shown.
      expect(failed.filter((f) => !f.endsWith("/api/v1/auth/me"))).toEqual([]);
      expect(await page.getByTestId("error-alert").count()).toBe(0);

      // In English the same screen speaks English (reason codes translated where known).
      await shell.switchLanguage();
      await page.getByRole("tab", { name: "OEE report" }).waitFor();
      expect(await oee.waitForStop("spindle_fault")).toContain("Spindle fault");
      await screenshot(page, "oee-report-en");

      // The export follows the view and carries the stop.
      const href = await oee.exportHref();
      expect(href).toContain("lineId=demo-line");
      const file = await page.request.get(href);
      expect(file.status()).toBe(200);
      expect(file.headers()["content-type"]).toContain("spreadsheetml");
    } finally {
      await context.close();
    }
  });
});
