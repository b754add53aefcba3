import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema/index.ts";
// Database errors that bad input or a lost race can cause become domain errors for every query.
import "./db-errors.ts";

export type Schema = typeof schema;
/** One type for both drivers: services and repositories never know which one they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** What `db.transaction(cb)` hands to `cb`; repositories accept either. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Runs raw SQL text (several statements allowed); used by the migrator. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Present for PGlite so tests can snapshot a migrated database. */
  pglite?: PGlite;
  /** PostgreSQL only: where it connects (backups hand these to pg_dump). */
  connection?: { url: string; schema?: string };
  /** PostgreSQL only: one pooled client for work that needs a single session (exported snapshots). */
  withClient?<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

export interface OpenDatabaseOptions {
  /** postgres://… → PostgreSQL; memory:// → in-memory PGlite; anything else → a PGlite data directory. */
  url: string;
  /** PostgreSQL only: run everything in this schema (set as search_path on every connection). */
  schema?: string;
  /** PGlite only: start from a dumpDataDir() snapshot instead of an empty cluster. */
  loadDataDir?: Blob | File;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (isPostgresUrl(options.url)) return openPostgres(options.url, options.schema);
  const dataDir = options.url.startsWith("memory://") ? undefined : options.url.replace(/^file:\/\//, "");
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    // btree_gist lets an exclusion constraint mix `=` on an id with `&&` on a time range (shared
    // resource bookings, migration 0014); PostgreSQL ships it as a contrib extension.
    extensions: { btree_gist },
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    pglite: client,
    exec: async (sql) => {
      await client.exec(sql);
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, searchPath: string | undefined): Promise<DatabaseHandle> {
  if (searchPath && !/^[a-z_][a-z0-9_]*$/.test(searchPath))
    throw new Error(`invalid schema name ${searchPath}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  // An idle pooled connection the server ends (restart, failover, DROP DATABASE … FORCE) is emitted
  // as a pool error; unhandled it would crash the process. The pool drops it and the next query
  // opens a fresh connection, so there is nothing else to do here.
  pool.on("error", () => undefined);
  // pg-pool removes that idle listener while a client is checked out, so a FATAL arriving between
  // two statements of a transaction (postmaster killed, admin shutdown) is emitted on the client with
  // no listener and would crash the process. Its queries fail with the error anyway and the pool
  // discards a client that is no longer queryable on release, so the event itself needs no action.
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
  // Fail early with the driver's message if the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    exec: async (sql) => {
      // One client, so a failed multi-statement script can be rolled back on the same connection.
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    connection: { url, ...(searchPath ? { schema: searchPath } : {}) },
    withClient: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(client);
      } finally {
        client.release();
      }
    },
  };
}
