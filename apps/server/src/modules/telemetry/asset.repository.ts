import type { TagDataType } from "@clusterbrain/contracts";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  telDeviceCredentials,
  telDevices,
  telLines,
  telMachines,
  telSites,
  telTags,
} from "../../db/schema/index.ts";

export type SiteRow = typeof telSites.$inferSelect;
export type LineRow = typeof telLines.$inferSelect;
export type MachineRow = typeof telMachines.$inferSelect;
export type DeviceRow = typeof telDevices.$inferSelect;
export type TagRow = typeof telTags.$inferSelect;
export type CredentialRow = typeof telDeviceCredentials.$inferSelect;

/** A device's tags as the point writer needs them: key → id and type. */
export interface DeviceTags {
  tags: Map<string, { id: string; dataType: TagDataType }>;
}

/**
 * The asset tree of one org (site → line → machine → device → tag) and device credentials. Every
 * query filters by org id; records are addressed by (org id, id).
 */
export class AssetRepository {
  constructor(private readonly db: DbOrTx) {}

  async tree(orgId: string) {
    const [sites, lines, machines, devices, tags, credentials] = await Promise.all([
      this.db.select().from(telSites).where(eq(telSites.orgId, orgId)).orderBy(asc(telSites.name)),
      this.db.select().from(telLines).where(eq(telLines.orgId, orgId)).orderBy(asc(telLines.name)),
      this.db.select().from(telMachines).where(eq(telMachines.orgId, orgId)).orderBy(asc(telMachines.name)),
      this.db.select().from(telDevices).where(eq(telDevices.orgId, orgId)).orderBy(asc(telDevices.name)),
      this.db.select().from(telTags).where(eq(telTags.orgId, orgId)).orderBy(asc(telTags.key)),
      this.db
        .select({ deviceId: telDeviceCredentials.deviceId, username: telDeviceCredentials.username })
        .from(telDeviceCredentials)
        .where(and(eq(telDeviceCredentials.orgId, orgId), isNull(telDeviceCredentials.revokedAt))),
    ]);
    return { sites, lines, machines, devices, tags, credentials };
  }

  site(orgId: string, id: string): Promise<SiteRow | undefined> {
    return this.db
      .select()
      .from(telSites)
      .where(and(eq(telSites.orgId, orgId), eq(telSites.id, id)))
      .then((r) => r[0]);
  }
  line(orgId: string, id: string): Promise<LineRow | undefined> {
    return this.db
      .select()
      .from(telLines)
      .where(and(eq(telLines.orgId, orgId), eq(telLines.id, id)))
      .then((r) => r[0]);
  }
  machine(orgId: string, id: string): Promise<MachineRow | undefined> {
    return this.db
      .select()
      .from(telMachines)
      .where(and(eq(telMachines.orgId, orgId), eq(telMachines.id, id)))
      .then((r) => r[0]);
  }
  device(orgId: string, id: string): Promise<DeviceRow | undefined> {
    return this.db
      .select()
      .from(telDevices)
      .where(and(eq(telDevices.orgId, orgId), eq(telDevices.id, id)))
      .then((r) => r[0]);
  }
  tag(orgId: string, id: string): Promise<TagRow | undefined> {
    return this.db
      .select()
      .from(telTags)
      .where(and(eq(telTags.orgId, orgId), eq(telTags.id, id)))
      .then((r) => r[0]);
  }

  /** One record of any level, or undefined. */
  find(
    orgId: string,
    kind: "site" | "line" | "machine" | "device" | "tag",
    id: string,
  ): Promise<{ id: string } | undefined> {
    return this[kind](orgId, id);
  }

  async insertSite(v: typeof telSites.$inferInsert): Promise<SiteRow> {
    const [row] = await this.db.insert(telSites).values(v).returning();
    return row;
  }
  async insertLine(v: typeof telLines.$inferInsert): Promise<LineRow> {
    const [row] = await this.db.insert(telLines).values(v).returning();
    return row;
  }
  async insertMachine(v: typeof telMachines.$inferInsert): Promise<MachineRow> {
    const [row] = await this.db.insert(telMachines).values(v).returning();
    return row;
  }
  async insertDevice(v: typeof telDevices.$inferInsert): Promise<DeviceRow> {
    const [row] = await this.db.insert(telDevices).values(v).returning();
    return row;
  }
  async insertTag(v: typeof telTags.$inferInsert): Promise<TagRow> {
    const [row] = await this.db.insert(telTags).values(v).returning();
    return row;
  }

