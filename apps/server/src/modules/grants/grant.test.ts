import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { B_SECRETS, call, EMAILS, IDS, login, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase("grants: access through a grant, audited reads, immediate revocation", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
  });
  afterAll(() => app.close());

  it("the grantee reads B's indicators through the grant and the read lands in B's audit log", async () => {
    const c = await login(app, EMAILS.cOwner);
    const res = await call(app, c, "GET", `/api/v1/orgs/${IDS.b}/indicators`);
    expect(res.statusCode).toBe(200);
    expect(res.json().access).toBe("grant");
    expect(res.json().items.find((y: { year: number }) => y.year === 2023).revenue).toBe(B_SECRETS.revenue);
    // No 'relations' grant: B's relation list stays hidden even from a party to one of them…
    expect((await call(app, c, "GET", `/api/v1/orgs/${IDS.b}/relations`)).statusCode).toBe(404);
    // …while C sees the B→C relation in its own list.
    const own = (await call(app, c, "GET", `/api/v1/orgs/${IDS.c}/relations`)).json();
    expect(own.items.map((r: { id: string }) => r.id)).toContain(IDS.relationBC);
    const b = await login(app, EMAILS.bOwner);
    const log = (await call(app, b, "GET", "/api/v1/audit?action=grant.read")).json();
    expect(
      log.items.some(
        (e: { actorOrgId: string; entity: string }) => e.actorOrgId === IDS.c && e.entity === "indicators",
      ),
    ).toBe(true);
  });

  it("A (no grant) gets 404; after B grants A, A reads; after revoke, A is refused at once", async () => {
    const a = await login(app, EMAILS.aOwner);
    const b = await login(app, EMAILS.bOwner);
    expect((await call(app, a, "GET", `/api/v1/orgs/${IDS.b}/indicators`)).statusCode).toBe(404);
    const g = await call(app, b, "POST", "/api/v1/grants", {
      granteeOrgId: IDS.a,
      dataClass: "indicators",
      purpose: "joint R&D budgeting",
      expiresAt: "2099-01-01T00:00:00Z",
    });
    expect(g.statusCode).toBe(200);
    expect(g.json().status).toBe("active");
    expect((await call(app, a, "GET", `/api/v1/orgs/${IDS.b}/indicators`)).statusCode).toBe(200);
    expect(
      (await call(app, a, "GET", "/api/v1/grants")).json().received.map((x: { id: string }) => x.id),
    ).toContain(g.json().id);
    const revoked = await call(app, b, "POST", `/api/v1/grants/${g.json().id}/revoke`);
    expect(revoked.json().status).toBe("revoked");
    expect((await call(app, a, "GET", `/api/v1/orgs/${IDS.b}/indicators`)).statusCode).toBe(404);
  });

  it("an equipment grant reveals key equipment on the profile, contacts stay hidden", async () => {
    const a = await login(app, EMAILS.aOwner);
    const b = await login(app, EMAILS.bOwner);
    expect((await call(app, a, "GET", `/api/v1/orgs/${IDS.b}`)).json().keyEquipment).toBeUndefined();
    await call(app, b, "POST", "/api/v1/grants", {
      granteeOrgId: IDS.a,
      dataClass: "equipment",
      purpose: "shared capacity",
      expiresAt: "2099-01-01T00:00:00Z",
    });
    const profile = (await call(app, a, "GET", `/api/v1/orgs/${IDS.b}`)).json();
    expect(profile.keyEquipment[0].name).toBe(B_SECRETS.equipment);
    expect(profile.contact).toBeUndefined();
    expect(profile.access).toEqual({ equipment: "grant", contacts: "none" });
  });

  it("a member cannot grant; expiry in the past and unknown grantees are refused by field", async () => {
    const m = await login(app, EMAILS.aMember);
    const body = {
      granteeOrgId: IDS.b,
      dataClass: "relations",
      purpose: "x",
      expiresAt: "2099-01-01T00:00:00Z",
    };
    expect((await call(app, m, "POST", "/api/v1/grants", body)).statusCode).toBe(403);
    const a = await login(app, EMAILS.aOwner);
    const past = await call(app, a, "POST", "/api/v1/grants", { ...body, expiresAt: "2001-01-01T00:00:00Z" });
    expect(past.json().error.details[0].path).toBe("expiresAt");
    const unknown = await call(app, a, "POST", "/api/v1/grants", { ...body, granteeOrgId: "org-nope" });
    expect(unknown.json().error.details[0].path).toBe("granteeOrgId");
  });
});
