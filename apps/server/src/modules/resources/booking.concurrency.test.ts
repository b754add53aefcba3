import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

/** YYYY-MM-DD of the cluster day `days` from now (UTC+8). */
function clusterDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, "0")}:00:00+08:00`;

describeEachDatabase("bookings: no double booking, enforced by the database", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let b: Session;
  let c: Session;
  let resourceId: string;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, b, c] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
    ]);
    const created = await call(app, b, "POST", "/api/v1/resources", {
      kind: "lab",
      nameZh: "电磁兼容暗室",
      nameEn: "EMC chamber",
      pricePerHour: 800,
      maxHours: 8,
      openHour: 8,
      closeHour: 20,
    });
    expect(created.statusCode).toBe(200);
    resourceId = created.json().id;
  });
  afterAll(() => app.close());

  const book = (s: Session, startsAt: string, endsAt: string, purpose = "EMC pre-scan") =>
    call(app, s, "POST", `/api/v1/resources/${resourceId}/bookings`, { startsAt, endsAt, purpose });

  it("50 simultaneous requests for one slot: exactly one booking, 49 × 409 BOOKING_OVERLAP, no 5xx", async () => {
    const day = clusterDay(10);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(i % 2 ? a : c, at(day, 9), at(day, 12), `race ${i}`)),
    );
    const ms = performance.now() - started;
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 200).length).toBe(1);
    expect(codes.filter((s) => s === 409).length).toBe(49);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.code).toBe("BOOKING_OVERLAP");
    const calendar = await call(
      app,
      b,
      "GET",
      `/api/v1/resources/${resourceId}/calendar?from=${encodeURIComponent(at(day, 0))}&to=${encodeURIComponent(at(clusterDay(11), 0))}`,
    );
    expect(calendar.json().slots).toHaveLength(1);
    console.info(`[${getDb().kind}] 50 racing booking requests settled in ${ms.toFixed(0)} ms`);
  });

  it("overlapping-but-different slots are refused, adjacent ones ([start, end)) are accepted", async () => {
    const day = clusterDay(12);
    expect((await book(a, at(day, 10), at(day, 13))).statusCode).toBe(200);
    for (const [from, to] of [
      [9, 11], // overlaps the start
      [12, 15], // overlaps the end
      [11, 12], // inside
      [9, 14], // around
      [10, 13], // the same
    ] as const) {
      const res = await book(c, at(day, from), at(day, to));
      expect(res.statusCode, `${from}-${to}`).toBe(409);
      expect(res.json().error.code).toBe("BOOKING_OVERLAP");
    }
    expect((await book(c, at(day, 8), at(day, 10))).statusCode).toBe(200); // ends where it starts
    expect((await book(c, at(day, 13), at(day, 16))).statusCode).toBe(200); // starts where it ends
  });

  it("racing different overlapping slots: exactly one wins; a declined or cancelled booking frees its slot", async () => {
    const day = clusterDay(14);
    const slots: [number, number][] = [
      [9, 12],
      [10, 13],
      [11, 14],
      [8, 10],
      [12, 15],
    ];
    const results = await Promise.all(slots.map(([f, t], i) => book(i % 2 ? a : c, at(day, f), at(day, t))));
    const winners = slots.filter((_, i) => results[i].statusCode === 200);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    // Whatever won, no two accepted slots overlap, and at least one was accepted.
    expect(winners.length).toBeGreaterThanOrEqual(1);
    for (const [i, x] of winners.entries())
      for (const y of winners.slice(i + 1)) expect(x[1] <= y[0] || y[1] <= x[0]).toBe(true);

    const freeDay = clusterDay(15);
    const first = await book(a, at(freeDay, 9), at(freeDay, 11));
    expect((await book(c, at(freeDay, 9), at(freeDay, 11))).statusCode).toBe(409);
    const declined = await call(app, b, "POST", `/api/v1/bookings/${first.json().id}/decline`, {
      note: "maintenance",
    });
    expect(declined.json().status).toBe("declined");
    const second = await book(c, at(freeDay, 9), at(freeDay, 11));
    expect(second.statusCode).toBe(200);
    expect(
      (await call(app, c, "POST", `/api/v1/bookings/${second.json().id}/cancel`, {})).json().status,
    ).toBe("cancelled");
    expect((await book(a, at(freeDay, 10), at(freeDay, 12))).statusCode).toBe(200);
  });

  it("the same slot on another resource is free", async () => {
    const other = await call(app, b, "POST", "/api/v1/resources", {
      kind: "instrument",
      nameZh: "频谱分析仪",
      nameEn: "Spectrum analyser",
      pricePerHour: 100,
    });
    const day = clusterDay(10);
    const res = await call(app, a, "POST", `/api/v1/resources/${other.json().id}/bookings`, {
      startsAt: at(day, 9),
      endsAt: at(day, 12),
      purpose: "same time, other instrument",
    });
    expect(res.statusCode).toBe(200);
  });
});
