import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { memberships } from "../../db/schema/index.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

/** The session a switch answered with: its new cookie and CSRF token. */
function sessionFrom(res: { headers: Record<string, unknown>; json: () => unknown }): Session {
  const raw = res.headers["set-cookie"];
  const header = Array.isArray(raw) ? String(raw[0]) : String(raw);
  const body = res.json() as { csrfToken: string; org: { id: string } };
  return { cookie: header.split(";")[0], csrf: body.csrfToken, orgId: body.org.id };
}

describeEachDatabase("accounts: several memberships and the org switcher", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    // A's admin is also a viewer of C: two memberships, signed in to the first (A).
    await getDb()
      .db.insert(memberships)
      .values({ orgId: IDS.c, userId: `u-${EMAILS.aAdmin}`, role: "viewer" });
    app = await testApp(getDb().db);
  });
  afterAll(() => app.close());

  it("lists my memberships with the active org", async () => {
    const s = await login(app, EMAILS.aAdmin);
    expect(s.orgId).toBe(IDS.a);
    const res = await call(app, s, "GET", "/api/v1/auth/memberships");
    expect(res.statusCode).toBe(200);
    expect(res.json().activeOrgId).toBe(IDS.a);
    expect(res.json().items.map((m: { orgId: string; role: string }) => [m.orgId, m.role])).toEqual([
      [IDS.a, "admin"],
      [IDS.c, "viewer"],
    ]);
    expect((await app.inject({ method: "GET", url: "/api/v1/auth/memberships" })).statusCode).toBe(401);
  });

  it("switching changes the active org and role, and replaces the session id and CSRF token", async () => {
    const before = await login(app, EMAILS.aAdmin);
    const res = await call(app, before, "POST", "/api/v1/auth/switch-org", { orgId: IDS.c });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ org: { id: IDS.c }, role: "viewer", isOperator: false });
    const after = sessionFrom(res);
    expect(after.cookie).toMatch(/^cb_session=/);
    expect(after.cookie).not.toBe(before.cookie);
    expect(after.csrf).not.toBe(before.csrf);
    expect(String(res.headers["set-cookie"])).toMatch(/HttpOnly/i);

    // The old session is gone: its cookie no longer signs anyone in.
    expect((await call(app, before, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    // The old CSRF token does not work with the new session.
    const stale = await call(app, { ...after, csrf: before.csrf }, "POST", "/api/v1/auth/switch-org", {
      orgId: IDS.a,
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error.code).toBe("CSRF_FAILED");

    const me = (await call(app, after, "GET", "/api/v1/auth/me")).json();
    expect(me).toMatchObject({ org: { id: IDS.c }, role: "viewer", csrfToken: after.csrf });
    // As C's viewer the admin rights in A are gone, and C's profile is not editable either.
    expect((await call(app, after, "GET", `/api/v1/orgs/${IDS.a}/members`)).statusCode).toBe(404);
    expect(
      (await call(app, after, "PATCH", `/api/v1/orgs/${IDS.c}`, { website: "https://c.test" })).statusCode,
    ).toBe(403);

    // And back: admin of A again, with yet another session.
    const back = await call(app, after, "POST", "/api/v1/auth/switch-org", { orgId: IDS.a });
    expect(back.json()).toMatchObject({ org: { id: IDS.a }, role: "admin" });
    const again = sessionFrom(back);
    expect((await call(app, again, "GET", `/api/v1/orgs/${IDS.a}/members`)).statusCode).toBe(200);
    expect((await call(app, after, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("refuses an org I am not a member of (404, as if it did not exist) and keeps the session", async () => {
    const s = await login(app, EMAILS.aAdmin);
    for (const orgId of [IDS.b, "no-such-org"]) {
      const res = await call(app, s, "POST", "/api/v1/auth/switch-org", { orgId });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("NOT_FOUND");
    }
    expect((await call(app, s, "GET", "/api/v1/auth/me")).json().org.id).toBe(IDS.a);
    const bad = await call(app, s, "POST", "/api/v1/auth/switch-org", { org: IDS.c });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("an API token stays in its org: it cannot switch", async () => {
    const s = await login(app, EMAILS.aAdmin);
    const { token } = (await call(app, s, "POST", "/api/v1/auth/tokens", { name: "script" })).json();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/switch-org",
      headers: { authorization: `Bearer ${token}` },
      payload: { orgId: IDS.c },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });
});
