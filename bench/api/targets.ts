import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "../../apps/server/src/app.ts";
import { openDatabase } from "../../apps/server/src/db/database.ts";
import { migrate } from "../../apps/server/src/db/migrate.ts";
import { loadDemoCluster } from "../../apps/server/src/demo/demo.loader.ts";

export interface Target {
  label: string;
  base: string;
  headers: Record<string, string>;
  orgIds: string[];
  close(): Promise<void>;
}

function baseOf(app: FastifyInstance): string {
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** A bare Fastify route in the same process: the floor any API route stands on. */
export async function bareTarget(): Promise<Target> {
  const app = Fastify({ logger: false });
  app.get("/bare", async () => ({ ok: true }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { label: "bare Fastify", base: baseOf(app), headers: {}, orgIds: [], close: () => app.close() };
}

async function signedIn(
  app: FastifyInstance,
  operator: { email: string; password: string },
): Promise<{ base: string; headers: Record<string, string> }> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: operator.email, password: operator.password },
  });
  return { base: baseOf(app), headers: { cookie: String(res.headers["set-cookie"]).split(";")[0] } };
}

/**
 * The full app on a database loaded with the demo cluster, signed in as the demo operator, plus a
 * second app on the same database with the directory caches off (`uncached`): the cost of a cache
 * miss, i.e. of the database work, measured in the same run.
 */
export async function appTarget(
  kind: "pglite" | "postgres",
  pgUrl?: string,
): Promise<Target & { uncached: Target }> {
  const schema = kind === "postgres" ? `bench_${randomBytes(4).toString("hex")}` : undefined;
  if (kind === "postgres" && pgUrl) {
    const admin = await openDatabase({ url: pgUrl });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
  }
  const handle = await openDatabase({ url: kind === "postgres" && pgUrl ? pgUrl : "memory://", schema });
  await migrate(handle);
  const demo = await loadDemoCluster(handle.db);
  const build = (directoryCache: boolean) =>
    buildApp({
      db: handle.db,
      sessionSecret: randomBytes(32).toString("hex"),
      logLevel: "warn",
      directoryCache,
    });
  const app = await build(true);
  const uncachedApp = await build(false);
  const operator = demo.logins.find((l) => l.persona === "operator") ?? demo.logins[0];
  const cached = await signedIn(app, operator);
  const uncached = await signedIn(uncachedApp, operator);
  const orgs = await app.inject({
    method: "GET",
    url: "/api/v1/orgs?pageSize=200&sort=name",
    headers: cached.headers,
  });
  const orgIds = (orgs.json() as { items: { id: string }[] }).items.map((o) => o.id);
  const label = kind === "pglite" ? "PGlite (in-process)" : "PostgreSQL 15";
  return {
    label,
    ...cached,
    orgIds,
    // Closed together with the main target, which owns the database.
    uncached: { label, ...uncached, orgIds, close: async () => undefined },
    close: async () => {
      await app.close();
      await uncachedApp.close();
      await handle.close();
      if (schema && pgUrl) {
        const admin = await openDatabase({ url: pgUrl });
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      }
    },
  };
}
