import { createHmac, randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { defaultConfig } from "../../config/config.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import type { AlarmMessage } from "../monitoring/alarm-channels.ts";
import { MonitoringRepository } from "../monitoring/monitoring.repository.ts";
import { channelDispatcher } from "./alarm-ops.routes.ts";
import { startRobotSink, startSmtpSink } from "./notification-sinks.test-support.ts";

const API = "/api/v1/monitoring";
const SECRET = "SECdingtalk0123456789abcdef";
const TOKEN = "robot-token-4f1d";
/** 20:00 in Shanghai. */
const START = Date.parse("2026-12-07T12:00:00.000Z");

const byId = (
  items: { id: string; held: number; lastError: string | null; recipients: string[] }[],
  id: string,
) => {
  const c = items.find((x) => x.id === id);
  if (!c) throw new Error(`channel ${id} not listed`);
  return c;
};

const message = (now: number, priority: string, tagKey: string): AlarmMessage => ({
  alarmId: randomUUID(),
  orgId: IDS.a,
  tagKey,
  unit: "kPa",
  priority,
  state: "unack",
  value: 5.4,
  raisedAt: new Date(now).toISOString(),
  escalation: false,
});

describeEachDatabase(
  "alarm operations: per-org channels, quiet hours, flood and chattering, export",
  (getDb) => {
    let app: FastifyInstance;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    let robot: Awaited<ReturnType<typeof startRobotSink>>;
    let admin: Session;
    let member: Session;
    // Per database: the suites of both databases may run side by side.
    let now = START;
    const clock = () => new Date(now);

    beforeAll(async () => {
      smtp = await startSmtpSink();
      robot = await startRobotSink();
      await seedCluster(getDb().db);
      const sessionSecret = "test-secret-0123456789-0123456789-abcdef";
      const base = defaultConfig({ sessionSecret });
      app = await buildApp({
        db: getDb().db,
        sessionSecret,
        logLevel: "silent",
        now: clock,
        config: {
          ...base,
          alarms: { ...base.alarms, smtpUrl: smtp.url, emailFrom: "alarms@cb.test", escalateMinutes: 0 },
        },
      });
      await app.ready();
      admin = await login(app, EMAILS.aAdmin);
      member = await login(app, EMAILS.aMember);
    });
    afterAll(async () => {
      await app.close();
      await smtp.close();
      await robot.close();
    });

    let mailId = "";
    let dingId = "";
    it("an admin configures channels per priority; secrets and webhook tokens are never returned; members may not", async () => {
      const mail = await call(app, admin, "POST", `${API}/channels`, {
        kind: "email",
        name: "值班邮件",
        priorities: ["high", "critical"],
        recipients: ["Ops@A.test", "lead@a.test"],
      });
      expect(mail.statusCode, mail.body).toBe(200);
      mailId = mail.json().id;
      const ding = await call(app, admin, "POST", `${API}/channels`, {
        kind: "dingtalk",
        name: "车间钉钉群",
        priorities: ["low", "medium", "high", "critical"],
        webhookUrl: `${robot.base}/robot/send?access_token=${TOKEN}`,
        secret: SECRET,
      });
      expect(ding.statusCode, ding.body).toBe(200);
      dingId = ding.json().id;
      expect(ding.json()).toMatchObject({ hasSecret: true, webhookOrigin: robot.base, held: 0 });

      const list = await call(app, member, "GET", `${API}/channels`);
      expect(list.statusCode).toBe(200);
      expect(list.json().smtpConfigured).toBe(true);
      // Both were created at the test clock's one instant: their order is the ids', so look them up by name.
      const items = list.json().items as { name: string; recipients: string[] }[];
      expect(items.map((c) => c.name).sort()).toEqual(["值班邮件", "车间钉钉群"].sort());
      expect(items.find((c) => c.name === "值班邮件")?.recipients).toEqual(["ops@a.test", "lead@a.test"]);
      expect(list.body).not.toContain(SECRET);
      expect(list.body).not.toContain(TOKEN);

      // An update without webhook and secret keeps them; "" removes the secret.
      const kept = await call(app, admin, "PUT", `${API}/channels/${dingId}`, {
        kind: "dingtalk",
        name: "车间钉钉群",
        priorities: ["low", "medium", "high", "critical"],
      });
      expect(kept.json()).toMatchObject({ hasSecret: true, webhookOrigin: robot.base });

      const bad = [
        { kind: "email", name: "x", priorities: ["high"], recipients: [] },
        { kind: "wecom", name: "x", priorities: ["high"] },
        { kind: "email", name: "x", priorities: [], recipients: ["a@a.test"] },
        { kind: "email", name: "x", priorities: ["high"], recipients: ["a@a.test"], quietStart: "22:00" },
        { kind: "email", name: "x", priorities: ["high"], recipients: ["a@a.test"], timeZone: "Mars/Base" },
        { kind: "feishu", name: "x", priorities: ["high"], webhookUrl: "ftp://x.test/hook" },
      ];
      for (const body of bad)
        expect((await call(app, admin, "POST", `${API}/channels`, body)).statusCode).toBe(400);
      expect(
        (await call(app, member, "POST", `${API}/channels`, { ...bad[0], recipients: ["a@a.test"] }))
          .statusCode,
      ).toBe(403);
      expect((await call(app, member, "POST", `${API}/channels/${mailId}/test`)).statusCode).toBe(403);
      expect((await call(app, admin, "POST", `${API}/channels/nope/test`)).statusCode).toBe(404);
      expect((await call(app, admin, "DELETE", `${API}/channels/nope`)).statusCode).toBe(404);
      const audit = JSON.stringify((await call(app, admin, "GET", `/api/v1/audit?orgId=${IDS.a}`)).json());
      expect(audit).toContain("alarm_channel.created");
      expect(audit).not.toContain(SECRET);
    });

    it("the test button sends through the channel: e-mail to the recipients, DingTalk signed", async () => {
      const t1 = await call(app, admin, "POST", `${API}/channels/${mailId}/test`);
      expect(t1.json()).toEqual({ ok: true, error: null });
      expect(smtp.mails.at(-1)?.to).toEqual(["ops@a.test", "lead@a.test"]);
      const t2 = await call(app, admin, "POST", `${API}/channels/${dingId}/test`);
      expect(t2.json()).toEqual({ ok: true, error: null });
      const url = new URL(robot.hooks.at(-1)?.url ?? "", robot.base);
      expect(url.searchParams.get("access_token")).toBe(TOKEN);
      const sign = createHmac("sha256", SECRET).update(`${now}\n${SECRET}`).digest("base64");
      expect(url.searchParams.get("sign")).toBe(sign);
      // A robot that refuses is an answer, not a server error.
      const dead = await call(app, admin, "POST", `${API}/channels`, {
        kind: "wecom",
        name: "dead",
        priorities: ["high"],
        webhookUrl: "http://127.0.0.1:9/cgi-bin/webhook/send?key=k",
      });
      const t3 = await call(app, admin, "POST", `${API}/channels/${dead.json().id}/test`);
      expect(t3.statusCode).toBe(200);
      expect(t3.json().ok).toBe(false);
      expect(
        byId((await call(app, admin, "GET", `${API}/channels`)).json().items, dead.json().id).lastError,
      ).toBeTruthy();
      expect((await call(app, admin, "DELETE", `${API}/channels/${dead.json().id}`)).json()).toEqual({
        ok: true,
      });
    });

    it("priorities route alarms; in quiet hours low priority is held and summarised after, high always goes through", async () => {
      const d = channelDispatcher({
        db: getDb().db,
        config: defaultConfig({ sessionSecret: "x" }),
        now: clock,
      });
      const mails = smtp.mails.length;
      const hooks = robot.hooks.length;
      await d.dispatch(message(now, "low", "TT-low-1"));
      // Low goes to DingTalk only (the e-mail channel takes high and critical).
      expect(smtp.mails.length).toBe(mails);
      expect(robot.hooks.length).toBe(hooks + 1);

      // Quiet 19:00–07:00 Shanghai (now is 20:00 there).
      const quiet = await call(app, admin, "PUT", `${API}/channels/${dingId}`, {
        kind: "dingtalk",
        name: "车间钉钉群",
        priorities: ["low", "medium", "high", "critical"],
        quietStart: "19:00",
        quietEnd: "07:00",
      });
      expect(quiet.statusCode, quiet.body).toBe(200);
      await d.dispatch(message(now, "low", "TT-low-2"));
      await d.dispatch(message(now, "medium", "TT-medium-3"));
      expect(robot.hooks.length).toBe(hooks + 1);
      await d.dispatch(message(now, "critical", "TT-critical-4"));
      expect(robot.hooks.length).toBe(hooks + 2);
      expect(smtp.mails.length).toBe(mails + 1);
      expect(byId((await call(app, admin, "GET", `${API}/channels`)).json().items, dingId).held).toBe(2);
      // Still quiet: nothing summarised.
      expect(await d.summarise()).toBe(0);

      now = Date.parse("2026-12-08T00:00:00.000Z"); // 08:00 in Shanghai
      // Sessions last 12 hours: sign in again on the new day.
      admin = await login(app, EMAILS.aAdmin);
      member = await login(app, EMAILS.aMember);
      expect(await d.summarise()).toBe(1);
      const summary = robot.hooks.at(-1)?.body.markdown as { title: string; text: string };
      expect(summary.title).toContain("2");
      expect(summary.text).toContain("TT-low-2");
      expect(summary.text).toContain("TT-medium-3");
      expect(summary.text).not.toContain("TT-critical-4");
      expect(byId((await call(app, admin, "GET", `${API}/channels`)).json().items, dingId).held).toBe(0);
      expect(await d.summarise()).toBe(0);
    });

    it("the flood view: rate per operator-hour with its EEMUA band, bad actors, chattering with suggestions; export follows the filters", async () => {
      const repo = new MonitoringRepository(getDb().db);
      const t0 = now - 2 * 3_600_000;
      const insert = (
        tagId: string,
        occurrence: number,
        at: number,
        activeMs: number,
        priority: "low" | "high",
      ) =>
        repo.insertAlarm({
          orgId: IDS.a,
          id: randomUUID(),
          tagId,
          occurrence,
          priority,
          state: "normal",
          active: false,
          raisedAt: new Date(at),
          clearedAt: new Date(at + activeMs),
          value: 100 + occurrence,
          score: 1,
          sources: ["shewhart"],
          updatedAt: new Date(now),
        });
      // A chattering tag: 5 raises 12 s apart, each active 3 s; a quiet tag: 2 raises an hour apart.
      for (let i = 0; i < 5; i++) await insert("tag-chatter", i + 1, t0 + i * 12_000, 3_000, "low");
      for (let i = 0; i < 2; i++) await insert("tag-calm", i + 1, t0 + i * 3_600_000, 600_000, "high");

      const r = await call(app, member, "GET", `${API}/flood?hours=4`);
      expect(r.statusCode, r.body).toBe(200);
      const f = r.json();
      expect(f.total).toBe(7);
      expect(f.perOperatorHour).toBeCloseTo(7 / 4);
      expect(f.band).toBe("very_likely_acceptable");
      expect(f.badActors.map((b: { tagId: string }) => b.tagId)).toEqual(["tag-chatter", "tag-calm"]);
      expect(f.chattering).toHaveLength(1);
      expect(f.chattering[0]).toMatchObject({
        tagId: "tag-chatter",
        raises: 5,
        maxIn60s: 5,
        medianActiveSeconds: 3,
        medianGapSeconds: 9,
        suggestedOnDelaySeconds: 5,
        suggestedOffDelaySeconds: 10,
      });
      expect(f.chattering[0].suggestedDeadband).toBeGreaterThan(0);
      const two = (await call(app, member, "GET", `${API}/flood?hours=4&operators=2`)).json();
      expect(two.perOperatorHour).toBeCloseTo(7 / 8);
      expect((await call(app, member, "GET", `${API}/flood?hours=0`)).statusCode).toBe(400);

      const x = await call(app, member, "GET", `${API}/alarms/export?priority=high`);
      expect(x.statusCode).toBe(200);
      expect(x.headers["content-type"]).toContain("spreadsheetml");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet.rowCount).toBe(3); // header + the 2 high-priority alarms
      const all = await call(app, member, "GET", `${API}/alarms/export`);
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
      expect(wb2.worksheets[0].rowCount).toBe(8);
      const bOwner = await login(app, EMAILS.bOwner);
      const bx = await call(app, bOwner, "GET", `${API}/alarms/export`);
      const wb3 = new ExcelJS.Workbook();
      await wb3.xlsx.load(bx.rawPayload as unknown as ArrayBuffer);
      expect(wb3.worksheets[0].rowCount).toBe(1);
      expect(
        (
          await call(
            app,
            member,
            "GET",
            `${API}/alarms/export?from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z`,
          )
        ).statusCode,
      ).toBe(400);
    });
  },
);