  async updateSite(orgId: string, id: string, v: Partial<SiteRow>): Promise<SiteRow | undefined> {
    const [row] = await this.db
      .update(telSites)
      .set(v)
      .where(and(eq(telSites.orgId, orgId), eq(telSites.id, id)))
      .returning();
    return row;
  }
  async updateLine(orgId: string, id: string, v: Partial<LineRow>): Promise<LineRow | undefined> {
    const [row] = await this.db
      .update(telLines)
      .set(v)
      .where(and(eq(telLines.orgId, orgId), eq(telLines.id, id)))
      .returning();
    return row;
  }
  async updateMachine(orgId: string, id: string, v: Partial<MachineRow>): Promise<MachineRow | undefined> {
    const [row] = await this.db
      .update(telMachines)
      .set(v)
      .where(and(eq(telMachines.orgId, orgId), eq(telMachines.id, id)))
      .returning();
    return row;
  }
  async updateDevice(orgId: string, id: string, v: Partial<DeviceRow>): Promise<DeviceRow | undefined> {
    const [row] = await this.db
      .update(telDevices)
      .set(v)
      .where(and(eq(telDevices.orgId, orgId), eq(telDevices.id, id)))
      .returning();
    return row;
  }
  async updateTag(orgId: string, id: string, v: Partial<TagRow>): Promise<TagRow | undefined> {
    const [row] = await this.db
      .update(telTags)
      .set(v)
      .where(and(eq(telTags.orgId, orgId), eq(telTags.id, id)))
      .returning();
    return row;
  }

  /** Tag ids under a record about to be deleted (their points go with them). */
  async tagIdsUnder(orgId: string, kind: "site" | "line" | "machine" | "device" | "tag", id: string) {
    const parent = {
      site: sql`d.machine_id IN (SELECT m.id FROM tel_machines m JOIN tel_lines l ON l.org_id = m.org_id AND l.id = m.line_id WHERE m.org_id = ${orgId} AND l.site_id = ${id})`,
      line: sql`d.machine_id IN (SELECT m.id FROM tel_machines m WHERE m.org_id = ${orgId} AND m.line_id = ${id})`,
      machine: sql`d.machine_id = ${id}`,
      device: sql`d.id = ${id}`,
      tag: sql`t.id = ${id}`,
    }[kind];
    const result = await this.db.execute(sql`
      SELECT t.id FROM tel_tags t JOIN tel_devices d ON d.org_id = t.org_id AND d.id = t.device_id
      WHERE t.org_id = ${orgId} AND ${parent}`);
    return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  }

  /** Deletes one record; children go by the foreign keys' ON DELETE CASCADE. True when it existed. */
  async delete(orgId: string, kind: "site" | "line" | "machine" | "device" | "tag", id: string) {
    const table = { site: telSites, line: telLines, machine: telMachines, device: telDevices, tag: telTags }[
      kind
    ];
    const rows = await this.db
      .delete(table)
      .where(and(eq(table.orgId, orgId), eq(table.id, id)))
      .returning({ id: table.id });
    return rows.length === 1;
  }

  /** The device's tags for the point writer, or undefined when the device does not exist in the org. */
  async deviceTags(orgId: string, deviceId: string): Promise<DeviceTags | undefined> {
    const device = await this.device(orgId, deviceId);
    if (!device) return undefined;
    const rows = await this.db
      .select({ id: telTags.id, key: telTags.key, dataType: telTags.dataType })
      .from(telTags)
      .where(and(eq(telTags.orgId, orgId), eq(telTags.deviceId, deviceId)));
    return { tags: new Map(rows.map((r) => [r.key, { id: r.id, dataType: r.dataType }])) };
  }

  async setConnection(orgId: string, deviceId: string, online: boolean, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(telDevices)
      .set({ online, connectionChangedAt: at, ...(online ? { lastSeenAt: at } : {}) })
      .where(and(eq(telDevices.orgId, orgId), eq(telDevices.id, deviceId)))
      .returning({ id: telDevices.id });
    return rows.length === 1;
  }

  // Credentials

  /** Active credentials with this username (random usernames: at most one across all orgs). */
  credentialsByUsername(username: string): Promise<CredentialRow[]> {
    return this.db
      .select()
      .from(telDeviceCredentials)
      .where(and(eq(telDeviceCredentials.username, username), isNull(telDeviceCredentials.revokedAt)))
      .limit(2);
  }

  credential(orgId: string, deviceId: string): Promise<CredentialRow | undefined> {
    return this.db
      .select()
      .from(telDeviceCredentials)
      .where(and(eq(telDeviceCredentials.orgId, orgId), eq(telDeviceCredentials.deviceId, deviceId)))
      .then((r) => r[0]);
  }

  /** Issues (or re-issues) the device's credential: new password hash, active again. */
  async upsertCredential(v: typeof telDeviceCredentials.$inferInsert): Promise<CredentialRow> {
    const [row] = await this.db
      .insert(telDeviceCredentials)
      .values(v)
      .onConflictDoUpdate({
        target: [telDeviceCredentials.orgId, telDeviceCredentials.deviceId],
        set: { username: v.username, passwordHash: v.passwordHash, issuedAt: v.issuedAt, revokedAt: null },
      })
      .returning();
    return row;
  }

  async revokeCredential(orgId: string, deviceId: string, at: Date): Promise<CredentialRow | undefined> {
    const [row] = await this.db
      .update(telDeviceCredentials)
      .set({ revokedAt: at })
      .where(
        and(
          eq(telDeviceCredentials.orgId, orgId),
          eq(telDeviceCredentials.deviceId, deviceId),
          isNull(telDeviceCredentials.revokedAt),
        ),
      )
      .returning();
    return row;
  }

  devicesIn(orgId: string, ids: readonly string[]): Promise<DeviceRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(telDevices)
      .where(and(eq(telDevices.orgId, orgId), inArray(telDevices.id, [...ids])));
  }
}
