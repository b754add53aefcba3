import { sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { DAY_MS } from "./telemetry.settings.ts";

/** Day partition name of tel_points for the UTC day starting at `dayStart`: tel_points_p20261207. */
export function partitionName(dayStart: number): string {
  return `tel_points_p${new Date(dayStart).toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/** Start (UTC midnight, epoch ms) of the day a partition name covers, or undefined for another table. */
export function partitionDay(name: string): number | undefined {
  const m = /^tel_points_p(\d{4})(\d{2})(\d{2})$/.exec(name);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

export function dayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

const rowsOf = <R>(result: unknown) => (result as { rows: R[] }).rows;

/**
 * Day partitions of tel_points (declarative range partitioning; the same on PGlite and
 * PostgreSQL) and retention of every tier. All DDL runs under one advisory lock, so several
 * processes starting together do not race on the same partition.
 */
export class PartitionRepository {
  constructor(private readonly db: Database) {}

  /** Names of tel_points' day partitions in the current schema. */
  async dayPartitions(): Promise<string[]> {
    const result = await this.db.execute(sql`
      SELECT c.relname AS name FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = 'tel_points' AND p.relnamespace = current_schema()::regnamespace`);
    return rowsOf<{ name: string }>(result)
      .map((r) => r.name)
      .filter((n) => partitionDay(n) !== undefined)
      .sort();
  }

  /**
   * Creates the partition of one day unless it exists. Rows of that day already caught by the
   * default partition are moved into it first (ATTACH refuses while the default holds them).
   */
  async ensureDay(day: number): Promise<boolean> {
    const name = partitionName(day);
    const from = new Date(day).toISOString();
    const to = new Date(day + DAY_MS).toISOString();
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tel_points_partitions'))`);
      const exists = await tx.execute(sql`
        SELECT 1 FROM pg_class WHERE relname = ${name} AND relnamespace = current_schema()::regnamespace`);
      if (rowsOf(exists).length > 0) return false;
      const ident = sql.raw(`"${name}"`);
      await tx.execute(sql`CREATE TABLE ${ident} (LIKE tel_points INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await tx.execute(sql`
        WITH moved AS (
          DELETE FROM tel_points_default WHERE ts >= ${from}::timestamptz AND ts < ${to}::timestamptz RETURNING *
        ) INSERT INTO ${ident} SELECT * FROM moved`);
      await tx.execute(
        sql`ALTER TABLE tel_points ATTACH PARTITION ${ident} FOR VALUES FROM (${sql.raw(`'${from}'`)}) TO (${sql.raw(`'${to}'`)})`,
      );
      return true;
    });
  }

  /** Drops day partitions that end before `before` (whole days past the raw retention). */
  async dropDaysBefore(before: number): Promise<string[]> {
    const dropped: string[] = [];
    for (const name of await this.dayPartitions()) {
      const day = partitionDay(name);
      if (day === undefined || day + DAY_MS > before) continue;
      await this.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tel_points_partitions'))`);
        await tx.execute(sql`DROP TABLE IF EXISTS ${sql.raw(`"${name}"`)}`);
      });
      dropped.push(name);
    }
    return dropped;
  }

  /** Deletes what every tier keeps no longer: raw rows in the default partition, old rollup buckets. */
  async deleteExpired(cutoff: { raw: Date; "1m": Date; "1h": Date }): Promise<void> {
    await this.db.execute(
      sql`DELETE FROM tel_points_default WHERE ts < ${cutoff.raw.toISOString()}::timestamptz`,
    );
    await this.db.execute(
      sql`DELETE FROM tel_rollup_1m WHERE bucket < ${cutoff["1m"].toISOString()}::timestamptz`,
    );
    await this.db.execute(
      sql`DELETE FROM tel_rollup_1h WHERE bucket < ${cutoff["1h"].toISOString()}::timestamptz`,
    );
  }
}
