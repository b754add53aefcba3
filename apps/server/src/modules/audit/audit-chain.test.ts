import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import { migrate, migrationsDir } from "../../db/migrate.ts";
import { auditLog } from "../../db/schema/index.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { writeAudit } from "./audit.service.ts";
import { GENESIS_HASH, verifyAuditChain } from "./audit-chain.service.ts";

const AT = new Date("2026-06-01T08:00:00.123Z");

const event = (i: number) => ({
  orgId: `org-${i % 3}`,
  action: "test.write",
  entity: "thing",
  entityId: `t-${i}`,
  before: i % 2 ? null : { n: i, 名称: "电感", nested: { b: [1, 2.5, "x"], a: true } },
  after: { n: i + 1, at: AT },
});

describeEachDatabase(
  "audit hash chain: tampering shows, concurrent writers never fork it (ASVS 7.3.3)",
  (getDb) => {
    it("concurrent writing transactions keep one unbroken chain in id order", async () => {
      const { db, kind } = getDb();
      // Each transaction holds its audit row for a moment, so without the chain-head lock two would
      // read the same tail and fork the chain; PostgreSQL runs them on up to 10 connections.
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          db.transaction(async (tx) => {
            await writeAudit(tx, null, event(i), AT);
            if (kind === "postgres") await tx.execute(sql`SELECT pg_sleep(0.01)`);
            await writeAudit(tx, null, event(100 + i), AT);
          }),
        ),
      );
      const report = await verifyAuditChain(db);
      expect(report).toMatchObject({ ok: true, rowsChecked: 48, firstBreak: null });
      const rows = await db.select({ prevHash: auditLog.prevHash, hash: auditLog.hash }).from(auditLog);
      expect(new Set(rows.map((r) => r.prevHash)).size).toBe(48);
      expect(rows.map((r) => r.prevHash)).toContain(GENESIS_HASH);
      expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("an UPDATE of any column is found at that row; putting it back restores the chain", async () => {
      const { db } = getDb();
      const [victim] = await db.select().from(auditLog).where(eq(auditLog.entityId, "t-7"));
      await db
        .update(auditLog)
        .set({ after: { n: 999 } })
        .where(eq(auditLog.id, victim.id));
      expect((await verifyAuditChain(db)).firstBreak).toEqual({ id: victim.id, reason: "ROW_CHANGED" });
      await db.update(auditLog).set({ after: victim.after }).where(eq(auditLog.id, victim.id));
      expect((await verifyAuditChain(db)).ok).toBe(true);
      await db.update(auditLog).set({ actorUserId: "u-intruder" }).where(eq(auditLog.id, victim.id));
      expect((await verifyAuditChain(db)).firstBreak).toEqual({ id: victim.id, reason: "ROW_CHANGED" });
      await db.update(auditLog).set({ actorUserId: null }).where(eq(auditLog.id, victim.id));
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it("a DELETE is found: of the newest rows via the chain head (also after later writes), of an older one at the row after it", async () => {
      const { db } = getDb();
      const ids = (await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).map((r) => r.id);
      const last = ids[ids.length - 1];
      await db.delete(auditLog).where(eq(auditLog.id, last));
      expect((await verifyAuditChain(db)).firstBreak).toEqual({ id: last, reason: "TAIL_MISSING" });
      // A later write must not paper over the gap: it links to the deleted row's hash, kept by the head.
      await writeAudit(db, null, event(500), AT);
      const [newest] = await db
        .select({ id: auditLog.id })
        .from(auditLog)
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect((await verifyAuditChain(db)).firstBreak).toEqual({ id: newest.id, reason: "LINK_BROKEN" });
      await db.delete(auditLog).where(eq(auditLog.id, ids[10]));
      const report = await verifyAuditChain(db);
      expect(report.firstBreak).toEqual({ id: ids[11], reason: "LINK_BROKEN" });
      expect(report.rowsChecked).toBe(10);
    });
  },
);

it("migration 0006 chains the audit rows written before it (PGlite)", async () => {
  const before = mkdtempSync(join(tmpdir(), "cb-mig-"));
  for (const f of readdirSync(migrationsDir).filter((f) => f.endsWith(".sql") && f < "0006"))
    cpSync(join(migrationsDir, f), join(before, f));
  const handle = await openDatabase({ url: "memory://" });
  try {
    await migrate(handle, before);
    await handle.exec(`INSERT INTO audit_log (org_id, action, entity, entity_id, "after", at) VALUES
      ('org-a', 'old.write', 'thing', 't-1', '{"b": 1, "a": [1, 2]}', '2025-01-01T00:00:00Z'),
      ('org-b', 'old.write', 'thing', 't-2', NULL, '2025-01-02T00:00:00Z')`);
    await migrate(handle);
    await writeAudit(handle.db, null, event(1), AT);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rowsChecked: 3 });
  } finally {
    await handle.close();
  }
});
