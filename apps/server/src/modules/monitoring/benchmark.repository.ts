import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";

/** One numeric tag with specification limits: its firm, process type and capability over the window. */
export interface TagCapabilityRow {
  orgId: string;
  processType: string;
  cpk: number;
}

/** Fewest readings a tag needs before its Cpk counts. */
const MIN_READINGS = 30;

/**
 * Cpk per tag (min(USL − mean, mean − LSL) / 3σ over raw readings since `since`) of the firms that
 * contribute to the cluster benchmark — an active, unrevoked "equipment" grant to the operator org —
 * plus the caller's own tags (its own figure is shown to it alone).
 */
export class BenchmarkRepository {
  constructor(private readonly db: DbOrTx) {}

  async capabilities(
    callerOrgId: string,
    since: Date,
    now: Date,
  ): Promise<(TagCapabilityRow & { contributes: boolean })[]> {
    const result = await this.db.execute(sql`
      WITH contributors AS (
        SELECT DISTINCT g.org_id FROM grants g JOIN orgs op ON op.id = g.grantee_org_id AND op.kind = 'operator'
        WHERE g.data_class = 'equipment' AND g.revoked_at IS NULL AND g.expires_at > ${now.toISOString()}::timestamptz
      ), stats AS (
        SELECT t.org_id, m.process_type, t.low, t.high, avg(p.num) AS mean, stddev_samp(p.num) AS sd, count(*) AS n
        FROM tel_tags t
        JOIN tel_devices d ON d.org_id = t.org_id AND d.id = t.device_id
        JOIN tel_machines m ON m.org_id = d.org_id AND m.id = d.machine_id
        JOIN tel_points p ON p.org_id = t.org_id AND p.tag_id = t.id AND p.ts >= ${since.toISOString()}::timestamptz
        WHERE t.data_type = 'number' AND t.low IS NOT NULL AND t.high IS NOT NULL AND t.high > t.low
          AND (t.org_id IN (SELECT org_id FROM contributors) OR t.org_id = ${callerOrgId})
        GROUP BY t.org_id, t.id, m.process_type, t.low, t.high
      )
      SELECT org_id, process_type, LEAST(high - mean, mean - low) / (3 * sd) AS cpk,
        org_id IN (SELECT org_id FROM contributors) AS contributes
      FROM stats WHERE n >= ${MIN_READINGS} AND sd > 0`);
    const rows = (
      result as unknown as {
        rows: { org_id: string; process_type: string; cpk: number | string; contributes: boolean }[];
      }
    ).rows;
    return rows.map((r) => ({
      orgId: r.org_id,
      processType: r.process_type,
      cpk: Number(r.cpk),
      contributes: r.contributes,
    }));
  }
}
