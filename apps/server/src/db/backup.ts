import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { DatabaseHandle, DbOrTx } from "./database.ts";
import { openDatabase } from "./database.ts";

/**
 * Backups of either database in one file: a header line, a JSON manifest line, then the payload —
 * PGlite's own `dumpDataDir` tarball (gzip) or `pg_dump --format=custom`. The manifest records the
 * applied migrations and every table's row count taken at the same point in time as the payload,
 * so a restore can prove it brought back exactly what was backed up.
 */
const MAGIC = "CLUSTERBRAIN-BACKUP 1";

export interface BackupManifest {
  format: 1;
  kind: "pglite" | "postgres";
  createdAt: string;
  /** PostgreSQL only: the schema the dump holds (restored under the same name). */
  schema?: string;
  /** PostgreSQL only: extensions the schema relies on (database-wide, so a schema dump leaves them out). */
  extensions?: string[];
  migrations: string[];
  tables: Record<string, number>;
  payloadBytes: number;
  payloadSha256: string;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Runs one SQL text and returns its rows; lets the census run on drizzle or on a raw pg client. */
type RawQuery = <R extends Record<string, unknown>>(text: string) => Promise<R[]>;

function drizzleQuery(db: DbOrTx): RawQuery {
  return async <R extends Record<string, unknown>>(text: string) =>
    ((await db.execute(sql.raw(text))) as unknown as { rows: R[] }).rows;
}

/** Applied migrations and per-table row counts, read inside the caller's transaction or snapshot. */
async function census(query: RawQuery): Promise<{ migrations: string[]; tables: Record<string, number> }> {
  const names = await query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const tables: Record<string, number> = {};
  for (const { name } of names) {
    const n = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name.replaceAll('"', '""')}"`);
    tables[name] = Number(n[0]?.n ?? 0);
  }
  const applied = await query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
  return { migrations: applied.map((r) => r.name), tables };
}

function run(cmd: string, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", (e) => reject(new BackupError(`${cmd} could not start: ${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new BackupError(`${cmd} failed (${code}): ${Buffer.concat(err).toString().trim()}`));
    });
    child.stdin.end(input);
  });
}

