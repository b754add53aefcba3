import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../test/test-database.ts";
import { migrate, readMigrations } from "./migrate.ts";

describeEachDatabase("migrations", (getDb) => {
  it("are all applied once, in order, and re-running applies nothing", async () => {
    const { handle, db } = getDb();
    expect(await migrate(handle)).toEqual([]);
    const rows = (await db.execute(sql`SELECT name FROM schema_migrations ORDER BY name`)) as unknown as {
      rows: { name: string }[];
    };
    expect(rows.rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
  });

  it("every tenant-owned table carries org_id", async () => {
    const { db } = getDb();
    const res = (await db.execute(
      sql`SELECT table_name FROM information_schema.columns WHERE column_name = 'org_id' AND table_schema = current_schema()`,
    )) as unknown as { rows: { table_name: string }[] };
    const withOrg = new Set(res.rows.map((r) => r.table_name));
    for (const t of [
      "memberships",
      "sessions",
      "api_tokens",
      "audit_log",
      "org_chain_nodes",
      "relations",
      "grants",
      "indicators",
      "org_search_tokens",
    ]) {
      expect(withOrg.has(t), t).toBe(true);
    }
  });
});
