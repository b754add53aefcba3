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

/** The full app on a database loaded with the demo cluster, signed in as the demo operator. */
export async function appTarget(kind: "pglite" | "postgres", pgUrl?: string): Promise<Target> {
  const schema = kind === "postgres" ? `bench_${randomBytes(4).toString("hex")}` : undefined;
  if (kind === "postgres" && pgUrl) {
    const admin = await openDatabase({ url: pgUrl });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
  }
  const handle = await openDatabase({ url: kind === "postgres" && pgUrl ? pgUrl : "memory://", schema });
  await migrate(handle);
  const demo = await loadDemoCluster(handle.db);
  const app = await buildApp({
    db: handle.db,
    sessionSecret: randomBytes(32).toString("hex"),
    logLevel: "warn",
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const operator = demo.logins.find((l) => l.persona === "operator") ?? demo.logins[0];
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: operator.email, password: operator.password },
  });
  const cookie = String(res.headers["set-cookie"]).split(";")[0];
  const orgs = await app.inject({
    method: "GET",
    url: "/api/v1/orgs?pageSize=200&sort=name",
    headers: { cookie },
  });
  const orgIds = (orgs.json() as { items: { id: string }[] }).items.map((o) => o.id);
  return {
    label: kind === "pglite" ? "PGlite (in-process)" : "PostgreSQL 15",
    base: baseOf(app),
    headers: { cookie },
    orgIds,
    close: async () => {
      await app.close();
      await handle.close();
      if (schema && pgUrl) {
        const admin = await openDatabase({ url: pgUrl });
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      }
    },
  };
}
