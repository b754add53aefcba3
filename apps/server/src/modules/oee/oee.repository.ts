import { and, asc, eq, gt, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  monAlarms,
  oeeCounts,
  oeeMachineSettings,
  oeeMachineStatus,
  oeeStateEvents,
  telDevices,
  telLines,
  telMachines,
  telTags,
} from "../../db/schema/index.ts";

export type SettingsRow = typeof oeeMachineSettings.$inferSelect;
export type StatusRow = typeof oeeMachineStatus.$inferSelect;
export type EventRow = typeof oeeStateEvents.$inferSelect;
export type EventInsert = typeof oeeStateEvents.$inferInsert;
export type CountRow = typeof oeeCounts.$inferSelect;

export interface MachineInfo {
  id: string;
  lineId: string;
  name: string;
  processType: string;
}

/** The OEE store of one org: settings, status, state intervals and counts. Every query filters by org id. */
export class OeeRepository {
  constructor(private readonly db: DbOrTx) {}

  lines(orgId: string) {
    return this.db.select().from(telLines).where(eq(telLines.orgId, orgId)).orderBy(asc(telLines.name));
  }

  line(orgId: string, id: string) {
    return this.db
      .select()
      .from(telLines)
      .where(and(eq(telLines.orgId, orgId), eq(telLines.id, id)))
      .then((r) => r[0]);
  }

  machines(orgId: string, lineId?: string): Promise<MachineInfo[]> {
    return this.db
      .select({
        id: telMachines.id,
        lineId: telMachines.lineId,
        name: telMachines.name,
        processType: telMachines.processType,
      })
      .from(telMachines)
      .where(and(eq(telMachines.orgId, orgId), lineId ? eq(telMachines.lineId, lineId) : undefined))
      .orderBy(asc(telMachines.name));
  }

  machine(orgId: string, id: string): Promise<MachineInfo | undefined> {
    return this.db
      .select({
        id: telMachines.id,
        lineId: telMachines.lineId,
        name: telMachines.name,
        processType: telMachines.processType,
      })
      .from(telMachines)
      .where(and(eq(telMachines.orgId, orgId), eq(telMachines.id, id)))
      .then((r) => r[0]);
  }

  /** The device's machine and every tag of that device. */
  async deviceTags(orgId: string, deviceId: string) {
    const [device] = await this.db
      .select({ machineId: telDevices.machineId })
      .from(telDevices)
      .where(and(eq(telDevices.orgId, orgId), eq(telDevices.id, deviceId)));
    if (!device) return undefined;
    const tags = await this.db
      .select({ id: telTags.id, key: telTags.key })
      .from(telTags)
      .where(and(eq(telTags.orgId, orgId), eq(telTags.deviceId, deviceId)));
    return { machineId: device.machineId, tags };
  }

  settings(orgId: string, machineIds: readonly string[]): Promise<SettingsRow[]> {
    if (machineIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(oeeMachineSettings)
      .where(
        and(eq(oeeMachineSettings.orgId, orgId), inArray(oeeMachineSettings.machineId, [...machineIds])),
      );
  }

  async putSettings(row: typeof oeeMachineSettings.$inferInsert): Promise<void> {
    const { orgId: _o, machineId: _m, ...set } = row;
    await this.db
      .insert(oeeMachineSettings)
      .values(row)
      .onConflictDoUpdate({ target: [oeeMachineSettings.orgId, oeeMachineSettings.machineId], set });
  }

  statuses(orgId: string, machineIds: readonly string[]): Promise<StatusRow[]> {
    if (machineIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(oeeMachineStatus)
      .where(and(eq(oeeMachineStatus.orgId, orgId), inArray(oeeMachineStatus.machineId, [...machineIds])));
  }

  async putStatus(row: typeof oeeMachineStatus.$inferInsert): Promise<void> {
    const { orgId: _o, machineId: _m, ...set } = row;
    await this.db
      .insert(oeeMachineStatus)
      .values(row)
      .onConflictDoUpdate({ target: [oeeMachineStatus.orgId, oeeMachineStatus.machineId], set });
  }

  /** Intervals that overlap [from, to) (open ones included). */
  events(orgId: string, machineIds: readonly string[], from: Date, to: Date): Promise<EventRow[]> {
    if (machineIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(oeeStateEvents)
      .where(
        and(
          eq(oeeStateEvents.orgId, orgId),
          inArray(oeeStateEvents.machineId, [...machineIds]),
          lt(oeeStateEvents.startedAt, to),
          or(isNull(oeeStateEvents.endedAt), gt(oeeStateEvents.endedAt, from)),
        ),
      )
      .orderBy(asc(oeeStateEvents.startedAt));
  }

  async insertEvents(rows: EventInsert[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000)
      await this.db.insert(oeeStateEvents).values(rows.slice(i, i + 1000));
  }

  async closeEvent(orgId: string, id: string, endedAt: Date): Promise<void> {
    await this.db
      .update(oeeStateEvents)
      .set({ endedAt })
      .where(and(eq(oeeStateEvents.orgId, orgId), eq(oeeStateEvents.id, id), isNull(oeeStateEvents.endedAt)));
  }

  counts(orgId: string, machineIds: readonly string[], from: Date, to: Date): Promise<CountRow[]> {
    if (machineIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(oeeCounts)
      .where(
        and(
          eq(oeeCounts.orgId, orgId),
          inArray(oeeCounts.machineId, [...machineIds]),
          gte(oeeCounts.bucket, from),
          lt(oeeCounts.bucket, to),
        ),
      );
  }

  /** Adds to the minute buckets (a second delivery in the same minute adds up). */
  async addCounts(rows: CountRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000)
      await this.db
        .insert(oeeCounts)
        .values(rows.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [oeeCounts.orgId, oeeCounts.machineId, oeeCounts.bucket],
          set: {
            good: sql`${oeeCounts.good} + excluded.good`,
            total: sql`${oeeCounts.total} + excluded.total`,
          },
        });
  }

  /** Open alarms (active, or not yet acknowledged) per machine, through the alarm's tag and device. */
  async openAlarms(orgId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ machineId: telDevices.machineId, n: sql<number>`count(*)::int` })
      .from(monAlarms)
      .innerJoin(telTags, and(eq(telTags.orgId, monAlarms.orgId), eq(telTags.id, monAlarms.tagId)))
      .innerJoin(telDevices, and(eq(telDevices.orgId, telTags.orgId), eq(telDevices.id, telTags.deviceId)))
      .where(
        and(
          eq(monAlarms.orgId, orgId),
          or(eq(monAlarms.active, true), inArray(monAlarms.state, ["unack", "rtn_unack"])),
        ),
      )
      .groupBy(telDevices.machineId);
    return new Map(rows.map((r) => [r.machineId, Number(r.n)]));
  }

  /** Orgs with an active, unrevoked "equipment" grant to the cluster operator. */
  async contributors(now: Date): Promise<string[]> {
    const result = await this.db.execute(sql`
      SELECT DISTINCT g.org_id FROM grants g JOIN orgs op ON op.id = g.grantee_org_id AND op.kind = 'operator'
      WHERE g.data_class = 'equipment' AND g.revoked_at IS NULL AND g.expires_at > ${now.toISOString()}::timestamptz`);
    return (result as unknown as { rows: { org_id: string }[] }).rows.map((r) => r.org_id);
  }
}
