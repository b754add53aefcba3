import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { describeEachDatabase } from "../test/test-database.ts";
import { BackupError, createBackup, restoreBackup, unpackBackup } from "./backup.ts";
import { openDatabase } from "./database.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describeEachDatabase("backup and restore", (getDb) => {
  it("brings back everything committed before the backup while writes go on", async () => {
    const { db, kind } = getDb();
    await db.execute(sql`CREATE TABLE backup_probe (seq int PRIMARY KEY, note text NOT NULL)`);
    // A writer commits one row at a time and records what was acknowledged.
    let acked = 0;
    let stop = false;
    const writer = (async () => {
      for (let seq = 1; !stop; seq++) {
        await db.execute(sql`INSERT INTO backup_probe (seq, note) VALUES (${seq}, ${`电感 ${seq}`})`);
        acked = seq;
        // PGlite answers without real I/O; yield so timers (and the backup) get their turn.
        await new Promise((r) => setImmediate(r));
      }
    })();
    // If the writer fails, waiting for it must fail too instead of spinning.
    const writerDone = writer.then(() => "done" as const);
    const waitFor = async (n: number) => {
      while (acked < n) {
        const r = await Promise.race([writerDone, new Promise((r) => setTimeout(r, 5))]);
        if (r === "done") throw new Error("writer stopped early");
      }
    };
    await waitFor(20);
    const ackedBefore = acked;
    const file = await createBackup(getDb().handle);
    const ackedAfterBackup = acked;
    await waitFor(ackedAfterBackup + 20);
    stop = true;
    await writer;

    const { manifest } = unpackBackup(file);
    expect(manifest.kind).toBe(kind);
    const inBackup = manifest.tables.backup_probe ?? 0;
    expect(inBackup).toBeGreaterThanOrEqual(ackedBefore);
    expect(inBackup).toBeLessThanOrEqual(ackedAfterBackup + 1);

    const target = await restoreTarget(kind);
    try {
      const report = await restoreBackup(file, { url: target.url });
      expect(report.mismatches).toEqual([]);
      const restored = await openDatabase({
        url: target.url,
        ...(manifest.schema ? { schema: manifest.schema } : {}),
      });
      try {
        const rows = (await restored.db.execute(
          sql`SELECT count(*)::int AS n, max(seq)::int AS top FROM backup_probe WHERE seq <= ${ackedBefore}`,
        )) as unknown as { rows: { n: number; top: number }[] };
        // Every acknowledged row before the backup started is back, with no gap.
        expect(rows.rows[0]).toEqual({ n: ackedBefore, top: ackedBefore });
      } finally {
        await restored.close();
      }
      // Restoring over data is refused unless forced.
      await expect(restoreBackup(file, { url: target.url })).rejects.toBeInstanceOf(BackupError);
    } finally {
      await target.drop();
    }
  });

  it("refuses a damaged file with a clear error", async () => {
    const file = await createBackup(getDb().handle);
    const damaged = Buffer.from(file);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    expect(() => unpackBackup(damaged)).toThrow(/damaged/);
    expect(() => unpackBackup(Buffer.from("hello\nworld\n"))).toThrow(/not a Cluster Brain backup/);
  });
});

/** A fresh place to restore into: a new PGlite folder, or a new PostgreSQL database. */
async function restoreTarget(kind: "pglite" | "postgres"): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "cb-restore-"));
    dirs.push(dir);
    return { url: join(dir, "db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_DATABASE_URL ?? "";
  const name = `cb_restore_${randomBytes(5).toString("hex")}`;
  const admin = await openDatabase({ url: base });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
