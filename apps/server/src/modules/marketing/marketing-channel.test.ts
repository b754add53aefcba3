import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase(
  "marketing: channels shared by agreement, fairs and conferences as channels",
  (getDb) => {
    let app: FastifyInstance;
    let a: Session;
    let aMember: Session;
    let b: Session;
    let c: Session;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      app = await testApp(getDb().db);
      [a, aMember, b, c] = await Promise.all([
        login(app, EMAILS.aOwner),
        login(app, EMAILS.aMember),
        login(app, EMAILS.bOwner),
        login(app, EMAILS.cOwner),
      ]);
    });
    afterAll(() => app.close());

    it("B offers a channel, C asks, B approves then revokes; A is neither side; every step is audited", async () => {
      const offered = await call(app, b, "POST", "/api/v1/marketing/channels", {
        kind: "hospital_group",
        name: "浙北县级医院联合体",
        description: "12家县级医院",
      });
      expect(offered.statusCode, offered.body).toBe(200);
      const channelId = offered.json().id;
      expect(offered.json()).toMatchObject({ source: "offer", mine: true, myShare: null });
      expect(
        (await call(app, b, "POST", `/api/v1/marketing/channels/${channelId}/requests`, {})).statusCode,
      ).toBe(400);
      const asked = await call(app, c, "POST", `/api/v1/marketing/channels/${channelId}/requests`, {
        note: "监护仪推广",
      });
      expect(asked.statusCode, asked.body).toBe(200);
      const shareId = asked.json().id;
      expect(
        (await call(app, c, "POST", `/api/v1/marketing/channels/${channelId}/requests`, {})).statusCode,
      ).toBe(409);
      expect(
        (await call(app, c, "POST", `/api/v1/marketing/channel-shares/${shareId}/approve`, {})).statusCode,
      ).toBe(403);
      expect(
        (await call(app, a, "POST", `/api/v1/marketing/channel-shares/${shareId}/approve`, {})).statusCode,
      ).toBe(404);
      expect(
        (await call(app, b, "POST", `/api/v1/marketing/channel-shares/${shareId}/revoke`, {})).statusCode,
      ).toBe(409);
      const approved = await call(app, b, "POST", `/api/v1/marketing/channel-shares/${shareId}/approve`, {
        note: "同意",
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json().status).toBe("approved");
      const cView = (await call(app, c, "GET", "/api/v1/marketing/channels")).json();
      expect(cView.items.find((x: { id: string }) => x.id === channelId).myShare).toBe("approved");
      expect(cView.outgoing.map((s: { id: string }) => s.id)).toEqual([shareId]);
      const aView = (await call(app, a, "GET", "/api/v1/marketing/channels")).json();
      expect(aView.items.find((x: { id: string }) => x.id === channelId).myShare).toBeNull();
      expect(aView.incoming).toEqual([]);
      expect(aView.outgoing).toEqual([]);
      const revoked = await call(app, b, "POST", `/api/v1/marketing/channel-shares/${shareId}/revoke`, {});
      expect(revoked.json().status).toBe("revoked");
      // After a revocation C may ask again.
      expect(
        (await call(app, c, "POST", `/api/v1/marketing/channels/${channelId}/requests`, {})).statusCode,
      ).toBe(200);
      const audit = await call(app, b, "GET", "/api/v1/audit");
      const actions = JSON.stringify(audit.json());
      for (const act of ["channel.offer", "channel.request", "channel.approve", "channel.revoke"])
        expect(actions).toContain(act);
    });

    it("a member cannot decide a share of their own org (owner/admin only)", async () => {
      const offered = await call(app, a, "POST", "/api/v1/marketing/channels", {
        kind: "distributor",
        name: "甲经销网络",
      });
      const asked = await call(
        app,
        c,
        "POST",
        `/api/v1/marketing/channels/${offered.json().id}/requests`,
        {},
      );
      expect(
        (await call(app, aMember, "POST", `/api/v1/marketing/channel-shares/${asked.json().id}/approve`, {}))
          .statusCode,
      ).toBe(403);
      expect(
        (await call(app, a, "POST", `/api/v1/marketing/channel-shares/${asked.json().id}/decline`, {})).json()
          .status,
      ).toBe("declined");
    });

    it("the hub's fairs and conferences appear as channels at once; matchmaking does not; no agreement needed", async () => {
      const fair = await call(app, b, "POST", "/api/v1/events", {
        kind: "fair",
        titleZh: "长三角医疗器械博览会",
        startsAt: "2099-05-01T09:00:00+08:00",
        endsAt: "2099-05-03T17:00:00+08:00",
      });
      expect(fair.statusCode, fair.body).toBe(200);
      const match = await call(app, b, "POST", "/api/v1/events", {
        kind: "matchmaking",
        titleZh: "供需对接会",
        startsAt: "2099-05-04T09:00:00+08:00",
        endsAt: "2099-05-04T17:00:00+08:00",
      });
      const items = (await call(app, c, "GET", "/api/v1/marketing/channels")).json().items;
      const event = items.find((x: { id: string }) => x.id === fair.json().id);
      expect(event).toMatchObject({
        source: "event",
        kind: "fair",
        name: "长三角医疗器械博览会",
        orgId: IDS.b,
      });
      expect(items.find((x: { id: string }) => x.id === match.json().id)).toBeUndefined();
      expect(
        (await call(app, c, "POST", `/api/v1/marketing/channels/${fair.json().id}/requests`, {})).statusCode,
      ).toBe(409);
    });
  },
);
