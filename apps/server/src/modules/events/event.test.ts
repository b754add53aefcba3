import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const DAY = 86_400_000;
const future = (days: number, hours = 0) =>
  new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

describeEachDatabase(
  "events (registration, capacity, check-in) and policy notices with eligibility",
  (getDb) => {
    let app: FastifyInstance;
    let a: Session;
    let aViewer: Session;
    let b: Session;
    let c: Session;
    let op: Session;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      app = await testApp(getDb().db);
      [a, aViewer, b, c, op] = await Promise.all([
        login(app, EMAILS.aOwner),
        login(app, EMAILS.aViewer),
        login(app, EMAILS.bOwner),
        login(app, EMAILS.cOwner),
        login(app, EMAILS.opAdmin),
      ]);
    });
    afterAll(() => app.close());

    const organise = async (s: Session, capacity?: number) => {
      const res = await call(app, s, "POST", "/api/v1/events", {
        kind: "matchmaking",
        titleZh: "医疗电子供需对接会",
        titleEn: "Medical electronics matchmaking",
        location: "嘉兴会展中心",
        startsAt: future(10),
        endsAt: future(10, 4),
        ...(capacity ? { capacity } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    };
    const register = (s: Session, id: string, attendee = "张三") =>
      call(app, s, "POST", `/api/v1/events/${id}/registrations`, { attendee });

    it("registers once per org within capacity; the organiser sees who came and checks them in once", async () => {
      const id = await organise(a, 2);
      expect((await register(b, id)).json()).toMatchObject({ registered: 1, myCheckedIn: false });
      expect((await register(b, id, "again")).statusCode).toBe(409);
      expect((await register(c, id)).statusCode).toBe(200);
      const full = await register(op, id);
      expect(full.statusCode).toBe(409);
      expect(full.json().error.details.reason).toBe("EVENT_FULL");
      expect((await register(aViewer, id)).statusCode).toBe(403);

      expect((await call(app, b, "GET", `/api/v1/events/${id}/registrations`)).statusCode).toBe(404);
      const regs = (await call(app, a, "GET", `/api/v1/events/${id}/registrations`)).json().items;
      expect(regs.map((r: { orgId: string }) => r.orgId)).toEqual([IDS.b, IDS.c]);
      const bReg = regs[0].id as string;
      expect((await call(app, b, "POST", `/api/v1/event-registrations/${bReg}/check-in`)).statusCode).toBe(
        404,
      );
      expect(
        (await call(app, aViewer, "POST", `/api/v1/event-registrations/${bReg}/check-in`)).statusCode,
      ).toBe(403);
      const checked = await call(app, a, "POST", `/api/v1/event-registrations/${bReg}/check-in`);
      expect(checked.json().checkedInAt).not.toBeNull();
      expect((await call(app, a, "POST", `/api/v1/event-registrations/${bReg}/check-in`)).statusCode).toBe(
        409,
      );
      const forB = (await call(app, b, "GET", "/api/v1/events"))
        .json()
        .items.find((e: { id: string }) => e.id === id);
      expect(forB).toMatchObject({ myCheckedIn: true, registered: 2, mine: false });
    });

    it("racing registrations never overfill an event", async () => {
      const id = await organise(a, 1);
      const results = await Promise.all([register(b, id), register(c, id), register(op, id)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect((await call(app, a, "GET", `/api/v1/events/${id}/registrations`)).json().items).toHaveLength(1);
    });

    it("policy notices: published by government or operator; each firm sees those it is eligible for, with reasons", async () => {
      const notice = {
        titleZh: "南湖区电子元器件企业研发补助",
        summary: "对南湖区电子元器件中小企业的研发投入给予补助。",
        funding: "最高 50 万元",
        deadline: "2099-06-30",
        industryCodes: ["398"],
        sizeBands: ["small", "medium"],
        districts: ["南湖区"],
      };
      expect((await call(app, a, "POST", "/api/v1/policies", notice)).statusCode).toBe(403);
      const created = await call(app, op, "POST", "/api/v1/policies", notice);
      expect(created.statusCode, created.body).toBe(200);
      const id = created.json().id as string;
      const forA = (await call(app, a, "GET", "/api/v1/policies")).json().items;
      const mine = forA.find((p: { id: string }) => p.id === id);
      expect(mine.eligible).toBe(true);
      expect(mine.reasons.map((r: { criterion: string; met: boolean }) => [r.criterion, r.met])).toEqual([
        ["industry", true],
        ["size", true],
        ["district", true],
      ]);
      // B is in 秀洲区: not listed by default, and shown with the failing reason on request.
      expect(
        (await call(app, b, "GET", "/api/v1/policies")).json().items.map((p: { id: string }) => p.id),
      ).not.toContain(id);
      const forB = (await call(app, b, "GET", "/api/v1/policies?show=all"))
        .json()
        .items.find((p: { id: string }) => p.id === id);
      expect(forB.eligible).toBe(false);
      expect(forB.reasons.find((r: { criterion: string }) => r.criterion === "district")).toEqual({
        criterion: "district",
        required: ["南湖区"],
        actual: "秀洲区",
        met: false,
      });
      const bad = await call(app, op, "POST", "/api/v1/policies", {
        ...notice,
        industryCodes: ["electronics"],
      });
      expect(bad.statusCode).toBe(400);
    });
  },
);
