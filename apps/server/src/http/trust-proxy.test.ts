import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { TrustProxy } from "../config/config.ts";
import { loginAttempts } from "../db/schema/index.ts";
import { EMAILS, PASSWORD, seedCluster } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";

const PROXY = "10.1.1.1";
const LIMIT = 3;

describeEachDatabase("TRUST_PROXY decides which address the per-IP sign-in limit counts", (getDb) => {
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    await seedCluster(getDb().db);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  async function appWith(trustProxy: TrustProxy | undefined): Promise<FastifyInstance> {
    const app = await buildApp({
      db: getDb().db,
      sessionSecret: "test-secret-0123456789-0123456789-abcdef",
      logLevel: "silent",
      security: { ipMaxAttempts: LIMIT, ipWindowMinutes: 15, maxFailedLogins: 100 },
      ...(trustProxy === undefined ? {} : { trustProxy }),
    });
    await app.ready();
    apps.push(app);
    return app;
  }

  /** Every request arrives from the proxy's address; X-Forwarded-For names the client. */
  const viaProxy = (app: FastifyInstance, client: string, email: string, password: string) =>
    app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: PROXY,
      headers: { "x-forwarded-for": client },
      payload: { email, password },
    });

  it("with TRUST_PROXY set to the proxy's address, X-Forwarded-For is the client: one client's failures do not block another", async () => {
    const app = await appWith([PROXY]);
    for (let i = 0; i < LIMIT; i++)
      expect((await viaProxy(app, "203.0.113.5", `t${i}@x.test`, "bad")).statusCode).toBe(401);
    const blocked = await viaProxy(app, "203.0.113.5", EMAILS.aOwner, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    expect((await viaProxy(app, "203.0.113.6", EMAILS.aOwner, PASSWORD)).statusCode).toBe(200);
  });

  it("a hop count works too; a forged X-Forwarded-For sent straight to the app (not via the trusted proxy) is ignored", async () => {
    const app = await appWith(1);
    for (let i = 0; i < LIMIT; i++)
      expect((await viaProxy(app, "198.51.100.7", `h${i}@x.test`, "bad")).statusCode).toBe(401);
    expect((await viaProxy(app, "198.51.100.7", EMAILS.aOwner, PASSWORD)).statusCode).toBe(429);
    expect((await viaProxy(app, "198.51.100.8", EMAILS.aOwner, PASSWORD)).statusCode).toBe(200);
    const listed = await appWith([PROXY]);
    const direct = await listed.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "192.0.2.50",
      headers: { "x-forwarded-for": "198.51.100.99" },
      payload: { email: "direct@x.test", password: "bad" },
    });
    expect(direct.statusCode).toBe(401);
    const rows = await getDb().db.select().from(loginAttempts);
    expect(rows.find((r) => r.email === "direct@x.test")?.ip).toBe("192.0.2.50");
  });

  it("without TRUST_PROXY, X-Forwarded-For is ignored: everyone behind the proxy shares its budget", async () => {
    const app = await appWith(undefined);
    for (let i = 0; i < LIMIT; i++)
      expect((await viaProxy(app, `192.0.2.${i + 1}`, `n${i}@x.test`, "bad")).statusCode).toBe(401);
    const blocked = await viaProxy(app, "192.0.2.200", EMAILS.aOwner, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    const rows = await getDb().db.select().from(loginAttempts);
    expect(rows.filter((r) => r.email.startsWith("n")).map((r) => r.ip)).toEqual([PROXY, PROXY, PROXY]);
  });
});
