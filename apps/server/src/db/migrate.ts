import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./database.ts";

export const migrationsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "drizzle",
  "migrations",
);

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the committed drizzle-kit SQL files in order. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      // drizzle-kit schema-qualifies references as "public"; strip it so search_path (per-test schemas) decides.
      const sql = readFileSync(join(dir, f), "utf8")
        .replaceAll('"public".', "")
        .split("--> statement-breakpoint")
        .join("\n");
      return { name: f.replace(/\.sql$/, ""), sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  name: string;
}

/**
 * Forward-only migrator shared by PGlite and PostgreSQL: applies each not-yet-applied file in its
 * own transaction and records it in `schema_migrations`. Returns the names it applied.
 */
export async function migrate(handle: DatabaseHandle, dir = migrationsDir): Promise<string[]> {
  await handle.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const appliedRows = await selectApplied(handle);
  const applied = new Set(appliedRows.map((r) => r.name));
  const done: string[] = [];
  for (const m of readMigrations(dir)) {
    if (applied.has(m.name)) continue;
    const name = m.name.replaceAll("'", "''");
    await handle.exec(
      `BEGIN;\n${m.sql}\nINSERT INTO schema_migrations (name, checksum) VALUES ('${name}', '${m.checksum}');\nCOMMIT;`,
    );
    done.push(m.name);
  }
  return done;
}

async function selectApplied(handle: DatabaseHandle): Promise<AppliedRow[]> {
  const result = await handle.db.execute(sql`SELECT name FROM schema_migrations`);
  return (result as unknown as { rows: AppliedRow[] }).rows;
}
