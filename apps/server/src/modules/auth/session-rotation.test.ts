import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, login, PASSWORD, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const userId = (email: string) => `u-${email}`;

describeEachDatabase("session ids rotate on sign-in and on a role change (ASVS 3.2.1, 3.3.x)", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
  });
  afterAll(() => app.close());

  it("signing in with a session cookie already set issues a new id and ends the old session", async () => {
    const before = await login(app, EMAILS.aViewer);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { cookie: before.cookie },
      payload: { email: EMAILS.aViewer, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const raw = res.headers["set-cookie"];
    const fresh = (Array.isArray(raw) ? raw[0] : String(raw)).split(";")[0];
    expect(fresh).not.toBe(before.cookie);
    const after = { cookie: fresh, csrf: res.json().csrfToken as string, orgId: before.orgId };
    expect(after.csrf).not.toBe(before.csrf);
    expect((await call(app, before, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await call(app, after, "GET", "/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("a role change ends the member's sessions at once (credentials cache included); others keep theirs", async () => {
    const admin = await login(app, EMAILS.aAdmin);
    const member = await login(app, EMAILS.aMember);
    // Warm the credentials cache, so a stale cached role would show.
    expect((await call(app, member, "GET", "/api/v1/auth/me")).json().role).toBe("member");
    const res = await call(app, admin, "PATCH", `/api/v1/members/${userId(EMAILS.aMember)}`, {
      role: "viewer",
    });
    expect(res.statusCode).toBe(200);
    expect((await call(app, member, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await call(app, admin, "GET", "/api/v1/auth/me")).statusCode).toBe(200);
    const again = await login(app, EMAILS.aMember);
    expect(again.cookie).not.toBe(member.cookie);
    expect((await call(app, again, "GET", "/api/v1/auth/me")).json().role).toBe("viewer");
  });

  it("removal from the org ends the removed member's sessions too", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const member = await login(app, EMAILS.aMember);
    expect((await call(app, member, "GET", "/api/v1/auth/me")).statusCode).toBe(200);
    expect((await call(app, owner, "DELETE", `/api/v1/members/${userId(EMAILS.aMember)}`)).statusCode).toBe(
      200,
    );
    expect((await call(app, member, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });
});
