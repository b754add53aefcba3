import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "./db/database.ts";
import { orgs } from "./db/schema/index.ts";

interface DemoLoaderModule {
  loadDemoCluster(db: Database): Promise<unknown>;
}

const loaderPath = join(dirname(fileURLToPath(import.meta.url)), "demo", "demo.loader.ts");

/** Loads the demo cluster into an empty database (src/demo/demo.loader.ts, owned by the demo module). */
export async function maybeLoadDemo(db: Database, log: FastifyBaseLogger): Promise<void> {
  const [row] = await db.select({ n: count() }).from(orgs);
  if (Number(row?.n ?? 0) > 0) {
    log.info("database already has organisations; demo cluster not loaded");
    return;
  }
  if (!existsSync(loaderPath)) {
    log.warn(`demo loader ${loaderPath} not found; starting with an empty cluster`);
    return;
  }
  const started = performance.now();
  const mod = (await import(loaderPath)) as DemoLoaderModule;
  await mod.loadDemoCluster(db);
  log.info(`demo cluster loaded in ${Math.round(performance.now() - started)} ms`);
}
