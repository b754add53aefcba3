import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";

/** A firm's ingest settings (table ingest_settings, migration 0010); defaults when no row. */
export class IngestSettingsRepository {
  constructor(private readonly db: DbOrTx) {}

  async get(orgId: string): Promise<{ opcuaTestRig: boolean }> {
    const res = (await this.db.execute(
      sql`SELECT opcua_test_rig FROM ingest_settings WHERE org_id = ${orgId}`,
    )) as unknown as { rows: { opcua_test_rig: boolean }[] };
    return { opcuaTestRig: res.rows[0]?.opcua_test_rig ?? false };
  }

  async put(orgId: string, opcuaTestRig: boolean, at: Date): Promise<void> {
    await this.db.execute(sql`
      INSERT INTO ingest_settings (org_id, opcua_test_rig, updated_at)
      VALUES (${orgId}, ${opcuaTestRig}, ${at.toISOString()}::timestamptz)
      ON CONFLICT (org_id) DO UPDATE SET opcua_test_rig = EXCLUDED.opcua_test_rig, updated_at = EXCLUDED.updated_at`);
  }
}
