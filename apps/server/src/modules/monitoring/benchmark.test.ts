import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { grants } from "../../db/schema/index.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { existingTelemetryStorage } from "../telemetry/telemetry.storage.ts";
import { createTestDevice } from "../telemetry/telemetry.test-support.ts";

const NOW = Date.parse("2026-12-07T12:00:00.000Z");
const MIN = 60_000;
/** Spec limits 0…12 around a mean of 6: Cpk = 6 / 3σ. */
const readings = (spread: number) =>
  Array.from({ length: 60 }, (_, i) => 6 + (i % 2 === 0 ? spread : -spread));
function cpk(xs: readonly number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return Math.round((Math.min(12 - mean, mean - 0) / (3 * sd)) * 1000) / 1000;
}
const SPREAD = { [IDS.a]: 1, [IDS.b]: 2, [IDS.c]: 0.5, [IDS.d]: 0.1 };

describeEachDatabase(
  "cluster benchmark (Cpk by process type, k ≥ 3, only firms that granted it) and the SPC chart",
  (getDb) => {
    let app: FastifyInstance;
    let a: Session;
    const grant = (orgId: string) =>
      getDb()
        .db.insert(grants)
        .values({
          id: `bench-${orgId}`,
          orgId,
          granteeOrgId: IDS.operator,
          dataClass: "equipment",
          purpose: "cluster benchmark",
          expiresAt: new Date(NOW + 30 * 86_400_000),
        });
    const coilWinding = async (s: Session) => {
      const res = await call(app, s, "GET", "/api/v1/monitoring/benchmarks");
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((r: { processType: string }) => r.processType === "coil_winding");
    };

    beforeAll(async () => {
      const { db } = getDb();
      await seedCluster(db);
      app = await testApp(db, { now: () => new Date(NOW) });
      const storage = existingTelemetryStorage(db);
      if (!storage) throw new Error("no telemetry storage");
      for (const [orgId, spread] of Object.entries(SPREAD)) {
        const dev = await createTestDevice(db, orgId, `bench-${orgId}`, [
          { key: "width", dataType: "number", unit: "mm", low: 0, high: 12 },
        ]);
        const points = readings(spread).map((value, i) => ({ tag: "width", ts: NOW - (i + 1) * MIN, value }));
        expect((await storage.writer.write({ orgId, deviceId: dev.deviceId, points })).stored).toBe(60);
      }
      a = await login(app, EMAILS.aOwner);
    });
    afterAll(() => app.close());

    it("with 2 contributing firms the figure is suppressed; the firm still sees its own Cpk", async () => {
      await grant(IDS.a);
      await grant(IDS.b);
      const row = await coilWinding(a);
      expect(row).toMatchObject({
        suppressed: true,
        firms: null,
        q1: null,
        median: null,
        q3: null,
        myQuartile: null,
      });
      expect(row.mine).toBeCloseTo(cpk(readings(1)), 3);
    });

    it("with 3 it shows quartiles; a firm without a grant (D) is not counted", async () => {
      await grant(IDS.c);
      const row = await coilWinding(a);
      const values = [cpk(readings(2)), cpk(readings(1)), cpk(readings(0.5))];
      expect(row).toMatchObject({ suppressed: false, firms: 3 });
      // Median of A, B, C is A's; with D (Cpk ≈ 20) counted it would move to (A + C) / 2.
      expect(row.median).toBeCloseTo(values[1], 3);
      expect(row.q1).toBeCloseTo((values[0] + values[1]) / 2, 3);
      expect(row.q3).toBeCloseTo((values[1] + values[2]) / 2, 3);
      expect(row.myQuartile).toBe(3);
      // D itself sees where it stands against the three who granted, without being counted.
      const d = await login(app, EMAILS.cOwner.replace("@c.", "@d."), undefined).catch(() => null);
      if (d) expect((await coilWinding(d)).firms).toBe(3);
    });

    it("a revoked grant stops counting at once", async () => {
      const { eq } = await import("drizzle-orm");
      await getDb()
        .db.update(grants)
        .set({ revokedAt: new Date(NOW - 1000) })
        .where(eq(grants.id, `bench-${IDS.c}`));
      expect(await coilWinding(a)).toMatchObject({ suppressed: true, firms: null });
    });

    it("SPC chart of a tag: limits from the first part, a rule-1 violation marked, Cp/Cpk with intervals; another firm 404", async () => {
      const storage = existingTelemetryStorage(getDb().db);
      const tagId = `bench-${IDS.a}-tag-width`;
      await storage?.writer.write({
        orgId: IDS.a,
        deviceId: `bench-${IDS.a}-device`,
        points: [{ tag: "width", ts: NOW - 30_000, value: 20 }],
      });
      const res = await call(app, a, "GET", `/api/v1/monitoring/tags/${tagId}/spc?hours=24`);
      expect(res.statusCode, res.body).toBe(200);
      const spc = res.json();
      expect(spc.points).toHaveLength(61);
      expect(spc.baselinePoints).toBe(30);
      expect(spc.limits.center).toBeCloseTo(6, 6);
      // σ from the moving range: |5 − 7| = 2 → 2 / d2(2) = 2 / 1.128.
      expect(spc.limits.sigma).toBeCloseTo(2 / 1.128, 2);
      expect(spc.violations).toContainEqual({ index: 60, rule: 1 });
      expect(spc.lsl).toBe(0);
      expect(spc.usl).toBe(12);
      expect(spc.capability.cpk.lower).toBeLessThan(spc.capability.cpk.estimate);
      expect(spc.capability.cpk.upper).toBeGreaterThan(spc.capability.cpk.estimate);
      expect(spc.capability.cp.estimate).toBeCloseTo(12 / (6 * (2 / 1.128)), 2);
      const b = await login(app, EMAILS.bOwner);
      expect((await call(app, b, "GET", `/api/v1/monitoring/tags/${tagId}/spc`)).statusCode).toBe(404);
      expect((await call(app, a, "GET", `/api/v1/monitoring/tags/${tagId}/spc?hours=0`)).statusCode).toBe(
        400,
      );
    });
  },
);
