import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { grants, oeeCounts, oeeMachineSettings, oeeStateEvents } from "../../db/schema/index.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { createTestDevice } from "../telemetry/telemetry.test-support.ts";

const NOW = Date.parse("2026-12-07T12:00:00.000Z");
const WEEK_MIN = 7 * 1440;
/** Units per firm over the week at 60 s each, running the whole week: OEE = units / 10,080. */
const UNITS = { [IDS.a]: 5040, [IDS.b]: 8064, [IDS.c]: 3024, [IDS.d]: 9072 };

describeEachDatabase(
  "cluster OEE benchmark (by process type, k ≥ 3, only firms that granted it)",
  (getDb) => {
    let app: FastifyInstance;
    let a: Session;
    const grant = (orgId: string) =>
      getDb()
        .db.insert(grants)
        .values({
          id: `oee-bench-${orgId}`,
          orgId,
          granteeOrgId: IDS.operator,
          dataClass: "equipment",
          purpose: "cluster benchmark",
          expiresAt: new Date(NOW + 30 * 86_400_000),
        });
    const coilWinding = async (s: Session) => {
      const res = await call(app, s, "GET", "/api/v1/oee/benchmarks");
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((r: { processType: string }) => r.processType === "coil_winding");
    };

    beforeAll(async () => {
      const { db } = getDb();
      await seedCluster(db);
      app = await testApp(db, { now: () => new Date(NOW) });
      for (const [orgId, units] of Object.entries(UNITS)) {
        const dev = await createTestDevice(db, orgId, `ob-${orgId}`, []);
        const machineId = `ob-${orgId}-machine`;
        expect(dev.orgId).toBe(orgId);
        await db.insert(oeeMachineSettings).values({ orgId, machineId, idealCycleS: 60 });
        await db.insert(oeeStateEvents).values({
          orgId,
          id: `ob-${orgId}-run`,
          machineId,
          state: "running",
          startedAt: new Date(NOW - WEEK_MIN * 60_000),
          endedAt: new Date(NOW),
          source: "tag",
        });
        await db
          .insert(oeeCounts)
          .values({ orgId, machineId, bucket: new Date(NOW - 3_600_000), good: units, total: units });
      }
      a = await login(app, EMAILS.aOwner);
    });
    afterAll(() => app.close());

    it("with 2 granting firms the figure is suppressed; the firm still sees its own OEE", async () => {
      await grant(IDS.a);
      await grant(IDS.b);
      const row = await coilWinding(a);
      expect(row).toMatchObject({
        metric: "oee",
        suppressed: true,
        firms: null,
        q1: null,
        median: null,
        q3: null,
      });
      expect(row.mine).toBeCloseTo(0.5, 3);
      // C (not yet granting) sees only its own figure.
      const c = await login(app, EMAILS.cOwner);
      expect(await coilWinding(c)).toMatchObject({ suppressed: true, mine: 0.3 });
    });

    it("with 3 it shows quartiles; a firm without a grant (D) is not counted", async () => {
      await grant(IDS.c);
      const row = await coilWinding(a);
      // A 0.5, B 0.8, C 0.3 → median 0.5 (with D's 0.9 counted it would be 0.65).
      expect(row).toMatchObject({ suppressed: false, firms: 3, median: 0.5, q1: 0.4, q3: 0.65, mine: 0.5 });
      expect(row.myQuartile).toBe(3);
    });

    it("a revoked grant stops counting at once", async () => {
      await getDb()
        .db.update(grants)
        .set({ revokedAt: new Date(NOW - 1000) })
        .where(eq(grants.id, `oee-bench-${IDS.c}`));
      expect(await coilWinding(a)).toMatchObject({ suppressed: true, firms: null });
    });
  },
);
