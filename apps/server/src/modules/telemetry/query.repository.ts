import type { TelemetryTier } from "@clusterbrain/contracts";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";

export interface LatestRow {
  tag_id: string;
  last_ts: Date | string;
  last_num: number | null;
  last_str: string | null;
}

export interface BucketRow {
  ts: Date | string;
  min: number | null;
  max: number | null;
  sum: number | null;
  count: number;
  last_num: number | null;
  last_str: string | null;
}

const rowsOf = <R>(result: unknown) => (result as { rows: R[] }).rows;

/** Reads of stored telemetry: the latest value per tag and one tag's range from a tier. */
export class QueryRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Latest value of each tag of one device: the last of its newest 1-minute bucket. */
  async latest(orgId: string, deviceId: string, tagIds: readonly string[]): Promise<LatestRow[]> {
    if (tagIds.length === 0) return [];
    const result = await this.db.execute(sql`
      SELECT DISTINCT ON (tag_id) tag_id, last_ts, last_num, last_str FROM tel_rollup_1m
      WHERE org_id = ${orgId} AND device_id = ${deviceId} AND tag_id = ANY(${sql.param([...tagIds])}::text[])
      ORDER BY tag_id, bucket DESC`);
    return rowsOf<LatestRow>(result);
  }

  /** Up to `limit` rows of [from, to) in time order: raw points (count 1 each) or rollup buckets. */
  async range(
    tier: TelemetryTier,
    key: { orgId: string; deviceId: string; tagId: string },
    from: Date,
    to: Date,
    limit: number,
  ): Promise<BucketRow[]> {
    const where = sql`org_id = ${key.orgId} AND device_id = ${key.deviceId} AND tag_id = ${key.tagId}`;
    const f = from.toISOString();
    const t = to.toISOString();
    if (tier === "raw") {
      const result = await this.db.execute(sql`
        SELECT ts, COALESCE(num, CASE WHEN bool THEN 1.0 WHEN NOT bool THEN 0.0 END) AS min,
          COALESCE(num, CASE WHEN bool THEN 1.0 WHEN NOT bool THEN 0.0 END) AS max,
          COALESCE(num, CASE WHEN bool THEN 1.0 WHEN NOT bool THEN 0.0 END) AS sum, 1 AS count,
          COALESCE(num, CASE WHEN bool THEN 1.0 WHEN NOT bool THEN 0.0 END) AS last_num, str AS last_str
        FROM tel_points WHERE ${where} AND ts >= ${f}::timestamptz AND ts < ${t}::timestamptz
        ORDER BY ts LIMIT ${limit}`);
      return rowsOf<BucketRow>(result);
    }
    const table = sql.raw(tier === "1m" ? "tel_rollup_1m" : "tel_rollup_1h");
    const result = await this.db.execute(sql`
      SELECT bucket AS ts, min, max, sum, count, last_num, last_str FROM ${table}
      WHERE ${where} AND bucket >= ${f}::timestamptz AND bucket < ${t}::timestamptz
      ORDER BY bucket LIMIT ${limit}`);
    return rowsOf<BucketRow>(result);
  }
}
