import { afterAll, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { defaultConfig } from "../config/config.ts";
import { EMAILS, login, seedCluster } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import {
  finished,
  jobsApp,
  scheduleBody,
  startJob,
  TEST_SECRET,
  waitForJob,
} from "./jobs/job.test-support.ts";
import type { FeatureModule } from "./module.ts";

/** A module with background work that records when it starts and stops. */
function fake(
  name: string,
  log: string[],
  opts: { hangOnStop?: boolean; healthy?: boolean } = {},
): FeatureModule {
  return {
    name,
    routes: () => undefined,
    async start(deps) {
      log.push(`start ${name} (port ${deps.config.port})`);
      return {
        stop: () => {
          log.push(`stop ${name}`);
          return opts.hangOnStop ? new Promise<void>(() => undefined) : Promise.resolve();
        },
        health: () => ({ ok: opts.healthy ?? true, ticks: 3 }),
      };
    },
  };
}

describeEachDatabase("module life cycle", (getDb) => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it("starts modules in order with the config in their deps, reports each on /readyz, stops them in reverse within the bound", async () => {
    const log: string[] = [];
    const app = await buildApp({
      db: getDb().db,
      sessionSecret: TEST_SECRET,
      logLevel: "silent",
      config: defaultConfig({ sessionSecret: TEST_SECRET, port: 4321, shutdownSeconds: 0.3 }),
      modules: [
        fake("broker", log),
        { name: "plain", routes: () => undefined },
        fake("poller", log, { hangOnStop: true }),
      ],
    });
    expect(log).toEqual(["start broker (port 4321)", "start poller (port 4321)"]);
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: "ready",
      modules: [
        { name: "broker", state: "running", ok: true, ticks: 3 },
        { name: "poller", state: "running", ok: true, ticks: 3 },
      ],
    });
    const t0 = Date.now();
    await app.close();
    // The poller never stops: close still returns after the 0.3 s bound, and the broker is stopped after it.
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(log.slice(2)).toEqual(["stop poller", "stop broker"]);
  });

  it("answers 503 when a module reports itself unhealthy", async () => {
    const app = await buildApp({
      db: getDb().db,
      sessionSecret: TEST_SECRET,
      logLevel: "silent",
      modules: [fake("sick", [], { healthy: false })],
    });
    closers.push(() => app.close());
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().modules[0]).toMatchObject({ name: "sick", ok: false });
  });

  it("a clean shutdown marks the jobs it was running as interrupted, never leaves them running", async () => {
    await seedCluster(getDb().db);
    const app = await jobsApp(getDb().db);
    const a = await login(app, EMAILS.aOwner);
    const job = await startJob(app, a, scheduleBody(60, 31));
    await waitForJob(app, a, job.id, (j) => j.status === "running");
    await app.close();
    const next = await jobsApp(getDb().db);
    closers.push(() => next.close());
    const after = await waitForJob(next, await login(next, EMAILS.aOwner), job.id, finished, 1000);
    expect(after.status).toBe("interrupted");
    expect(after.error?.message).toMatch(/server stopped/);
  });
});
