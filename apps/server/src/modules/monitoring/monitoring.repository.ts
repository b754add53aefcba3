import type { AlarmListQuery, AlarmPriority, AlarmStateName } from "@clusterbrain/contracts";
import type { AlarmMachineState, JsonValue } from "@clusterbrain/engine/monitor";
import { and, count, desc, eq, gte, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { monAlarmComments, monAlarms, monDetectors, telTags } from "../../db/schema/index.ts";

export type DetectorRow = typeof monDetectors.$inferSelect;
export type AlarmRow = typeof monAlarms.$inferSelect;
export type CommentRow = typeof monAlarmComments.$inferSelect;
export type TagInfo = { id: string; key: string; unit: string; deviceId: string; dataType: string };
/** An alarm with its tag's names and the number of comments (what lists show). */
export type AlarmView = AlarmRow & { tagKey: string; unit: string; deviceId: string; comments: number };

const tagColumns = {
  id: telTags.id,
  key: telTags.key,
  unit: telTags.unit,
  deviceId: telTags.deviceId,
  dataType: telTags.dataType,
};

/** Detectors, alarms and comments of the monitoring module; every query names its org. */
export class MonitoringRepository {
  constructor(private readonly db: DbOrTx) {}

  async tag(orgId: string, tagId: string): Promise<TagInfo | undefined> {
    const [row] = await this.db
      .select(tagColumns)
      .from(telTags)
      .where(and(eq(telTags.orgId, orgId), eq(telTags.id, tagId)));
    return row;
  }

  /** The tag's specification limits (tel_tags low/high). */
  async specLimits(orgId: string, tagId: string): Promise<{ low: number | null; high: number | null }> {
    const [row] = await this.db
      .select({ low: telTags.low, high: telTags.high })
      .from(telTags)
      .where(and(eq(telTags.orgId, orgId), eq(telTags.id, tagId)));
    return row ?? { low: null, high: null };
  }

  /** Numeric tags of the org with their detector (if any), by tag key. */
  async detectors(orgId: string): Promise<{ tag: TagInfo; detector: DetectorRow | null }[]> {
    const rows = await this.db
      .select({ tag: tagColumns, detector: monDetectors })
      .from(telTags)
      .leftJoin(monDetectors, and(eq(monDetectors.orgId, telTags.orgId), eq(monDetectors.tagId, telTags.id)))
      .where(and(eq(telTags.orgId, orgId), eq(telTags.dataType, "number")))
      .orderBy(telTags.key, telTags.id);
    return rows;
  }

  async detector(orgId: string, tagId: string): Promise<DetectorRow | undefined> {
    const [row] = await this.db
      .select()
      .from(monDetectors)
      .where(and(eq(monDetectors.orgId, orgId), eq(monDetectors.tagId, tagId)));
    return row;
  }

  async saveDetector(v: typeof monDetectors.$inferInsert): Promise<DetectorRow> {
    const { orgId, tagId, ...rest } = v;
    const [row] = await this.db
      .insert(monDetectors)
      .values(v)
      .onConflictDoUpdate({ target: [monDetectors.orgId, monDetectors.tagId], set: rest })
      .returning();
    return row;
  }

  /** How much history a detector that is still learning has seen. */
  async countLearning(orgId: string, tagId: string, points: number, at: Date): Promise<void> {
    await this.db
      .update(monDetectors)
      .set({ learnedPoints: points, updatedAt: at })
      .where(
        and(
          eq(monDetectors.orgId, orgId),
          eq(monDetectors.tagId, tagId),
          eq(monDetectors.status, "learning"),
        ),
      );
  }

  /** The running detector's state (only for a detector that is ready). */
  async saveDetectorState(
    orgId: string,
    tagId: string,
    snapshot: JsonValue,
    machine: AlarmMachineState & { recentScores?: readonly number[] },
    at: Date,
  ): Promise<void> {
    await this.db
      .update(monDetectors)
      .set({ snapshot, machine, updatedAt: at })
      .where(
        and(eq(monDetectors.orgId, orgId), eq(monDetectors.tagId, tagId), eq(monDetectors.status, "ready")),
      );
  }

  /** The tag's last `limit` numeric readings before `before` (ms), oldest first. */
  async history(
    orgId: string,
    tagId: string,
    before: number,
    limit: number,
  ): Promise<{ ts: Float64Array; xs: Float64Array }> {
    const result = await this.db.execute(sql`
      SELECT ms, num FROM (
        SELECT round(extract(epoch FROM ts) * 1000)::float8 AS ms, num FROM tel_points
        WHERE org_id = ${orgId} AND tag_id = ${tagId} AND num IS NOT NULL
          AND ts < TIMESTAMPTZ 'epoch' + ${before}::float8 * INTERVAL '1 millisecond'
        ORDER BY ts DESC LIMIT ${limit}
      ) recent ORDER BY ms`);
    const rows = (result as unknown as { rows: { ms: number | string; num: number }[] }).rows;
    return {
      ts: Float64Array.from(rows, (r) => Number(r.ms)),
      xs: Float64Array.from(rows, (r) => Number(r.num)),
    };
  }

  async insertAlarm(v: typeof monAlarms.$inferInsert): Promise<AlarmRow | undefined> {
    const [row] = await this.db.insert(monAlarms).values(v).onConflictDoNothing().returning();
    return row;
  }

  async alarmOf(orgId: string, tagId: string, occurrence: number): Promise<AlarmRow | undefined> {
    const [row] = await this.db
      .select()
      .from(monAlarms)
      .where(
        and(eq(monAlarms.orgId, orgId), eq(monAlarms.tagId, tagId), eq(monAlarms.occurrence, occurrence)),
      );
    return row;
  }

  async updateAlarm(
    orgId: string,
    id: string,
    set: Partial<typeof monAlarms.$inferInsert>,
  ): Promise<AlarmRow> {
    const [row] = await this.db
      .update(monAlarms)
      .set(set)
      .where(and(eq(monAlarms.orgId, orgId), eq(monAlarms.id, id)))
      .returning();
    return row;
  }

  private view() {
    const comments = this.db
      .select({ alarmId: monAlarmComments.alarmId, orgId: monAlarmComments.orgId, n: count().as("n") })
      .from(monAlarmComments)
      .groupBy(monAlarmComments.orgId, monAlarmComments.alarmId)
      .as("c");
    return this.db
      .select({
        alarm: monAlarms,
        tagKey: sql<string>`coalesce(${telTags.key}, ${monAlarms.tagId})`,
        unit: sql<string>`coalesce(${telTags.unit}, '')`,
        deviceId: sql<string>`coalesce(${telTags.deviceId}, '')`,
        comments: sql<number>`coalesce(${comments.n}, 0)::int`,
      })
      .from(monAlarms)
      .leftJoin(telTags, and(eq(telTags.orgId, monAlarms.orgId), eq(telTags.id, monAlarms.tagId)))
      .leftJoin(comments, and(eq(comments.orgId, monAlarms.orgId), eq(comments.alarmId, monAlarms.id)));
  }

  async alarms(orgId: string, q: AlarmListQuery): Promise<AlarmView[]> {
    const open = or(eq(monAlarms.active, true), inArray(monAlarms.state, ["unack", "rtn_unack"]));
    const where = and(
      eq(monAlarms.orgId, orgId),
      q.state ? eq(monAlarms.state, q.state as AlarmStateName) : undefined,
      q.priority ? eq(monAlarms.priority, q.priority as AlarmPriority) : undefined,
      q.tagId ? eq(monAlarms.tagId, q.tagId) : undefined,
      q.from ? gte(monAlarms.raisedAt, new Date(q.from)) : undefined,
      q.to ? lt(monAlarms.raisedAt, new Date(q.to)) : undefined,
      q.open === "true" ? open : q.open === "false" ? sql`NOT (${open})` : undefined,
    );
    const rows = await this.view()
      .where(where)
      .orderBy(desc(monAlarms.raisedAt), desc(monAlarms.id))
      .limit(q.limit);
    return rows.map((r) => ({
      ...r.alarm,
      tagKey: r.tagKey,
      unit: r.unit,
      deviceId: r.deviceId,
      comments: r.comments,
    }));
  }

  async alarmView(orgId: string, id: string): Promise<AlarmView | undefined> {
    const [r] = await this.view().where(and(eq(monAlarms.orgId, orgId), eq(monAlarms.id, id)));
    return r && { ...r.alarm, tagKey: r.tagKey, unit: r.unit, deviceId: r.deviceId, comments: r.comments };
  }

  /** Unacknowledged alarms raised before `before` and not escalated yet (for escalation). */
  async unacknowledgedSince(before: Date): Promise<AlarmRow[]> {
    return this.db
      .select()
      .from(monAlarms)
      .where(and(eq(monAlarms.state, "unack"), lt(monAlarms.raisedAt, before), isNull(monAlarms.escalatedAt)))
      .limit(500);
  }

  async openAlarmsOfTag(orgId: string, tagId: string): Promise<AlarmRow[]> {
    return this.db
      .select()
      .from(monAlarms)
      .where(and(eq(monAlarms.orgId, orgId), eq(monAlarms.tagId, tagId), ne(monAlarms.state, "normal")));
  }

  async addComment(v: typeof monAlarmComments.$inferInsert): Promise<CommentRow> {
    const [row] = await this.db.insert(monAlarmComments).values(v).returning();
    return row;
  }

  async comments(orgId: string, alarmId: string): Promise<CommentRow[]> {
    return this.db
      .select()
      .from(monAlarmComments)
      .where(and(eq(monAlarmComments.orgId, orgId), eq(monAlarmComments.alarmId, alarmId)))
      .orderBy(monAlarmComments.createdAt, monAlarmComments.id);
  }
}
