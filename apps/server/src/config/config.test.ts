import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), "cb-config-"));

  it("defaults: port 3000, PGlite under ./data, a dev session secret kept in the data folder", () => {
    const dir = dataDir();
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe(join(dir, "pglite"));
    expect(readFileSync(join(dir, "session-secret"), "utf8").trim()).toBe(c.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret);
    expect(c.jobs.threads).toBeGreaterThanOrEqual(1);
    expect(c.jobs).toMatchObject({ perOrgRunning: 1, perOrgQueued: 5 });
    expect(c.shutdownSeconds).toBe(10);
    expect(loadConfig({ DATA_DIR: dir, JOB_THREADS: "3", JOBS_PER_ORG: "2" }).jobs).toMatchObject({
      threads: 3,
      perOrgRunning: 2,
    });
  });

  it("reads METRICS_TOKEN and the load limits once, with defaults", () => {
    const d = loadConfig({ DATA_DIR: dataDir() });
    expect(d.metricsToken).toBeUndefined();
    expect(d.load).toEqual({
      ipPerMinute: 1200,
      userPerMinute: 600,
      maxEventLoopDelayMs: 100,
      maxHeapFraction: 0.85,
    });
    const c = loadConfig({
      DATA_DIR: dataDir(),
      METRICS_TOKEN: "0123456789abcdef0123",
      RATE_LIMIT_PER_IP: "50",
      RATE_LIMIT_PER_USER: "20",
      OVERLOAD_EVENT_LOOP_DELAY_MS: "100",
      OVERLOAD_HEAP_PERCENT: "70",
    });
    expect(c.metricsToken).toBe("0123456789abcdef0123");
    expect(c.load).toEqual({
      ipPerMinute: 50,
      userPerMinute: 20,
      maxEventLoopDelayMs: 100,
      maxHeapFraction: 0.7,
    });
  });

  it.each([
    [{ PORT: "abc" }, /^config: PORT must be a number \(got "abc"\)$/],
    [{ PORT: "70000" }, /^config: PORT /],
    [{ LOG_LEVEL: "loud" }, /^config: LOG_LEVEL must be one of/],
    [{ PUBLIC_URL: "not a url" }, /^config: PUBLIC_URL /],
    [{ MQTT_URL: "http://x" }, /^config: MQTT_URL /],
    [{ SESSION_SECRET: "short" }, /^config: SESSION_SECRET .*\(got \(hidden\)\)$/],
    [{ NODE_ENV: "production" }, /^config: SESSION_SECRET is required/],
    [{ METRICS_TOKEN: "short" }, /^config: METRICS_TOKEN .*\(got \(hidden\)\)$/],
    [{ RATE_LIMIT_PER_IP: "0" }, /^config: RATE_LIMIT_PER_IP /],
    [{ OVERLOAD_HEAP_PERCENT: "101" }, /^config: OVERLOAD_HEAP_PERCENT /],
    [{ JOB_THREADS: "0" }, /^config: JOB_THREADS /],
    [{ JOBS_PER_ORG: "many" }, /^config: JOBS_PER_ORG must be a number/],
    [{ SHUTDOWN_SECONDS: "-1" }, /^config: SHUTDOWN_SECONDS /],
    [{ TRUST_PROXY: "yes" }, /^config: TRUST_PROXY must be true, false, a hop count/],
    [{ TRUST_PROXY: "10.0.0.1,not-an-ip" }, /^config: TRUST_PROXY /],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /^config: TRUST_PROXY /],
  ])("a wrong value stops start-up with one line naming the variable: %o", (env, pattern) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(pattern);
    expect(message).not.toContain("\n");
  });

  it("TRUST_PROXY: off by default; true, a hop count, or the proxies' addresses/CIDRs", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
    ]);
  });
});
