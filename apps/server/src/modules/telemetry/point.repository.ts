import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";

/** One accepted point, its tag resolved: exactly one of num / bool / str is set. */
export interface PointRow {
  tagId: string;
  ts: number;
  num: number | null;
  bool: boolean | null;
  str: string | null;
}

interface InsertedRow {
  tag_id: string;
  ms: number | string;
  num: number | null;
  bool: boolean | null;
  str: string | null;
}

/** Rollup upsert for one tier: merges the batch's per-bucket aggregates into the stored bucket. */
function rollupUpsert(table: "tel_rollup_1m" | "tel_rollup_1h", width: "1 minute" | "1 hour") {
  const t = sql.raw(table);
  return sql`INSERT INTO ${t} AS r (org_id, device_id, tag_id, bucket, min, max, sum, count, last_ts, last_num, last_str)
    SELECT org_id, device_id, tag_id, date_bin(${sql.raw(`'${width}'`)}::interval, ts, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
      min(x), max(x), sum(x), count(*), max(ts),
      (array_agg(x ORDER BY ts DESC))[1], (array_agg(str ORDER BY ts DESC))[1]
    FROM v GROUP BY org_id, device_id, tag_id, bucket
    ORDER BY tag_id, bucket
    ON CONFLICT (org_id, device_id, tag_id, bucket) DO UPDATE SET
      min = LEAST(r.min, EXCLUDED.min),
      max = GREATEST(r.max, EXCLUDED.max),
      sum = r.sum + EXCLUDED.sum,
      count = r.count + EXCLUDED.count,
      last_num = CASE WHEN EXCLUDED.last_ts >= r.last_ts THEN EXCLUDED.last_num ELSE r.last_num END,
      last_str = CASE WHEN EXCLUDED.last_ts >= r.last_ts THEN EXCLUDED.last_str ELSE r.last_str END,
      last_ts = GREATEST(r.last_ts, EXCLUDED.last_ts)
    RETURNING 1`;
}

/**
 * Raw points and their rollups. `insert` is ONE statement (so one transaction, one round trip):
 * the multi-row insert with ON CONFLICT DO NOTHING (a redelivered point is skipped, not stored
 * twice), the 1-minute and 1-hour rollup upserts fed only by the rows actually inserted, and the
 * device's last-seen time. It returns the inserted rows; committed when it returns.
 */
export class PointRepository {
  constructor(private readonly db: DbOrTx) {}

  async insert(
    orgId: string,
    deviceId: string,
    rows: readonly PointRow[],
    seenAt: Date,
  ): Promise<PointRow[]> {
    if (rows.length === 0) return [];
    const col = <T>(pick: (r: PointRow) => T) => sql.param(rows.map(pick));
    const result = await this.db.execute(sql`
      WITH input AS (
        SELECT u.tag_id, TIMESTAMPTZ 'epoch' + u.ms * INTERVAL '1 millisecond' AS ts, u.num, u.bool, u.str
        FROM unnest(${col((r) => r.tagId)}::text[], ${col((r) => r.ts)}::float8[], ${col((r) => r.num)}::float8[],
                    ${col((r) => r.bool)}::bool[], ${col((r) => r.str)}::text[]) AS u(tag_id, ms, num, bool, str)
      ), ins AS (
        INSERT INTO tel_points (org_id, device_id, tag_id, ts, num, bool, str)
        SELECT ${orgId}, ${deviceId}, tag_id, ts, num, bool, str FROM input
        ON CONFLICT DO NOTHING
        RETURNING org_id, device_id, tag_id, ts, num, bool, str
      ), v AS (
        SELECT org_id, device_id, tag_id, ts, str,
          COALESCE(num, CASE WHEN bool THEN 1.0 WHEN NOT bool THEN 0.0 END) AS x
        FROM ins
      ), m AS (${rollupUpsert("tel_rollup_1m", "1 minute")}
      ), h AS (${rollupUpsert("tel_rollup_1h", "1 hour")}
      ), d AS (
        UPDATE tel_devices SET last_seen_at = GREATEST(last_seen_at, ${seenAt.toISOString()}::timestamptz)
        WHERE org_id = ${orgId} AND id = ${deviceId} AND EXISTS (SELECT 1 FROM input)
        RETURNING 1
      )
      SELECT tag_id, round(extract(epoch FROM ts) * 1000)::float8 AS ms, num, bool, str FROM ins`);
    return (result as unknown as { rows: InsertedRow[] }).rows.map((r) => ({
      tagId: r.tag_id,
      ts: Number(r.ms),
      num: r.num,
      bool: r.bool,
      str: r.str,
    }));
  }

  /** Deletes the points and rollups of some tags (the tags themselves are being deleted). */
  async deleteForTags(orgId: string, tagIds: readonly string[]): Promise<void> {
    if (tagIds.length === 0) return;
    const ids = sql.param([...tagIds]);
    for (const table of ["tel_points", "tel_rollup_1m", "tel_rollup_1h"]) {
      await this.db.execute(
        sql`DELETE FROM ${sql.raw(table)} WHERE org_id = ${orgId} AND tag_id = ANY(${ids}::text[])`,
      );
    }
  }
}
