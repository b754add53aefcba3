import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { type Database, type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrate, readMigrations } from "../db/migrate.ts";

export type TestDatabaseKind = "pglite" | "postgres";

export interface TestDatabase {
  kind: TestDatabaseKind;
  db: Database;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** The kinds every shared suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

let snapshot: Promise<Blob> | undefined;

/**
 * A migrated PGlite cluster as a tarball. A fresh PGlite costs 4–5 s, loading a snapshot ~1 s,
 * so the first worker builds it and leaves it in the OS temp folder (keyed by the migrations'
 * checksums) for the rest of the run and later runs.
 */
function migratedSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    // One digest over every migration's checksum: a name per migration outgrew the 255-byte file-name limit.
    const key = createHash("sha256")
      .update(
        readMigrations()
          .map((m) => m.checksum)
          .join("-"),
      )
      .digest("hex")
      .slice(0, 24);
    const file = join(tmpdir(), `clusterbrain-pglite-${key}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const handle = await openDatabase({ url: "memory://" });
    await migrate(handle);
    const blob = await handle.pglite!.dumpDataDir("none");
    await handle.close();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file); // atomic: concurrent workers never read a half-written file
    return blob;
  })();
  return snapshot;
}

/** A fresh, migrated database of the given kind; PostgreSQL runs in its own schema, dropped on close. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = await openDatabase({ url: "memory://", loadDataDir: await migratedSnapshot() });
    await migrate(handle); // no-op on a current snapshot; applies anything newer
    return { kind, db: handle.db, handle, close: () => handle.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const handle = await openDatabase({ url, schema });
  await migrate(handle);
  return {
    kind,
    db: handle.db,
    handle,
    close: async () => {
      await handle.close();
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/**
 * Runs the same suite on every test database kind:
 * `describeEachDatabase("org service", (getDb) => { it(…, async () => { const { db } = getDb(); … }) })`.
 */
export function describeEachDatabase(name: string, suite: (getDb: () => TestDatabase) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await current?.close();
      });
      suite(() => {
        if (!current) throw new Error("test database not ready (used outside a test?)");
        return current;
      });
    });
  }
}

/** One migrated database for a single-database test file (PGlite). */
export function withTestDatabase(): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error("test database not ready");
    return current;
  };
}
