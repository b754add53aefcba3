import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase("audit log: every write recorded, visible to org admins and the operator", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
  });
  afterAll(() => app.close());

  it("records who, when, what and before/after for writes across modules", async () => {
    const a = await login(app, EMAILS.aOwner);
    await call(app, a, "PUT", `/api/v1/orgs/${IDS.a}/indicators`, {
      year: 2023,
      revenue: 1500,
      rdSpend: 10,
      employees: 100,
      patents: 1,
      energyUse: 50,
      exports: 5,
      fixedAssets: 100,
      profit: 20,
    });
    const rel = await call(app, a, "POST", "/api/v1/relations", {
      supplierOrgId: IDS.d,
      customerOrgId: IDS.a,
      product: "MnZn cores",
      volumeBand: "lt1m",
      nodeId: "n-ferrite",
    });
    expect(rel.statusCode).toBe(200);
    const log = (await call(app, a, "GET", "/api/v1/audit")).json();
    const actions = log.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["indicators.upsert", "relation.create"]));
    const ind = log.items.find((e: { action: string }) => e.action === "indicators.upsert");
    expect(ind.before).toMatchObject({ revenue: 1000 });
    expect(ind.after).toMatchObject({ revenue: 1500 });
    expect(ind.actorUserId).toBe(`u-${EMAILS.aOwner}`);
    expect(Number.isNaN(Date.parse(ind.at))).toBe(false);
    // The other party (D) sees the relation in its log too; the operator sees it there.
    const op = await login(app, EMAILS.opAdmin);
    const dLog = (await call(app, op, "GET", `/api/v1/audit?orgId=${IDS.d}`)).json();
    expect(dLog.items.map((e: { action: string }) => e.action)).toContain("relation.create");
  });

  it("members cannot read the log; other orgs' logs answer 404; the operator reads all", async () => {
    const m = await login(app, EMAILS.aMember);
    expect((await call(app, m, "GET", "/api/v1/audit")).statusCode).toBe(403);
    const a = await login(app, EMAILS.aAdmin);
    expect((await call(app, a, "GET", `/api/v1/audit?orgId=${IDS.b}`)).statusCode).toBe(404);
    const op = await login(app, EMAILS.opAdmin);
    const all = (await call(app, op, "GET", "/api/v1/audit?pageSize=200")).json();
    expect(new Set(all.items.map((e: { orgId: string }) => e.orgId)).size).toBeGreaterThanOrEqual(2);
  });
});
