import { syntheticStream } from "@clusterbrain/engine/monitor";
import { existingTelemetryStorage, seedDemoTelemetry } from "@clusterbrain/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mailBody,
  startRobotSink,
  startSmtpSink,
  waitFor,
} from "../apps/server/src/modules/alarm-ops/notification-sinks.test-support.ts";
import { type E2eApp, startE2eApp } from "./harness/app.harness.ts";
import { demoCredentials } from "./harness/demo-users.ts";
import { screenshot } from "./harness/screenshots.ts";
import { AlarmsPage } from "./pages/alarms.page.ts";
import { LoginPage } from "./pages/login.page.ts";
import { Shell } from "./pages/shell.page.ts";

const MIN = 60_000;

describe("alarms in Chromium", () => {
  let app: E2eApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let robot: Awaited<ReturnType<typeof startRobotSink>>;
  beforeAll(async () => {
    // The platform's SMTP server is the test's (port 0); the org picks recipients on the screen.
    smtp = await startSmtpSink();
    robot = await startRobotSink();
    process.env.SMTP_URL = smtp.url;
    process.env.ALARM_EMAIL_FROM = "alarms@cluster.test";
    try {
      app = await startE2eApp();
    } finally {
      delete process.env.SMTP_URL;
      delete process.env.ALARM_EMAIL_FROM;
    }
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await robot?.close();
  });

  it("a fault injected on a tag raises an alarm that appears in the list, is acknowledged there, the SPC chart marks it, and the channels set on the screen deliver it by e-mail and robot", async () => {
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

      // The owner sets up the org's channels on the screen: e-mail and a signed DingTalk robot.
      await alarms.openTab("通知渠道");
      await alarms.addChannel({ kindLabel: "邮件", name: "值班邮件", recipients: "duty@winder.test" });
      await alarms.addChannel({
        kindLabel: "钉钉",
        name: "车间钉钉群",
        webhook: `${robot.base}/robot/send?access_token=e2e-token`,
        secret: "SECe2e0123456789",
      });
      expect(await alarms.testChannel("值班邮件")).toBe("测试已送达");
      expect(smtp.mails.map((m) => m.to)).toEqual([["duty@winder.test"]]);
      await screenshot(page, "alarms-channels-zh");
      expect(await page.content()).not.toContain("SECe2e0123456789");
      await alarms.openTab("报警列表");
      await alarms.waitUntilShown();

      // The fault: the tension jumps by 10 in-control standard deviations (while the screen is open).
      const published = Date.now();
      const fault = Array.from(stream.values.subarray(1380, 1440), (v) => v + 0.5);
      await write(fault, now - 59 * MIN);
      const id = await alarms.waitForAlarm("unack");
      console.log(`fault committed → alarm in the list: ${Date.now() - published} ms`);
      // The alarm reaches the e-mail recipients and the robot (signed) through the org's channels.
      const mail = await waitFor("the alarm e-mail", () =>
        smtp.mails.find((m) => mailBody(m.raw).includes("tension")),
      );
      expect(mail.to).toEqual(["duty@winder.test"]);
      const hook = await waitFor("the robot webhook", () =>
        robot.hooks.find((h) => JSON.stringify(h.body).includes("tension")),
      );
      const hookUrl = new URL(hook.url, robot.base);
      expect(hookUrl.searchParams.get("access_token")).toBe("e2e-token");
      expect(hookUrl.searchParams.get("sign")).toBeTruthy();
      expect(hook.body).toMatchObject({ msgtype: "markdown" });
      console.log(
        `fault committed → e-mail received ${mail.at - published} ms, robot webhook ${hook.at - published} ms`,
      );
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
