import { and, asc, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { monAlarms, monChannelHeld, monChannels, telTags } from "../../db/schema/index.ts";

export type ChannelRow = typeof monChannels.$inferSelect;
export type HeldRow = typeof monChannelHeld.$inferSelect;
export type FloodRow = {
  tagId: string;
  tagKey: string;
  unit: string;
  raisedAt: Date;
  clearedAt: Date | null;
  value: number | null;
};

/** Notification channels, what they hold in quiet hours, and the alarm rows the flood view reads; every query names its org. */
export class AlarmOpsRepository {
  constructor(private readonly db: DbOrTx) {}

  async channels(orgId: string): Promise<(ChannelRow & { held: number })[]> {
    const held = this.db
      .select({ orgId: monChannelHeld.orgId, channelId: monChannelHeld.channelId, n: count().as("n") })
      .from(monChannelHeld)
      .where(eq(monChannelHeld.orgId, orgId))
      .groupBy(monChannelHeld.orgId, monChannelHeld.channelId)
      .as("h");
    const rows = await this.db
      .select({ channel: monChannels, held: sql<number>`coalesce(${held.n}, 0)::int` })
      .from(monChannels)
      .leftJoin(held, and(eq(held.orgId, monChannels.orgId), eq(held.channelId, monChannels.id)))
      .where(eq(monChannels.orgId, orgId))
      .orderBy(asc(monChannels.createdAt), asc(monChannels.id));
    return rows.map((r) => ({ ...r.channel, held: r.held }));
  }

  async channel(orgId: string, id: string): Promise<ChannelRow | undefined> {
    const [row] = await this.db
      .select()
      .from(monChannels)
      .where(and(eq(monChannels.orgId, orgId), eq(monChannels.id, id)));
    return row;
  }

  async enabledChannels(orgId: string): Promise<ChannelRow[]> {
    return this.db
      .select()
      .from(monChannels)
      .where(and(eq(monChannels.orgId, orgId), eq(monChannels.enabled, true)))
      .orderBy(asc(monChannels.createdAt), asc(monChannels.id));
  }

  async insertChannel(v: typeof monChannels.$inferInsert): Promise<ChannelRow> {
    const [row] = await this.db.insert(monChannels).values(v).returning();
    return row;
  }

  async updateChannel(
    orgId: string,
    id: string,
    set: Partial<typeof monChannels.$inferInsert>,
  ): Promise<ChannelRow | undefined> {
    const [row] = await this.db
      .update(monChannels)
      .set(set)
      .where(and(eq(monChannels.orgId, orgId), eq(monChannels.id, id)))
      .returning();
    return row;
  }

  async deleteChannel(orgId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(monChannels)
      .where(and(eq(monChannels.orgId, orgId), eq(monChannels.id, id)))
      .returning({ id: monChannels.id });
    return rows.length > 0;
  }

  async hold(v: typeof monChannelHeld.$inferInsert): Promise<void> {
    await this.db.insert(monChannelHeld).values(v);
  }

  async held(orgId: string, channelId: string): Promise<HeldRow[]> {
    return this.db
      .select()
      .from(monChannelHeld)
      .where(and(eq(monChannelHeld.orgId, orgId), eq(monChannelHeld.channelId, channelId)))
      .orderBy(asc(monChannelHeld.heldAt), asc(monChannelHeld.id));
  }

  async deleteHeld(orgId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .delete(monChannelHeld)
      .where(and(eq(monChannelHeld.orgId, orgId), inArray(monChannelHeld.id, [...ids])));
  }

  /** Channels (of every org) holding something: the summary sweep's work list. */
  async channelsHolding(): Promise<ChannelRow[]> {
    const holding = this.db
      .selectDistinct({ orgId: monChannelHeld.orgId, channelId: monChannelHeld.channelId })
      .from(monChannelHeld)
      .as("holding");
    const rows = await this.db
      .select({ channel: monChannels })
      .from(monChannels)
      .innerJoin(holding, and(eq(holding.orgId, monChannels.orgId), eq(holding.channelId, monChannels.id)))
      .limit(500);
    return rows.map((r) => r.channel);
  }

  async markSent(orgId: string, id: string, at: Date, error: string | null): Promise<void> {
    await this.db
      .update(monChannels)
      .set(error === null ? { lastSentAt: at, lastError: null } : { lastError: error.slice(0, 500) })
      .where(and(eq(monChannels.orgId, orgId), eq(monChannels.id, id)));
  }

  /** Alarms raised in [from, to) with their tag's key and unit (at most `limit`, newest kept). */
  async alarmsBetween(orgId: string, from: Date, to: Date, limit = 100_000): Promise<FloodRow[]> {
    return this.db
      .select({
        tagId: monAlarms.tagId,
        tagKey: sql<string>`coalesce(${telTags.key}, ${monAlarms.tagId})`,
        unit: sql<string>`coalesce(${telTags.unit}, '')`,
        raisedAt: monAlarms.raisedAt,
        clearedAt: monAlarms.clearedAt,
        value: monAlarms.value,
      })
      .from(monAlarms)
      .leftJoin(telTags, and(eq(telTags.orgId, monAlarms.orgId), eq(telTags.id, monAlarms.tagId)))
      .where(and(eq(monAlarms.orgId, orgId), gte(monAlarms.raisedAt, from), lt(monAlarms.raisedAt, to)))
      .orderBy(asc(monAlarms.raisedAt))
      .limit(limit);
  }
}
