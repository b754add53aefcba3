import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BuildAppOptions, buildApp } from "../app.ts";
import { EMAILS, login, PASSWORD, seedCluster } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { DEFAULT_LOAD_LIMITS } from "./hardening.ts";

const TOKEN = "metrics-token-0123456789abcdef";
// Delay-based shedding off: on a busy test machine a stalled event loop would answer 503 and blur
// what each test checks (the heap test switches shedding on through the heap limit instead).
const LIMITS = { ...DEFAULT_LOAD_LIMITS, maxEventLoopDelayMs: 0 };

describeEachDatabase("hardening: security headers, /metrics access, rate limits, load shedding", (getDb) => {
  let webDist: string;
  const apps: FastifyInstance[] = [];
  const make = async (extra: Partial<BuildAppOptions> = {}) => {
    const app = await buildApp({
      db: getDb().db,
      sessionSecret: "test-secret-0123456789-0123456789-abcdef",
      logLevel: "silent",
      webDist,
      ...extra,
    });
    await app.ready();
    apps.push(app);
    return app;
  };
  beforeAll(async () => {
    await seedCluster(getDb().db);
    webDist = await mkdtemp(join(tmpdir(), "cb-web-"));
    await writeFile(join(webDist, "index.html"), "<!doctype html><title>t</title><div id=root></div>");
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await rm(webDist, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  };

  it("sends CSP, frame, sniffing and referrer headers on a page and on an API answer; no HSTS over http", async () => {
    const app = await make();
    const page = await app.inject({ method: "GET", url: "/directory" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expectSecurityHeaders(page.headers);
    const api = await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe("UNAUTHENTICATED");
    expectSecurityHeaders(api.headers);
    expect(api.headers["cache-control"]).toBe("no-store");
    const docs = await app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger-ui-bundle.js");
    expectSecurityHeaders(docs.headers);
    for (const res of [page, api]) {
      expect(res.headers["strict-transport-security"]).toBeUndefined();
      expect(String(res.headers["content-security-policy"])).not.toContain("upgrade-insecure-requests");
    }
    const signIn = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: EMAILS.aOwner, password: PASSWORD },
    });
    expect(String(signIn.headers["set-cookie"])).not.toMatch(/;\s*Secure/i);
  });

  it("adds HSTS, upgrade-insecure-requests and Secure session cookies when PUBLIC_URL is https", async () => {
    const app = await make({ publicUrl: "https://brain.example.cn" });
    const page = await app.inject({ method: "GET", url: "/" });
    expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(String(page.headers["content-security-policy"])).toContain("upgrade-insecure-requests");
    const signIn = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: EMAILS.aOwner, password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    expect(String(signIn.headers["set-cookie"])).toMatch(/;\s*Secure/i);
  });

  it("answers /metrics to local callers only when no METRICS_TOKEN is set", async () => {
    const app = await make();
    const local = await app.inject({ method: "GET", url: "/metrics" });
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain("http_requests_total");
    const remote = await app.inject({ method: "GET", url: "/metrics", remoteAddress: "203.0.113.9" });
    expect(remote.statusCode).toBe(404);
    expect(remote.json().error.code).toBe("NOT_FOUND");
    const proxied = await app.inject({
      method: "GET",
      url: "/metrics",
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(proxied.statusCode).toBe(404);
  });

  it("requires the bearer METRICS_TOKEN from every caller when one is set", async () => {
    const app = await make({ metricsToken: TOKEN });
    const none = await app.inject({ method: "GET", url: "/metrics" });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe("UNAUTHENTICATED");
    const wrong = await app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: "GET",
      url: "/metrics",
      remoteAddress: "203.0.113.9",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("process_cpu_user_seconds_total");
  });

  it("limits requests per client IP with 429 RATE_LIMITED and Retry-After; other addresses are unaffected", async () => {
    const app = await make({ load: { ...LIMITS, ipPerMinute: 5 } });
    const get = (ip: string) => app.inject({ method: "GET", url: "/api/v1/auth/me", remoteAddress: ip });
    for (let i = 0; i < 5; i++) expect((await get("198.51.100.1")).statusCode).toBe(401);
    const limited = await get("198.51.100.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      error: { code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } },
    });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await get("198.51.100.2")).statusCode).toBe(401);
    // Liveness is never limited, or an orchestrator would restart a merely busy process.
    expect(
      (await app.inject({ method: "GET", url: "/healthz", remoteAddress: "198.51.100.1" })).statusCode,
    ).toBe(200);
  });

  it("limits API requests per signed-in user across addresses; another user is unaffected", async () => {
    const app = await make({ load: { ...LIMITS, userPerMinute: 3 } });
    const owner = await login(app, EMAILS.aOwner);
    const other = await login(app, EMAILS.cOwner);
    const me = (cookie: string, i: number) =>
      app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { cookie },
        remoteAddress: `192.0.2.${i}`,
      });
    for (let i = 1; i <= 3; i++) expect((await me(owner.cookie, i)).statusCode).toBe(200);
    const limited = await me(owner.cookie, 4);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("user"),
    });
    expect(limited.headers["retry-after"]).toBeDefined();
    expect((await me(other.cookie, 5)).statusCode).toBe(200);
  });

  it("sheds load with 503 OVERLOADED and Retry-After past the heap limit, but keeps /healthz answering", async () => {
    const app = await make({ load: { ...LIMITS, maxHeapFraction: 0.001 } });
    // under-pressure samples memory once per second; wait for the first sample.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const shed = await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(shed.statusCode).toBe(503);
    expect(shed.json()).toEqual({
      error: { code: "OVERLOADED", message: expect.stringContaining("overloaded") },
    });
    expect(shed.headers["retry-after"]).toBe("5");
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });
});