function pack(manifest: Omit<BackupManifest, "payloadBytes" | "payloadSha256">, payload: Buffer): Buffer {
  const full: BackupManifest = {
    ...manifest,
    payloadBytes: payload.length,
    payloadSha256: createHash("sha256").update(payload).digest("hex"),
  };
  return Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(full)}\n`), payload]);
}

/** Splits a backup file into its manifest and payload, checking the header and the checksum. */
export function unpackBackup(file: Buffer): { manifest: BackupManifest; payload: Buffer } {
  const first = file.indexOf(10);
  const second = first < 0 ? -1 : file.indexOf(10, first + 1);
  if (first < 0 || second < 0 || file.subarray(0, first).toString() !== MAGIC)
    throw new BackupError("not a Cluster Brain backup (header missing)");
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(file.subarray(first + 1, second).toString()) as BackupManifest;
  } catch {
    throw new BackupError("backup manifest is not readable");
  }
  const payload = file.subarray(second + 1);
  const sum = createHash("sha256").update(payload).digest("hex");
  if (payload.length !== manifest.payloadBytes || sum !== manifest.payloadSha256)
    throw new BackupError("backup payload is damaged (size or checksum differs from its manifest)");
  return { manifest, payload };
}

/**
 * Takes a consistent backup of an open database while it keeps serving writes.
 * PGlite: inside one transaction (which holds PGlite's transaction lock, so no other transaction
 * is half-way) the census is read and the data directory dumped. PostgreSQL: a REPEATABLE READ
 * transaction exports its snapshot, the census is read in it and pg_dump dumps that same snapshot.
 */
export async function createBackup(handle: DatabaseHandle): Promise<Buffer> {
  const createdAt = new Date().toISOString();
  if (handle.kind === "pglite") {
    const pglite = handle.pglite;
    if (!pglite) throw new BackupError("PGlite handle without its instance");
    return handle.db.transaction(async (tx) => {
      const seen = await census(drizzleQuery(tx));
      const tar = await pglite.dumpDataDir("gzip");
      return pack({ format: 1, kind: "pglite", createdAt, ...seen }, Buffer.from(await tar.arrayBuffer()));
    });
  }
  const conn = handle.connection;
  if (!conn || !handle.withClient) throw new BackupError("PostgreSQL handle without its connection settings");
  return handle.withClient(async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const snap = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
      const schema =
        (await client.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]?.s ?? "public";
      const seen = await census(async (text) => (await client.query(text)).rows);
      const extensions = (
        await client.query<{ name: string }>(
          "SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname",
        )
      ).rows.map((r) => r.name);
      const dump = await run("pg_dump", [
        `--dbname=${conn.url}`,
        `--schema=${schema}`,
        `--snapshot=${snap.rows[0]?.id}`,
        "--format=custom",
        "--no-owner",
        "--no-privileges",
      ]);
      return pack({ format: 1, kind: "postgres", createdAt, schema, extensions, ...seen }, dump);
    } finally {
      await client.query("COMMIT");
    }
  });
}

export interface RestoreReport {
  kind: "pglite" | "postgres";
  createdAt: string;
  tables: number;
  rows: number;
  /** Tables whose row count differs from the manifest; empty when the restore is consistent. */
  mismatches: string[];
}

/**
 * Restores a backup into an empty target of the same kind and checks it: the applied migrations
 * and every table's row count must equal the manifest. A non-empty target is refused unless `force`
 * (PostgreSQL: the schema is dropped first; PGlite: the folder must still be empty).
 */
export async function restoreBackup(
  file: Buffer,
  target: { url: string; force?: boolean },
): Promise<RestoreReport> {
  const { manifest, payload } = unpackBackup(file);
  const targetIsPg = target.url.startsWith("postgres://") || target.url.startsWith("postgresql://");
  if (targetIsPg !== (manifest.kind === "postgres"))
    throw new BackupError(`a ${manifest.kind} backup restores into a ${manifest.kind} database only`);
  if (manifest.kind === "pglite") {
    if (target.url.startsWith("memory://"))
      throw new BackupError("restore into a PGlite folder, not memory://");
    const dir = target.url.replace(/^file:\/\//, "");
    if (existsSync(dir) && readdirSync(dir).length > 0)
      throw new BackupError(`${dir} is not empty; restore into a new folder`);
    const handle = await openDatabase({ url: dir, loadDataDir: new Blob([new Uint8Array(payload)]) });
    try {
      return await verify(handle, manifest);
    } finally {
      await handle.close();
    }
  }
  const schema = manifest.schema ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new BackupError(`invalid schema name ${schema} in manifest`);
  const admin = await openDatabase({ url: target.url });
  try {
    if (!admin.withClient) throw new BackupError("PostgreSQL handle without a client");
    await admin.withClient(async (client) => {
      const existing = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1",
        [schema],
      );
      const tables = existing.rows[0]?.n ?? 0;
      if (tables > 0 && !target.force)
        throw new BackupError(`schema ${schema} already holds tables; use --force to replace it`);
      // pg_dump writes CREATE SCHEMA itself, so the schema goes first: with CASCADE only when forced;
      // otherwise a plain DROP, which PostgreSQL refuses if anything at all is still in it.
      await client.query(tables > 0 ? `DROP SCHEMA ${schema} CASCADE` : `DROP SCHEMA IF EXISTS ${schema}`);
      // A fresh database lacks the extensions the dump's constraints use (btree_gist for bookings).
      // They go to public, or, when public itself is being restored (dropped just above and
      // recreated by the dump), to a schema of their own; default operator classes are found in
      // any schema, so the constraints do not care where.
      const extSchema = schema === "public" ? "extensions" : "public";
      for (const ext of manifest.extensions ?? []) {
        if (!/^[a-z_][a-z0-9_]*$/.test(ext))
          throw new BackupError(`invalid extension name ${ext} in manifest`);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${extSchema}`);
        await client.query(`CREATE EXTENSION IF NOT EXISTS ${ext} SCHEMA ${extSchema}`);
      }
    });
  } finally {
    await admin.close();
  }
  await run(
    "pg_restore",
    [`--dbname=${target.url}`, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"],
    payload,
  );
  const handle = await openDatabase({ url: target.url, schema });
  try {
    return await verify(handle, manifest);
  } finally {
    await handle.close();
  }
}

async function verify(handle: DatabaseHandle, manifest: BackupManifest): Promise<RestoreReport> {
  const seen = await census(drizzleQuery(handle.db));
  if (seen.migrations.join(",") !== manifest.migrations.join(","))
    throw new BackupError(
      `restored migrations [${seen.migrations.join(", ")}] differ from the backup's [${manifest.migrations.join(", ")}]`,
    );
  const names = new Set([...Object.keys(seen.tables), ...Object.keys(manifest.tables)]);
  const mismatches = [...names].filter((n) => seen.tables[n] !== manifest.tables[n]).sort();
  return {
    kind: manifest.kind,
    createdAt: manifest.createdAt,
    tables: Object.keys(seen.tables).length,
    rows: Object.values(seen.tables).reduce((a, b) => a + b, 0),
    mismatches,
  };
}
