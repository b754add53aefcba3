import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, grants, relations } from "../db/schema/index.ts";
import { call, EMAILS, IDS, login, seedCluster, testApp } from "./fixtures.ts";
import { describeEachDatabase } from "./test-database.ts";

const N = 12;
const DAY = 86_400_000;

/** Fires the same request N times before awaiting any answer: on PostgreSQL they run on several connections. */
function burst<T>(n: number, fire: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => fire(i)));
}

function tally(codes: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const c of codes) out[c] = (out[c] ?? 0) + 1;
  return out;
}

/**
 * "Only one" rules held by unique keys, not by a read before the write: concurrent requests get one
 * winner and 409s naming the key, never a 5xx or a duplicate row.
 */
describeEachDatabase("races settled by the database's keys", (getDb) => {
  let app: FastifyInstance;
  let clock = Date.now();
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { now: () => new Date(clock) });
  });
  afterAll(() => app.close());

  const grantBody = (expiresAt: string) => ({
    granteeOrgId: IDS.d,
    dataClass: "indicators",
    purpose: "race",
    expiresAt,
  });

  describe("grants", () => {
    it("the same grant made at once: one live grant, the rest 409 naming grantor, grantee and class", async () => {
      const sessions = [await login(app, EMAILS.aOwner), await login(app, EMAILS.aAdmin)];
      const expiresAt = new Date(clock + 30 * DAY).toISOString();
      const res = await burst(N, (i) =>
        call(app, sessions[i % 2], "POST", "/api/v1/grants", grantBody(expiresAt)),
      );
      expect(tally(res.map((r) => r.statusCode))).toEqual({ 200: 1, 409: N - 1 });
      const refused = res.find((r) => r.statusCode === 409)?.json();
      expect(refused.error.code).toBe("CONFLICT");
      expect(refused.error.message).toMatch(/active grant of this data class/);
      expect(refused.error.details).toMatchObject({
        reason: "UNIQUE_VIOLATION",
        fields: ["orgId", "granteeOrgId", "dataClass"],
      });
      const live = await getDb()
        .db.select({ id: grants.id })
        .from(grants)
        .where(and(eq(grants.orgId, IDS.a), eq(grants.granteeOrgId, IDS.d), isNull(grants.revokedAt)));
      expect(live).toHaveLength(1);
    });

    it("revoked at once: every request answers the revoked grant, the revocation is audited once", async () => {
      const [owner, admin] = [await login(app, EMAILS.aOwner), await login(app, EMAILS.aAdmin)];
      const list = (await call(app, owner, "GET", "/api/v1/grants")).json();
      const id = list.given.find(
        (g: { granteeOrgId: string; status: string }) => g.granteeOrgId === IDS.d,
      ).id;
      const res = await burst(N, (i) =>
        call(app, i % 2 ? admin : owner, "POST", `/api/v1/grants/${id}/revoke`),
      );
      expect(tally(res.map((r) => r.statusCode))).toEqual({ 200: N });
      expect(new Set(res.map((r) => r.json().status))).toEqual(new Set(["revoked"]));
      const audited = await getDb()
        .db.select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "grant.revoke")));
      expect(audited).toHaveLength(1);
    });

    it("a grant that ran out does not block the next one, and still reads as expired, not revoked", async () => {
      const owner = await login(app, EMAILS.aOwner);
      const first = await call(
        app,
        owner,
        "POST",
        "/api/v1/grants",
        grantBody(new Date(clock + DAY).toISOString()),
      );
      expect(first.statusCode).toBe(200);
      clock += 2 * DAY;
      const again = await login(app, EMAILS.aOwner);
      const second = await call(
        app,
        again,
        "POST",
        "/api/v1/grants",
        grantBody(new Date(clock + DAY).toISOString()),
      );
      expect(second.statusCode).toBe(200);
      const given = (await call(app, again, "GET", "/api/v1/grants")).json().given;
      expect(given.find((g: { id: string }) => g.id === first.json().id)).toMatchObject({
        status: "expired",
        revokedAt: null,
      });
      expect(given.find((g: { id: string }) => g.id === second.json().id).status).toBe("active");
    });
  });

  describe("relations", () => {
    it("the same relation recorded at once: one row, the rest 409 naming supplier, customer and product", async () => {
      const staff = [EMAILS.aOwner, EMAILS.aAdmin, EMAILS.aMember];
      const sessions = await Promise.all(staff.map((e) => login(app, e)));
      const body = { supplierOrgId: IDS.a, customerOrgId: IDS.d, product: "race coil", volumeBand: "lt1m" };
      const res = await burst(N, (i) => call(app, sessions[i % 3], "POST", "/api/v1/relations", body));
      expect(tally(res.map((r) => r.statusCode))).toEqual({ 200: 1, 409: N - 1 });
      expect(res.find((r) => r.statusCode === 409)?.json().error).toMatchObject({
        code: "CONFLICT",
        details: { fields: ["supplierOrgId", "customerOrgId", "product"] },
      });
      // The key ignores case, as the importer does.
      const shouted = await call(app, sessions[0], "POST", "/api/v1/relations", {
        ...body,
        product: "RACE COIL",
      });
      expect(shouted.statusCode).toBe(409);
      const rows = await getDb()
        .db.select({ id: relations.id })
        .from(relations)
        .where(and(eq(relations.supplierOrgId, IDS.a), eq(relations.customerOrgId, IDS.d)));
      expect(rows).toHaveLength(1);
    });
  });
});
