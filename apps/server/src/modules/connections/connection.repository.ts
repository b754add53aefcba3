import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { ingestConnections, opcuaTrustedCertificates, telDevices, telTags } from "../../db/schema/index.ts";

export type ConnectionRow = typeof ingestConnections.$inferSelect;
export type TrustedCertificateRow = typeof opcuaTrustedCertificates.$inferSelect;

/** A firm's device connections and OPC UA trust list. Every query filters by org id. */
export class ConnectionRepository {
  constructor(private readonly db: DbOrTx) {}

  list(orgId: string): Promise<ConnectionRow[]> {
    return this.db
      .select()
      .from(ingestConnections)
      .where(eq(ingestConnections.orgId, orgId))
      .orderBy(asc(ingestConnections.name));
  }

  /** Every enabled connection of every firm (what the server starts). */
  allEnabled(): Promise<ConnectionRow[]> {
    return this.db.select().from(ingestConnections).where(eq(ingestConnections.enabled, true));
  }

  get(orgId: string, id: string): Promise<ConnectionRow | undefined> {
    return this.db
      .select()
      .from(ingestConnections)
      .where(and(eq(ingestConnections.orgId, orgId), eq(ingestConnections.id, id)))
      .then((r) => r[0]);
  }

  async insert(row: typeof ingestConnections.$inferInsert): Promise<ConnectionRow> {
    const [created] = await this.db.insert(ingestConnections).values(row).returning();
    return created;
  }

  async update(
    orgId: string,
    id: string,
    set: Partial<typeof ingestConnections.$inferInsert>,
  ): Promise<ConnectionRow | undefined> {
    const [row] = await this.db
      .update(ingestConnections)
      .set(set)
      .where(and(eq(ingestConnections.orgId, orgId), eq(ingestConnections.id, id)))
      .returning();
    return row;
  }

  async remove(orgId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(ingestConnections)
      .where(and(eq(ingestConnections.orgId, orgId), eq(ingestConnections.id, id)))
      .returning({ id: ingestConnections.id });
    return rows.length > 0;
  }

  /** Tag id → key and data type of one device's tags (a mapping may name only these). */
  async deviceTags(orgId: string, deviceId: string): Promise<Map<string, { key: string; dataType: string }>> {
    const rows = await this.db
      .select({ id: telTags.id, key: telTags.key, dataType: telTags.dataType })
      .from(telTags)
      .where(and(eq(telTags.orgId, orgId), eq(telTags.deviceId, deviceId)));
    return new Map(rows.map((r) => [r.id, { key: r.key, dataType: r.dataType }]));
  }

  async deviceExists(orgId: string, deviceId: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: telDevices.id })
      .from(telDevices)
      .where(and(eq(telDevices.orgId, orgId), eq(telDevices.id, deviceId)));
    return rows.length > 0;
  }

  trusted(orgId: string): Promise<TrustedCertificateRow[]> {
    return this.db
      .select()
      .from(opcuaTrustedCertificates)
      .where(eq(opcuaTrustedCertificates.orgId, orgId))
      .orderBy(asc(opcuaTrustedCertificates.createdAt));
  }

  async addTrusted(row: typeof opcuaTrustedCertificates.$inferInsert): Promise<TrustedCertificateRow> {
    const [created] = await this.db.insert(opcuaTrustedCertificates).values(row).returning();
    return created;
  }

  async removeTrusted(orgId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(opcuaTrustedCertificates)
      .where(and(eq(opcuaTrustedCertificates.orgId, orgId), eq(opcuaTrustedCertificates.id, id)))
      .returning({ id: opcuaTrustedCertificates.id });
    return rows.length > 0;
  }
}
