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
  });

  it.each([
    [{ PORT: "abc" }, /^config: PORT must be a number \(got "abc"\)$/],
    [{ PORT: "70000" }, /^config: PORT /],
    [{ LOG_LEVEL: "loud" }, /^config: LOG_LEVEL must be one of/],
    [{ PUBLIC_URL: "not a url" }, /^config: PUBLIC_URL /],
    [{ MQTT_URL: "http://x" }, /^config: MQTT_URL /],
    [{ SESSION_SECRET: "short" }, /^config: SESSION_SECRET .*\(got \(hidden\)\)$/],
    [{ NODE_ENV: "production" }, /^config: SESSION_SECRET is required/],
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
