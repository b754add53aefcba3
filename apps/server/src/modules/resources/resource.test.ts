import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const DAY = 86_400_000;
/** YYYY-MM-DD of the cluster day `days` from the real now (UTC+8). */
function clusterDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
}
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, "0")}:00:00+08:00`;

describeEachDatabase("shared resources: listings, bookings and their rules", (getDb) => {
  let app: FastifyInstance;
  let offset = 0;
  let a: Session;
  let aViewer: Session;
  let aMember: Session;
  let b: Session;
  let c: Session;
  let sem: string;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    // A movable clock (to reach a slot's start); sessions outlive the moves.
    app = await testApp(getDb().db, {
      now: () => new Date(Date.now() + offset),
      security: { sessionHours: 24 * 365 },
    });
    [a, aViewer, aMember, b, c] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.aViewer),
      login(app, EMAILS.aMember),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
    ]);
    const res = await call(app, b, "POST", "/api/v1/resources", {
      kind: "instrument",
      nameZh: "场发射扫描电镜",
      nameEn: "Field-emission SEM",
      description: "磁芯断面分析 ferrite cross sections",
      specs: [{ key: "分辨率 resolution", value: "1.0 nm @ 15 kV" }],
      location: "嘉兴南湖 Building 3",
      pricePerHour: 600,
      rules: "培训后方可独立操作 / trained operators only",
      minHours: 1,
      maxHours: 4,
      cancelNoticeHours: 48,
      openHour: 9,
      closeHour: 17,
    });
    expect(res.statusCode).toBe(200);
    sem = res.json().id;
  });
  afterAll(() => app.close());

  const book = (s: Session, startsAt: string, endsAt: string, id = sem) =>
    call(app, s, "POST", `/api/v1/resources/${id}/bookings`, { startsAt, endsAt, purpose: "cross sections" });

  it("lists with filters (kind, text in both languages, owner, price); a listing is visible to every org", async () => {
    await call(app, c, "POST", "/api/v1/resources", {
      kind: "expert",
      nameZh: "王教授（EMC 整改）",
      nameEn: "Prof. Wang (EMC fixes)",
      pricePerHour: 1500,
    });
    const all = (await call(app, a, "GET", "/api/v1/resources")).json();
    expect(all.total).toBe(2);
    const ids = (q: string) =>
      call(app, a, "GET", `/api/v1/resources?${q}`).then((r) =>
        r.json().items.map((x: { nameEn: string }) => x.nameEn),
      );
    expect(await ids("kind=expert")).toEqual(["Prof. Wang (EMC fixes)"]);
    expect(await ids(`q=${encodeURIComponent("电镜")}`)).toEqual(["Field-emission SEM"]);
    expect(await ids("q=ferrite")).toEqual(["Field-emission SEM"]);
    expect(await ids(`ownerOrgId=${IDS.c}`)).toEqual(["Prof. Wang (EMC fixes)"]);
    expect(await ids("maxPrice=1000")).toEqual(["Field-emission SEM"]);
    expect(await ids("q=100%25_")).toEqual([]);
    expect((await call(app, a, "GET", "/api/v1/resources?kind=spaceship")).statusCode).toBe(400);
    const one = (await call(app, a, "GET", `/api/v1/resources/${sem}`)).json();
    expect(one).toMatchObject({ ownerOrgId: IDS.b, mine: false, rating: null, ratingCount: 0 });
    expect((await call(app, b, "GET", `/api/v1/resources/${sem}`)).json().mine).toBe(true);
    expect((await call(app, a, "GET", "/api/v1/resources/nope")).statusCode).toBe(404);
  });

  it("only the owner's owner/admin changes a listing; a retired one disappears for others", async () => {
    expect((await call(app, a, "PATCH", `/api/v1/resources/${sem}`, { pricePerHour: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (
        await call(app, aMember, "POST", "/api/v1/resources", {
          kind: "lab",
          nameZh: "x",
          nameEn: "x",
          pricePerHour: 0,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call(app, b, "POST", "/api/v1/resources", {
      kind: "lab",
      nameZh: "x",
      nameEn: "x",
      pricePerHour: 0,
      minHours: 5,
      maxHours: 2,
    });
    expect(bad.statusCode).toBe(400);
    const lab = await call(app, b, "POST", "/api/v1/resources", {
      kind: "lab",
      nameZh: "旧线",
      nameEn: "Old line",
      pricePerHour: 0,
    });
    const retired = await call(app, b, "PATCH", `/api/v1/resources/${lab.json().id}`, { status: "retired" });
    expect(retired.json().status).toBe("retired");
    expect((await call(app, a, "GET", `/api/v1/resources/${lab.json().id}`)).statusCode).toBe(404);
    expect((await book(a, at(clusterDay(5), 9), at(clusterDay(5), 10), lab.json().id)).statusCode).toBe(404);
  });

  it("booking rules: future, length, opening hours, not one's own, not a viewer — each a clear 4xx", async () => {
    const d = clusterDay(20);
    const field = async (res: Awaited<ReturnType<typeof book>>) => {
      expect(res.statusCode).toBe(400);
      return res.json().error.details[0].path as string;
    };
    expect(await field(await book(a, at(clusterDay(-2), 9), at(clusterDay(-2), 10)))).toBe("startsAt");
    expect(await field(await book(a, at(d, 9), at(d, 15)))).toBe("endsAt"); // 6 h > 4 h
    expect(await field(await book(a, at(d, 7), at(d, 9)))).toBe("startsAt"); // before 9:00
    expect(await field(await book(a, at(d, 16), at(d, 18)))).toBe("startsAt"); // after 17:00
    expect(await field(await book(b, at(d, 9), at(d, 10)))).toBe("resourceId");
    expect((await book(a, at(d, 12), at(d, 10))).statusCode).toBe(400);
    expect((await book(aViewer, at(d, 9), at(d, 10))).statusCode).toBe(403);
    expect((await book(a, at(d, 13), at(d, 17))).statusCode).toBe(200); // up to closing time
  });

  it("request → owner approves → usage recorded → requester rates; the listing shows the mean", async () => {
    const d = clusterDay(3);
    const asked = await book(a, at(d, 10), at(d, 12));
    expect(asked.json()).toMatchObject({
      status: "pending",
      cost: 1200,
      requesterOrgId: IDS.a,
      ownerOrgId: IDS.b,
    });
    const id = asked.json().id as string;
    expect(
      (await call(app, b, "GET", "/api/v1/bookings")).json().incoming.map((x: { id: string }) => x.id),
    ).toContain(id);
    expect(
      (await call(app, a, "GET", "/api/v1/bookings")).json().outgoing.map((x: { id: string }) => x.id),
    ).toContain(id);
    // The requester cannot decide its own request; a third firm does not see it.
    expect((await call(app, a, "POST", `/api/v1/bookings/${id}/approve`, {})).statusCode).toBe(403);
    expect((await call(app, c, "POST", `/api/v1/bookings/${id}/approve`, {})).statusCode).toBe(404);
    // Two answers racing on another request: exactly one settles it.
    const race = (await book(a, at(d, 13), at(d, 14))).json().id as string;
    const decisions = await Promise.all([
      call(app, b, "POST", `/api/v1/bookings/${race}/approve`, {}),
      call(app, b, "POST", `/api/v1/bookings/${race}/decline`, {}),
    ]);
    expect(decisions.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const approved = await call(app, b, "POST", `/api/v1/bookings/${id}/approve`, { note: "bring samples" });
    expect(approved.json()).toMatchObject({ status: "approved", decisionNote: "bring samples" });
    // Usage only once the slot has started.
    expect((await call(app, b, "POST", `/api/v1/bookings/${id}/usage`, { usedHours: 1.5 })).statusCode).toBe(
      409,
    );
    offset = 3 * DAY + 2 * DAY;
    const used = await call(app, b, "POST", `/api/v1/bookings/${id}/usage`, { usedHours: 1.5, note: "ok" });
    expect(used.json()).toMatchObject({ status: "completed", usedHours: 1.5, cost: 900 });
    expect((await call(app, b, "POST", `/api/v1/bookings/${id}/rating`, { rating: 5 })).statusCode).toBe(403);
    expect((await call(app, a, "POST", `/api/v1/bookings/${id}/rating`, { rating: 6 })).statusCode).toBe(400);
    const rated = await call(app, a, "POST", `/api/v1/bookings/${id}/rating`, {
      rating: 4,
      comment: "清晰 sharp",
    });
    expect(rated.json()).toMatchObject({ rating: 4, ratingComment: "清晰 sharp" });
    expect((await call(app, a, "POST", `/api/v1/bookings/${id}/rating`, { rating: 5 })).statusCode).toBe(409);
    expect((await call(app, c, "GET", `/api/v1/resources/${sem}`)).json()).toMatchObject({
      rating: 4,
      ratingCount: 1,
    });
    const audit = (await call(app, b, "GET", "/api/v1/audit?action=booking.usage")).json().items;
    expect(audit.map((e: { entityId: string }) => e.entityId)).toContain(id);
    offset = 0;
  });

  it("cancellation rules: pending any time before start; approved only until the notice period; owner any time", async () => {
    offset = 0;
    const soon = clusterDay(1); // within 48 h
    const later = clusterDay(8);
    const pending = await book(a, at(soon, 9), at(soon, 10));
    expect(
      (await call(app, a, "POST", `/api/v1/bookings/${pending.json().id}/cancel`, {})).json().status,
    ).toBe("cancelled");
    const approvedSoon = await book(a, at(soon, 11), at(soon, 12));
    await call(app, b, "POST", `/api/v1/bookings/${approvedSoon.json().id}/approve`, {});
    const late = await call(app, a, "POST", `/api/v1/bookings/${approvedSoon.json().id}/cancel`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe("CANCEL_TOO_LATE");
    expect(
      (await call(app, aViewer, "POST", `/api/v1/bookings/${approvedSoon.json().id}/cancel`, {})).statusCode,
    ).toBe(403);
    const byOwner = await call(app, b, "POST", `/api/v1/bookings/${approvedSoon.json().id}/cancel`, {
      note: "维护 maintenance",
    });
    expect(byOwner.json()).toMatchObject({ status: "cancelled", cancelReason: "维护 maintenance" });
    const approvedLater = await book(a, at(later, 9), at(later, 10));
    await call(app, b, "POST", `/api/v1/bookings/${approvedLater.json().id}/approve`, {});
    expect(
      (await call(app, a, "POST", `/api/v1/bookings/${approvedLater.json().id}/cancel`, {})).json().status,
    ).toBe("cancelled");
    expect(
      (await call(app, a, "POST", `/api/v1/bookings/${approvedLater.json().id}/cancel`, {})).statusCode,
    ).toBe(409);
  });

  it("the calendar shows taken slots; who booked only to that org and the owner", async () => {
    const d = clusterDay(30);
    const mine = await book(a, at(d, 9), at(d, 11));
    const q = `from=${encodeURIComponent(at(d, 0))}&to=${encodeURIComponent(at(clusterDay(31), 0))}`;
    const forA = (await call(app, a, "GET", `/api/v1/resources/${sem}/calendar?${q}`)).json();
    expect(forA).toMatchObject({ openHour: 9, closeHour: 17 });
    expect(forA.slots).toEqual([
      expect.objectContaining({ mine: true, bookingId: mine.json().id, status: "pending" }),
    ]);
    const forC = (await call(app, c, "GET", `/api/v1/resources/${sem}/calendar?${q}`)).json();
    expect(forC.slots).toEqual([expect.objectContaining({ mine: false, bookingId: null })]);
    expect(
      (await call(app, b, "GET", `/api/v1/resources/${sem}/calendar?${q}`)).json().slots[0].bookingId,
    ).toBe(mine.json().id);
    const tooWide = `from=${encodeURIComponent(at(d, 0))}&to=${encodeURIComponent(at(clusterDay(120), 0))}`;
    expect((await call(app, a, "GET", `/api/v1/resources/${sem}/calendar?${tooWide}`)).statusCode).toBe(400);
  });
});
