import type { LiveEvent } from "@clusterbrain/contracts";
import { syntheticStream } from "@clusterbrain/engine/monitor";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { LiveHub } from "../live/live.hub.ts";
import { existingTelemetryStorage } from "../telemetry/telemetry.storage.ts";
import { createTestDevice, type TestDevice } from "../telemetry/telemetry.test-support.ts";
import { type AlarmChannel, type AlarmMessage, AlarmNotifier } from "./alarm-channels.ts";
import { monitoringRuntime } from "./monitoring.routes.ts";
import { MonitoringRuntime } from "./monitoring.runtime.ts";

const API = "/api/v1/monitoring";
const MIN = 60_000;
const LEARN = 1440;
const NOW = Date.parse("2026-12-07T12:00:00.000Z");
// In-control pressure for a day, then what the test appends (timestamps end near NOW).
const stream = syntheticStream("pressure", null, 11, { length: 3000, learn: LEARN });
const T0 = NOW - 2 * 24 * 60 * MIN;
/** The in-control standard deviation of the synthetic pressure (engine synthetic-streams: 5 ± 0.05). */
const sd = 0.05;

describeEachDatabase("monitoring: early warning on the live stream, ISA-18.2 alarms", (getDb) => {
  const sent: AlarmMessage[] = [];
  const capture: AlarmChannel = {
    name: "capture",
    send: async (m) => {
      sent.push(m);
    },
    deliver: async () => {},
  };
  let app: FastifyInstance;
  let member: Session;
  let dev: TestDevice;
  let next = 0;
  const clock = () => new Date(NOW);
  const write = async (values: readonly number[]) => {
    const storage = existingTelemetryStorage(getDb().db);
    if (!storage) throw new Error("no telemetry storage");
    for (let i = 0; i < values.length; i += 480) {
      const points = values
        .slice(i, i + 480)
        .map((value, k) => ({ tag: "pressure", ts: T0 + (next + i + k) * MIN, value }));
      const r = await storage.writer.write({ orgId: IDS.a, deviceId: dev.deviceId, points });
      expect(r.refused).toEqual([]);
    }
    next += values.length;
    await monitoringRuntime({ db: getDb().db, live: new LiveHub(), now: clock }).idle();
  };

  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: clock });
    member = await login(app, EMAILS.aMember);
    dev = await createTestDevice(getDb().db, IDS.a, "mon", [
      { key: "pressure", dataType: "number", unit: "kPa" },
      { key: "state", dataType: "string" },
    ]);
  });
  afterAll(() => app.close());

  it("learns a tag's baseline from its own history and shows the expected false-alarm rate", async () => {
    await write(Array.from(stream.values.subarray(0, 600)));
    let d = (await call(app, member, "GET", `${API}/detectors`)).json().items;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      tagKey: "pressure",
      status: "learning",
      targetArl: 10_000,
      learnedPoints: 600,
    });
    await write(Array.from(stream.values.subarray(600, LEARN)));
    d = (await call(app, member, "GET", `${API}/detectors`)).json().items;
    expect(d[0]).toMatchObject({ status: "ready", targetArl: 10_000 });
    expect(d[0].chosen).not.toBeNull();
    expect(d[0].expectedFalseAlarmsPer10k).toBeLessThan(1);
    expect(d[0].sources.length).toBeGreaterThan(0);
    // More in-control data: no alarm.
    await write(Array.from(stream.values.subarray(LEARN, LEARN + 300)));
    expect((await call(app, member, "GET", `${API}/alarms`)).json().items).toEqual([]);
  });

  it("an admin changes a tag's target run length: the detector re-learns; members may not; string tags have none", async () => {
    const url = `${API}/detectors/${dev.tagIds.pressure}`;
    expect((await call(app, member, "PUT", url, { targetArl: 50_000 })).statusCode).toBe(403);
    expect((await call(app, member, "PUT", url, { targetArl: 5 })).statusCode).toBe(400);
    const admin = await login(app, EMAILS.aAdmin);
    const before = (await call(app, admin, "GET", `${API}/detectors`)).json().items[0];
    const res = await call(app, admin, "PUT", url, { targetArl: 100_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "ready", targetArl: 100_000 });
    expect(res.json().expectedFalseAlarmsPer10k).toBeLessThan(before.expectedFalseAlarmsPer10k);
    const back = await call(app, admin, "PUT", url, { targetArl: 10_000 });
    expect(back.json()).toMatchObject({ status: "ready", targetArl: 10_000 });
    expect(
      (await call(app, admin, "PUT", `${API}/detectors/${dev.tagIds.state}`, { targetArl: 10_000 }))
        .statusCode,
    ).toBe(400);
    expect((await call(app, admin, "PUT", `${API}/detectors/nope`, { targetArl: 10_000 })).statusCode).toBe(
      404,
    );
    expect(JSON.stringify((await call(app, admin, "GET", `/api/v1/audit?orgId=${IDS.a}`)).json())).toContain(
      "detector.configured",
    );
  });

  let alarmId = "";
  it("a level shift raises one alarm (audited, notified) however long it lasts", async () => {
    const shifted = Array.from(stream.values.subarray(LEARN + 300, LEARN + 500), (v) => v + 6 * sd);
    await write(shifted);
    const items = (await call(app, member, "GET", `${API}/alarms`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      tagKey: "pressure",
      unit: "kPa",
      state: "unack",
      active: true,
      occurrence: 1,
    });
    expect(Date.parse(items[0].raisedAt)).toBeGreaterThanOrEqual(T0 + (LEARN + 300) * MIN);
    alarmId = items[0].id;
    const notes = (await call(app, member, "GET", "/api/v1/notifications")).json().items;
    expect(
      notes.some(
        (n: { kind: string; params: Record<string, string> }) =>
          n.kind === "alarm.raised" && n.params.alarmId === alarmId,
      ),
    ).toBe(true);
    const admin = await login(app, EMAILS.aAdmin);
    const audit = (await call(app, admin, "GET", `/api/v1/audit?orgId=${IDS.a}`)).json();
    expect(JSON.stringify(audit)).toContain("alarm.raised");
  });

  it("filters by state, priority, tag and time; from after to is a 400", async () => {
    const q = async (s: string) => (await call(app, member, "GET", `${API}/alarms?${s}`)).json().items.length;
    expect(await q("state=unack")).toBe(1);
    expect(await q("state=acked")).toBe(0);
    expect(await q(`tagId=${dev.tagIds.pressure}`)).toBe(1);
    expect(await q("tagId=other")).toBe(0);
    expect(await q("open=true")).toBe(1);
    expect(await q(`from=${new Date(NOW).toISOString()}`)).toBe(0);
    const all = (await call(app, member, "GET", `${API}/alarms`)).json().items[0];
    expect(await q(`priority=${all.priority}`)).toBe(1);
    const bad = await call(
      app,
      member,
      "GET",
      `${API}/alarms?from=2026-12-07T00:00:00Z&to=2026-12-06T00:00:00Z`,
    );
    expect(bad.statusCode).toBe(400);
    expect((await call(app, member, "GET", `${API}/alarms?state=nope`)).statusCode).toBe(400);
  });

  it("acknowledge, shelve and comment: audited, viewers refused, another firm gets 404", async () => {
    const viewer = await login(app, EMAILS.aViewer);
    expect((await call(app, viewer, "POST", `${API}/alarms/${alarmId}/acknowledge`)).statusCode).toBe(403);
    const b = await login(app, EMAILS.bOwner);
    expect((await call(app, b, "POST", `${API}/alarms/${alarmId}/acknowledge`)).statusCode).toBe(404);
    expect((await call(app, b, "GET", `${API}/alarms/${alarmId}`)).statusCode).toBe(404);
    expect((await call(app, b, "GET", `${API}/alarms`)).json().items).toEqual([]);

    const ack = await call(app, member, "POST", `${API}/alarms/${alarmId}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ state: "acked", active: true, acknowledgedBy: expect.any(String) });
    expect((await call(app, member, "POST", `${API}/alarms/${alarmId}/acknowledge`)).statusCode).toBe(409);

    expect(
      (await call(app, member, "POST", `${API}/alarms/${alarmId}/shelve`, { minutes: 0 })).statusCode,
    ).toBe(400);
    const shelf = await call(app, member, "POST", `${API}/alarms/${alarmId}/shelve`, {
      minutes: 30,
      reason: "maintenance",
    });
    expect(shelf.statusCode, shelf.body).toBe(200);
    expect(shelf.json().shelvedUntil).toBe(new Date(NOW + 30 * MIN).toISOString());

    expect(
      (await call(app, member, "POST", `${API}/alarms/${alarmId}/comments`, { text: "" })).statusCode,
    ).toBe(400);
    const c = await call(app, member, "POST", `${API}/alarms/${alarmId}/comments`, { text: "valve checked" });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().comments.map((x: { text: string }) => x.text)).toEqual(["valve checked"]);
    expect(c.json().alarm.comments).toBe(1);

    const admin = await login(app, EMAILS.aAdmin);
    const audit = JSON.stringify((await call(app, admin, "GET", `/api/v1/audit?orgId=${IDS.a}`)).json());
    for (const action of ["alarm.acknowledged", "alarm.shelved", "alarm.commented"])
      expect(audit).toContain(action);
  });

  it("back in control the acknowledged alarm clears; an excursion while shelved is not annunciated", async () => {
    await write(Array.from(stream.values.subarray(LEARN + 500, LEARN + 800)));
    let items = (await call(app, member, "GET", `${API}/alarms`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ state: "normal", active: false });
    expect(items[0].clearedAt).not.toBeNull();
    // The tag is shelved until NOW + 30 min: this drop is tracked but raises nothing.
    await write(Array.from(stream.values.subarray(LEARN + 800, LEARN + 900), (v) => v - 6 * sd));
    items = (await call(app, member, "GET", `${API}/alarms`)).json().items;
    expect(items.map((a: { occurrence: number }) => a.occurrence)).toEqual([1]);
  });

  it("a restart restores the stored detector (no re-learning); after the shelf the next excursion is pushed live", async () => {
    await monitoringRuntime({ db: getDb().db, live: new LiveHub(), now: clock }).flush();
    const hub = new LiveHub();
    const events: LiveEvent[] = [];
    const actor: Actor = {
      userId: "u",
      email: EMAILS.aMember,
      displayName: "m",
      orgId: IDS.a,
      orgKind: "enterprise",
      role: "member",
      via: "session",
      credentialId: "c",
    };
    hub.subscribe(actor, { deliver: (e) => events.push(e), end: () => undefined });
    const restarted = new MonitoringRuntime(getDb().db, hub, clock, { snapshotEveryMs: 0 });
    restarted.notifier = new AlarmNotifier([capture]);
    const row = (ts: number, num: number) => ({ tagId: dev.tagIds.pressure, ts, num, bool: null, str: null });
    const calm = Array.from(stream.values.subarray(LEARN + 900, LEARN + 1200), (v, k) =>
      row(T0 + (next + k) * MIN, v),
    );
    // After the shelf (NOW + 30 min) has expired: in control for an hour, then a jump.
    const after = NOW + 31 * MIN;
    const later = Array.from(stream.values.subarray(LEARN + 1200, LEARN + 1400), (v, k) =>
      row(after + k * MIN, k < 100 ? v : v + 6 * sd),
    );
    restarted.accept(IDS.a, calm);
    restarted.accept(IDS.a, later);
    await restarted.idle();
    expect(restarted.learned).toBe(0);
    expect(restarted.errors).toBe(0);
    const pushed = events.flatMap((e) => (e.topic === "alarm" ? [e.alarm] : []));
    expect(pushed.length).toBeGreaterThan(0);
    // The jump in time after the quiet hour counts as an excursion too; what matters: it is annunciated.
    const raised = pushed.find((a) => a.state === "unack" && Date.parse(a.raisedAt) >= after);
    expect(raised).toMatchObject({ state: "unack", active: true, shelvedUntil: null });
    expect(raised?.occurrence).toBeGreaterThan(1);
    // Another firm's subscriber would not get it: the hub asks the policy per message.
    const items = (await call(app, member, "GET", `${API}/alarms?state=unack`)).json().items;
    expect(items.map((a: { id: string }) => a.id)).toContain(raised?.id);
    // Each new alarm also went out through the configured channels.
    await new Promise((ok) => setTimeout(ok, 50));
    expect(sent.map((m) => m.alarmId)).toContain(raised?.id);
    expect(sent.every((m) => !m.escalation)).toBe(true);
  });

  it("escalation: an alarm unacknowledged past N minutes is sent again once, marked, and audited", async () => {
    sent.length = 0;
    const later = new MonitoringRuntime(getDb().db, undefined, () => new Date(NOW + 24 * 60 * MIN));
    later.notifier = new AlarmNotifier([capture]);
    const open = (await call(app, member, "GET", `${API}/alarms?state=unack`)).json().items;
    expect(open.length).toBeGreaterThan(0);
    expect(await later.escalate(30)).toBe(open.length);
    expect(sent.map((m) => m.alarmId).sort()).toEqual(open.map((a: { id: string }) => a.id).sort());
    expect(sent.every((m) => m.escalation)).toBe(true);
    expect(await later.escalate(30)).toBe(0);
    const admin = await login(app, EMAILS.aAdmin);
    expect(JSON.stringify((await call(app, admin, "GET", `/api/v1/audit?orgId=${IDS.a}`)).json())).toContain(
      "alarm.escalation_sent",
    );
  });
});
