import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { signWebhook } from "./logistics.webhook.ts";

const WEBHOOK = "/api/v1/logistics/webhook";

describeEachDatabase("logistics: shipments, signed carrier webhooks, ETA and late alerts", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let aMember: Session;
  let b: Session;
  let secret: string;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, aMember, b] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.aMember),
      login(app, EMAILS.bOwner),
    ]);
    const rotated = await call(app, a, "POST", "/api/v1/logistics/webhook-secret", {});
    expect(rotated.statusCode).toBe(200);
    secret = rotated.json().secret;
  });
  afterAll(() => app.close());

  const ship = (s: Session, trackingNo: string, promisedOn = "2099-01-01") =>
    call(app, s, "POST", "/api/v1/logistics/shipments", {
      consigneeName: "嘉兴市第一医院",
      carrier: "SF Express",
      trackingNo,
      promisedOn,
    });
  const nowSeconds = () => String(Math.floor(Date.now() / 1000));
  const post = (raw: string, headers: Record<string, string>) =>
    app.inject({
      method: "POST",
      url: WEBHOOK,
      headers: { "content-type": "application/json", ...headers },
      payload: raw,
    });
  const signed = (raw: string, timestamp = nowSeconds(), key = secret, org = IDS.a) =>
    post(raw, {
      "x-webhook-org": org,
      "x-webhook-timestamp": timestamp,
      "x-webhook-signature": `sha256=${signWebhook(key, timestamp, raw)}`,
    });
  const event = (eventId: string, trackingNo: string, type = "in_transit", eta: string | null = null) =>
    JSON.stringify({
      eventId,
      trackingNo,
      type,
      occurredAt: new Date().toISOString(),
      location: "杭州转运中心",
      eta,
    });

  it("a signed webhook is accepted and moves status and ETA; the timeline shows it", async () => {
    const created = await ship(aMember, "SF-1001");
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ status: "created", late: false, events: [] });
    expect(created.json().eta).toBe("2099-01-01T15:59:59.000Z");
    const eta = "2098-06-01T10:00:00.000Z";
    const res = await signed(event("evt-1", "SF-1001", "at_hub", eta));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: true, shipmentId: created.json().id });
    const detail = (await call(app, a, "GET", `/api/v1/logistics/shipments/${created.json().id}`)).json();
    expect(detail).toMatchObject({ status: "at_hub", eta, late: false });
    expect(detail.events).toEqual([expect.objectContaining({ type: "at_hub", source: "webhook", eta })]);
  });

  it("a tampered body, a wrong key, an unknown org or a missing signature is 401 and changes nothing", async () => {
    const id = (await ship(a, "SF-1002")).json().id;
    const raw = event("evt-2", "SF-1002", "delivered");
    const timestamp = nowSeconds();
    const signature = `sha256=${signWebhook(secret, timestamp, raw)}`;
    const tampered = await post(raw.replace("杭州", "上海"), {
      "x-webhook-org": IDS.a,
      "x-webhook-timestamp": timestamp,
      "x-webhook-signature": signature,
    });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json().error.code).toBe("UNAUTHENTICATED");
    expect((await signed(raw, timestamp, "not-the-secret")).statusCode).toBe(401);
    expect((await signed(raw, timestamp, secret, IDS.b)).statusCode).toBe(401);
    expect((await post(raw, { "x-webhook-org": IDS.a })).statusCode).toBe(401);
    expect((await post("{not json", { "x-webhook-org": IDS.a })).statusCode).toBe(400);
    const detail = (await call(app, a, "GET", `/api/v1/logistics/shipments/${id}`)).json();
    expect(detail).toMatchObject({ status: "created", events: [] });
  });

  it("a stale timestamp (> 5 min) is 401, a replayed event id is 409, an unknown tracking number 404", async () => {
    await ship(a, "SF-1003");
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    const old = await signed(event("evt-3", "SF-1003"), stale);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.message).toMatch(/stale/);
    const raw = event("evt-3", "SF-1003");
    expect((await signed(raw)).statusCode).toBe(200);
    const replay = await signed(raw);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.message).toMatch(/replay/);
    expect((await signed(event("evt-4", "NO-SUCH"))).statusCode).toBe(404);
  });

  it("a late shipment raises exactly one notification; delivered or on-time ones none", async () => {
    const late = (await ship(a, "SF-LATE", "2020-01-01")).json();
    expect(late.late).toBe(true);
    const delivered = (await ship(a, "SF-DONE", "2020-01-01")).json();
    const done = await call(app, a, "POST", `/api/v1/logistics/shipments/${delivered.id}/events`, {
      type: "delivered",
      occurredAt: "2019-12-31T10:00:00+08:00",
      location: "医院仓库",
    });
    expect(done.json()).toMatchObject({ status: "delivered", late: false });
    for (let i = 0; i < 3; i++) await call(app, a, "GET", "/api/v1/logistics/shipments");
    await call(app, aMember, "GET", `/api/v1/logistics/shipments/${late.id}`);
    const notes = (await call(app, a, "GET", "/api/v1/notifications")).json().items;
    const lateNotes = notes.filter((n: { kind: string }) => n.kind === "shipment.late");
    expect(lateNotes).toHaveLength(1);
    expect(lateNotes[0].params.trackingNo).toBe("SF-LATE");
    const list = (await call(app, a, "GET", "/api/v1/logistics/shipments")).json().items;
    expect(list.find((s: { id: string }) => s.id === late.id).late).toBe(true);
  });

  it("B sees none of A's shipments; a member cannot rotate the secret; duplicates are 409", async () => {
    const id = (await ship(a, "SF-1005")).json().id;
    expect((await call(app, b, "GET", `/api/v1/logistics/shipments/${id}`)).statusCode).toBe(404);
    expect(
      (
        await call(app, b, "POST", `/api/v1/logistics/shipments/${id}/events`, {
          type: "delivered",
          occurredAt: new Date().toISOString(),
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(app, b, "GET", "/api/v1/logistics/shipments")).json().items).toEqual([]);
    expect((await call(app, aMember, "POST", "/api/v1/logistics/webhook-secret", {})).statusCode).toBe(403);
    expect((await ship(a, "SF-1005")).statusCode).toBe(409);
    const bad = await call(app, a, "POST", "/api/v1/logistics/shipments", { carrier: "x", trackingNo: "y" });
    expect(bad.statusCode).toBe(400);
  });
});
