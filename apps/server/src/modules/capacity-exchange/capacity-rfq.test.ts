import type { CapacityOrderDetail, Quote, RfqDetail, ScheduleIdle } from "@clusterbrain/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { addDays } from "../scheduling/scheduling.calendar.ts";
import { publishTestSchedule } from "./capacity-exchange.test-support.ts";

const API = "/api/v1/capacity-exchange";

describeEachDatabase(
  "capacity exchange: idle hours from a schedule → RFQ → quote → order → delivered",
  (getDb) => {
    let app: FastifyInstance;
    let a: Session;
    let b: Session;
    let c: Session;
    let viewer: Session;
    let origin: string;
    let offerId: string;
    let rfqId: string;
    let quoteId: string;
    let orderId: string;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      ({ origin } = await publishTestSchedule(getDb().db, IDS.b));
      app = await testApp(getDb().db);
      [a, b, c, viewer] = await Promise.all([
        login(app, EMAILS.aOwner),
        login(app, EMAILS.bOwner),
        login(app, EMAILS.cOwner),
        login(app, EMAILS.aViewer),
      ]);
    });
    afterAll(() => app.close());

    const fromSchedule = (s: Session, hours: number, weekStart = origin) =>
      call(app, s, "POST", `${API}/offers/from-schedule`, {
        workCentre: "WIND",
        weekStart,
        process: "winding",
        hours,
        pricePerHour: 120,
        certifications: ["ISO 13485"],
      });

    it("idle hours are the calendars minus the scheduled operations; only they can be offered", async () => {
      const idle = (await call(app, b, "GET", `${API}/schedule-idle?weeks=2`)).json() as ScheduleIdle;
      expect(idle.scenario?.name).toBe("测试计划");
      expect(idle.weeks).toEqual([origin, addDays(origin, 7)]);
      expect(idle.items).toEqual([
        {
          workCentre: "WIND",
          process: "winding",
          machines: 2,
          weeks: [
            { weekStart: origin, capacityHours: 80, idleHours: 68, offeredHours: 0, offerableHours: 68 },
            {
              weekStart: addDays(origin, 7),
              capacityHours: 80,
              idleHours: 80,
              offeredHours: 0,
              offerableHours: 80,
            },
          ],
        },
      ]);
      const offered = await fromSchedule(b, 60);
      expect(offered.statusCode, offered.body).toBe(200);
      expect(offered.json()).toMatchObject({
        source: "schedule",
        workCentre: "WIND",
        availableFrom: origin,
        availableTo: addDays(origin, 6),
        hoursAvailable: 60,
      });
      offerId = offered.json().id;
      // 8 idle hours are left that week: 10 more are refused, a day that is not a Monday is a 400.
      expect((await fromSchedule(b, 10)).statusCode).toBe(409);
      expect((await fromSchedule(b, 8, addDays(origin, 1))).statusCode).toBe(400);
      const after = (await call(app, b, "GET", `${API}/schedule-idle?weeks=1`)).json() as ScheduleIdle;
      expect(after.items[0].weeks[0]).toMatchObject({ offeredHours: 60, offerableHours: 8 });
      // A firm without a published schedule has no idle hours to offer.
      expect((await call(app, a, "GET", `${API}/schedule-idle`)).json()).toEqual({
        scenario: null,
        weeks: [],
        items: [],
      });
      expect((await fromSchedule(a, 1)).statusCode).toBe(409);
      expect((await fromSchedule(viewer, 1)).statusCode).toBe(403);
    });

    it("a buyer's RFQ ranks the schedule offer first with reasons; the invited supplier quotes", async () => {
      // A dearer manual offer of C for the same process, available from today.
      await call(app, c, "POST", `${API}/offers`, {
        process: "winding",
        hours: 100,
        pricePerHour: 240,
        certifications: [],
        leadTimeDays: 0,
      });
      const created = await call(app, a, "POST", `${API}/rfqs`, {
        process: "winding",
        hours: 40,
        windowFrom: origin,
        windowTo: addDays(origin, 6),
        spec: "0630 一体成型电感绕线, 线径 0.35 mm",
        certifications: ["ISO 13485"],
      });
      expect(created.statusCode, created.body).toBe(200);
      const rfq = created.json() as RfqDetail;
      rfqId = rfq.id;
      expect(rfq.matches.length).toBeGreaterThanOrEqual(2);
      expect(rfq.matches[0].offer.id).toBe(offerId);
      expect(rfq.matches[0].reasons.map((r) => r.code)).toEqual([
        "process",
        "window",
        "hours",
        "certifications",
        "district",
        "price",
      ]);
      expect(rfq.matches[0].reasons.find((r) => r.code === "window")).toMatchObject({ value: 1, figure: 7 });
      expect(rfq.matches[0].score).toBeGreaterThan(rfq.matches[1].score);
      // B cannot quote before it is invited.
      const early = await call(app, b, "POST", `${API}/rfqs/${rfqId}/quotes`, {
        offerId,
        hours: 40,
        pricePerHour: 125,
        startOn: origin,
        endOn: addDays(origin, 4),
      });
      expect(early.statusCode).toBe(404);
      const invited = await call(app, a, "POST", `${API}/rfqs/${rfqId}/invitations`, { offerId });
      expect(invited.statusCode, invited.body).toBe(200);
      expect((invited.json() as RfqDetail).matches[0].invited).toBe(true);
      const list = (await call(app, b, "GET", `${API}/rfqs`)).json();
      expect(list.invited.map((r: { id: string }) => r.id)).toContain(rfqId);
      const seen = (await call(app, b, "GET", `${API}/rfqs/${rfqId}`)).json() as RfqDetail;
      expect(seen).toMatchObject({ matches: [], invitedOfferIds: [offerId] });
      const quoted = await call(app, b, "POST", `${API}/rfqs/${rfqId}/quotes`, {
        offerId,
        hours: 40,
        pricePerHour: 125,
        startOn: origin,
        endOn: addDays(origin, 4),
        note: "两台绕线机并行",
      });
      expect(quoted.statusCode, quoted.body).toBe(200);
      quoteId = (quoted.json() as Quote).id;
      expect((await call(app, a, "GET", `${API}/rfqs/${rfqId}`)).json().quotes).toEqual([
        expect.objectContaining({ id: quoteId, status: "open", supplierOrgId: IDS.b, pricePerHour: 125 }),
      ]);
    });

    it("accepting books the hours; a second accept is 409; shipment events through delivered set the order's status", async () => {
      const accepted = await call(app, a, "POST", `${API}/quotes/${quoteId}/accept`, {});
      expect(accepted.statusCode, accepted.body).toBe(200);
      const order = accepted.json() as CapacityOrderDetail;
      orderId = order.id;
      expect(order).toMatchObject({
        status: "booked",
        hours: 40,
        sellerOrgId: IDS.b,
        rfqId,
        quoteId,
        shipment: null,
      });
      expect((await call(app, a, "POST", `${API}/quotes/${quoteId}/accept`, {})).statusCode).toBe(409);
      const offers = (await call(app, a, "GET", `${API}/offers?process=winding`)).json().items;
      expect(offers.find((o: { id: string }) => o.id === offerId).hoursAvailable).toBe(20);
      expect((await call(app, a, "GET", `${API}/quotes/${quoteId}`)).json()).toMatchObject({
        status: "accepted",
        orderId,
      });

      const shipped = await call(app, b, "POST", `${API}/orders/${orderId}/shipment`, {
        carrier: "顺丰速运",
        trackingNo: "SF-RFQ-1",
        promisedOn: addDays(origin, 7),
      });
      expect(shipped.statusCode, shipped.body).toBe(200);
      const shipmentId = (shipped.json() as CapacityOrderDetail).shipmentId;
      expect(shipped.json()).toMatchObject({ status: "shipped", shipmentStatus: "created" });
      expect(
        (
          await call(app, b, "POST", `${API}/orders/${orderId}/shipment`, {
            carrier: "x",
            trackingNo: "SF-RFQ-2",
            promisedOn: origin,
          })
        ).statusCode,
      ).toBe(409);
      const steps: [string, string][] = [
        ["picked_up", "2026-01-05T09:00:00+08:00"],
        ["in_transit", "2026-01-05T15:00:00+08:00"],
        ["delivered", "2026-01-06T10:00:00+08:00"],
      ];
      for (const [type, occurredAt] of steps) {
        const res = await call(app, b, "POST", `/api/v1/logistics/shipments/${shipmentId}/events`, {
          type,
          occurredAt,
        });
        expect(res.statusCode, res.body).toBe(200);
        if (type !== "delivered")
          expect((await call(app, a, "GET", `${API}/orders/${orderId}`)).json().status).toBe("shipped");
      }
      const done = (await call(app, a, "GET", `${API}/orders/${orderId}`)).json() as CapacityOrderDetail;
      expect(done.status).toBe("delivered");
      expect(done.shipment?.events.map((e) => e.type)).toEqual(["picked_up", "in_transit", "delivered"]);
      const bought = (await call(app, a, "GET", `${API}/orders`)).json().bought;
      expect(bought.find((o: { id: string }) => o.id === orderId).status).toBe("delivered");
    });

    it("a third firm gets 404 on the RFQ, quote and order; the wrong party gets 403", async () => {
      const quoteBody = { offerId, hours: 1, pricePerHour: 1, startOn: origin, endOn: origin };
      for (const [method, url, body] of [
        ["GET", `${API}/rfqs/${rfqId}`, undefined],
        ["POST", `${API}/rfqs/${rfqId}/invitations`, { offerId }],
        ["POST", `${API}/rfqs/${rfqId}/quotes`, quoteBody],
        ["GET", `${API}/quotes/${quoteId}`, undefined],
        ["POST", `${API}/quotes/${quoteId}/accept`, {}],
        ["GET", `${API}/orders/${orderId}`, undefined],
        [
          "POST",
          `${API}/orders/${orderId}/shipment`,
          { carrier: "x", trackingNo: "C-1", promisedOn: origin },
        ],
      ] as const) {
        const res = await call(app, c, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await call(app, c, "GET", `${API}/rfqs`)).json()).toEqual({ mine: [], invited: [] });
      expect((await call(app, b, "POST", `${API}/quotes/${quoteId}/accept`, {})).statusCode).toBe(403);
      expect((await call(app, a, "POST", `${API}/rfqs/${rfqId}/quotes`, quoteBody)).statusCode).toBe(403);
      expect(
        (
          await call(app, a, "POST", `${API}/orders/${orderId}/shipment`, {
            carrier: "x",
            trackingNo: "A-1",
            promisedOn: origin,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await call(app, viewer, "POST", `${API}/rfqs`, {
            process: "smt",
            hours: 1,
            windowFrom: origin,
            windowTo: origin,
          })
        ).statusCode,
      ).toBe(403);
    });

    it("of 12 racing accepts of two quotes on one RFQ exactly one wins; a window ending before it starts is 400", async () => {
      const rfq = (
        await call(app, a, "POST", `${API}/rfqs`, {
          process: "winding",
          hours: 5,
          windowFrom: origin,
          windowTo: addDays(origin, 6),
        })
      ).json() as RfqDetail;
      await call(app, a, "POST", `${API}/rfqs/${rfq.id}/invitations`, { offerId });
      const quotes = await Promise.all(
        [110, 115].map(async (price) =>
          (
            await call(app, b, "POST", `${API}/rfqs/${rfq.id}/quotes`, {
              offerId,
              hours: 5,
              pricePerHour: price,
              startOn: origin,
              endOn: origin,
            })
          ).json(),
        ),
      );
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          call(app, a, "POST", `${API}/quotes/${quotes[i % 2].id}/accept`, {}),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, ...Array(11).fill(409)]);
      const settled = (await call(app, a, "GET", `${API}/rfqs/${rfq.id}`)).json() as RfqDetail;
      expect(settled.status).toBe("ordered");
      expect(settled.quotes.map((q) => q.status).sort()).toEqual(["accepted", "declined"]);
      const offers = (await call(app, a, "GET", `${API}/offers?process=winding`)).json().items;
      expect(offers.find((o: { id: string }) => o.id === offerId).hoursAvailable).toBe(15);
      const bad = await call(app, a, "POST", `${API}/rfqs`, {
        process: "winding",
        hours: 5,
        windowFrom: addDays(origin, 3),
        windowTo: origin,
      });
      expect(bad.statusCode).toBe(400);
    });
  },
);
