import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase("capacity exchange: the same hours are never sold twice", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let b: Session;
  let c: Session;
  let viewer: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, b, c, viewer] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
      login(app, EMAILS.aViewer),
    ]);
  });
  afterAll(() => app.close());

  const offer = (s: Session, hours: number, process = "winding") =>
    call(app, s, "POST", "/api/v1/capacity-exchange/offers", {
      process,
      hours,
      pricePerHour: 180,
      certifications: ["ISO 13485"],
      leadTimeDays: 7,
    });
  const accept = (s: Session, id: string, hours: number) =>
    call(app, s, "POST", `/api/v1/capacity-exchange/offers/${id}/accept`, { hours });

  it("20 concurrent accepts of the same 40 hours: exactly one is booked, the rest are 409", async () => {
    const created = await offer(b, 40);
    expect(created.statusCode).toBe(200);
    const id = created.json().id as string;
    const listed = (await call(app, a, "GET", "/api/v1/capacity-exchange/offers?process=winding")).json()
      .items;
    expect(listed.find((o: { id: string }) => o.id === id)).toMatchObject({
      hoursAvailable: 40,
      orgId: IDS.b,
    });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => accept(i % 2 ? a : c, id, 40)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array(19).fill(409)]);
    const sold = (await call(app, b, "GET", "/api/v1/capacity-exchange/orders")).json().sold;
    expect(sold.filter((o: { offerId: string }) => o.offerId === id)).toHaveLength(1);
    // Fully booked: no longer listed as open.
    const after = (await call(app, a, "GET", "/api/v1/capacity-exchange/offers")).json().items;
    expect(after.some((o: { id: string }) => o.id === id)).toBe(false);
  });

  it("partial accepts book until the hours run out: 10 hours, 20 racing accepts of 3 → exactly 3 win", async () => {
    const id = (await offer(b, 10, "testing")).json().id as string;
    const results = await Promise.all(Array.from({ length: 20 }, () => accept(a, id, 3)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(17);
    expect(results.every((r) => r.statusCode < 500)).toBe(true);
    const bought = (await call(app, a, "GET", "/api/v1/capacity-exchange/orders")).json().bought;
    expect(
      bought.filter((o: { offerId: string }) => o.offerId === id).map((o: { hours: number }) => o.hours),
    ).toEqual([3, 3, 3]);
  });

  it("viewers cannot trade, a firm cannot buy its own hours, unknown offers are 404", async () => {
    expect((await offer(viewer, 5)).statusCode).toBe(403);
    const id = (await offer(b, 5)).json().id as string;
    expect((await accept(b, id, 1)).statusCode).toBe(400);
    expect((await accept(a, "no-such-offer", 1)).statusCode).toBe(404);
    expect((await accept(a, id, 0)).statusCode).toBe(400);
  });
});
