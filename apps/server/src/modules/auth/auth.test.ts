import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, EMAILS, IDS, login, PASSWORD, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase("auth: sessions, CSRF, API tokens, lockout", (getDb) => {
  let app: FastifyInstance;
  let clock = new Date("2026-03-01T08:00:00Z");
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, {
      now: () => clock,
      security: { maxFailedLogins: 3, lockoutMinutes: 10, ipMaxAttempts: 8, ipWindowMinutes: 15 },
    });
  });
  afterAll(() => app.close());

  const loginReq = (email: string, password: string, ip = "10.0.0.1") =>
    app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password },
      remoteAddress: ip,
    });

  it("signs in with an httpOnly SameSite=Lax session cookie, answers /me, and logs out", async () => {
    const res = await loginReq(EMAILS.aOwner, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/cb_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const s = await login(app, EMAILS.aOwner);
    const me = await call(app, s, "GET", "/api/v1/auth/me");
    expect(me.json()).toMatchObject({ org: { id: IDS.a }, role: "owner", isOperator: false });
    expect((await call(app, s, "POST", "/api/v1/auth/logout")).statusCode).toBe(200);
    expect((await call(app, s, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("refuses a wrong password with 401 INVALID_CREDENTIALS and the same answer for an unknown email", async () => {
    const wrong = await loginReq(EMAILS.cOwner, "nope", "10.0.0.2");
    const unknown = await loginReq("ghost@nowhere.test", "nope", "10.0.0.2");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe("INVALID_CREDENTIALS");
  });

  it("locks an account after repeated failures, even for the right password, until the lock expires", async () => {
    for (let i = 0; i < 3; i++)
      expect((await loginReq(EMAILS.aAdmin, "bad", "10.0.1.1")).statusCode).toBe(401);
    const locked = await loginReq(EMAILS.aAdmin, PASSWORD, "10.0.1.2");
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe("ACCOUNT_LOCKED");
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect((await loginReq(EMAILS.aAdmin, PASSWORD, "10.0.1.2")).statusCode).toBe(200);
  });

  it("rate-limits sign-in attempts per IP address with 429", async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < 8; i++) await loginReq(`nobody${i}@x.test`, "bad", ip);
    const limited = await loginReq(EMAILS.cOwner, PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RATE_LIMITED");
    expect(limited.headers["retry-after"]).toBeDefined();
    expect((await loginReq(EMAILS.cOwner, PASSWORD, "10.9.9.10")).statusCode).toBe(200);
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const s = await login(app, EMAILS.aOwner);
    const url = `/api/v1/orgs/${IDS.a}`;
    const noToken = await app.inject({
      method: "PATCH",
      url,
      headers: { cookie: s.cookie },
      payload: { website: "https://a.test" },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe("CSRF_FAILED");
    const wrong = await app.inject({
      method: "PATCH",
      url,
      headers: { cookie: s.cookie, "x-csrf-token": `${s.csrf}x` },
      payload: { website: "https://a.test" },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await call(app, s, "PATCH", url, { website: "https://a.test" })).statusCode).toBe(200);
    // Signing in again with a live cookie needs no token: login does not act on the session.
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { cookie: s.cookie },
      payload: { email: EMAILS.aOwner, password: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
  });

  it("API tokens: shown once, stored hashed, work as Bearer without CSRF, stop at revocation", async () => {
    const s = await login(app, EMAILS.aMember);
    const created = await call(app, s, "POST", "/api/v1/auth/tokens", { name: "etl script" });
    expect(created.statusCode).toBe(200);
    const { token, id } = created.json() as { token: string; id: string };
    expect(token).toMatch(/^cb_/);
    const { apiTokens } = await import("../../db/schema/index.ts");
    const stored = await getDb().db.select().from(apiTokens);
    expect(stored.some((t) => t.tokenHash === token || t.tokenHash.includes(token))).toBe(false);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer });
    expect(me.json()).toMatchObject({ org: { id: IDS.a }, role: "member" });
    const write = await app.inject({
      method: "PUT",
      url: `/api/v1/orgs/${IDS.a}/indicators`,
      headers: bearer,
      payload: {
        year: 2025,
        revenue: 1,
        rdSpend: 1,
        employees: 1,
        patents: 0,
        energyUse: 1,
        exports: 0,
        fixedAssets: 1,
        profit: 0,
      },
    });
    expect(write.statusCode).toBe(200);
    expect((await call(app, s, "DELETE", `/api/v1/auth/tokens/${id}`)).statusCode).toBe(200);
    const after = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: "GET",
          url: "/api/v1/auth/me",
          headers: { authorization: "Bearer cb_forged" },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("viewers cannot create API tokens", async () => {
    const s = await login(app, EMAILS.aViewer);
    expect((await call(app, s, "POST", "/api/v1/auth/tokens", { name: "x" })).statusCode).toBe(403);
  });
});

describe("auth: routes need a signed-in caller", () => {
  it("answers 401 UNAUTHENTICATED without credentials", async () => {
    const { createTestDatabase } = await import("../../test/test-database.ts");
    const t = await createTestDatabase("pglite");
    const app = await testApp(t.db);
    const res = await app.inject({ method: "GET", url: "/api/v1/orgs" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "sign in required" } });
    await app.close();
    await t.close();
  });
});
