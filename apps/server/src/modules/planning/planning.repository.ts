import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { type PlanningCell, planningRecords } from "../../db/schema/index.ts";

export type PlanningRow = typeof planningRecords.$inferSelect;
/** Entities stored in planning_records: the master data kinds plus the planner's forecast overrides. */
export type StoredEntity = string;

export interface RecordDraft {
  id: string;
  entity: StoredEntity;
  key: string;
  data: Record<string, PlanningCell>;
}

/** Planning records of one org; every query filters by org id. */
export class PlanningRepository {
  constructor(private readonly db: DbOrTx) {}

  async list(orgId: string, entity: StoredEntity): Promise<PlanningRow[]> {
    return this.db
      .select()
      .from(planningRecords)
      .where(and(eq(planningRecords.orgId, orgId), eq(planningRecords.entity, entity)))
      .orderBy(asc(planningRecords.key));
  }

  async listMany(orgId: string, entities: readonly StoredEntity[]): Promise<PlanningRow[]> {
    return this.db
      .select()
      .from(planningRecords)
      .where(and(eq(planningRecords.orgId, orgId), inArray(planningRecords.entity, [...entities])))
      .orderBy(asc(planningRecords.entity), asc(planningRecords.key));
  }

  async find(orgId: string, id: string): Promise<PlanningRow | undefined> {
    const [row] = await this.db
      .select()
      .from(planningRecords)
      .where(and(eq(planningRecords.orgId, orgId), eq(planningRecords.id, id)));
    return row;
  }

  async findByKey(orgId: string, entity: StoredEntity, key: string): Promise<PlanningRow | undefined> {
    const [row] = await this.db
      .select()
      .from(planningRecords)
      .where(
        and(
          eq(planningRecords.orgId, orgId),
          eq(planningRecords.entity, entity),
          eq(planningRecords.key, key),
        ),
      );
    return row;
  }

  /** Insert or replace by natural key (multi-row, in chunks); returns the stored rows. */
  async upsert(orgId: string, drafts: readonly RecordDraft[], at: Date): Promise<PlanningRow[]> {
    const out: PlanningRow[] = [];
    for (let i = 0; i < drafts.length; i += 1000) {
      const chunk = drafts.slice(i, i + 1000).map((d) => ({ ...d, orgId, updatedAt: at }));
      const rows = await this.db
        .insert(planningRecords)
        .values(chunk)
        .onConflictDoUpdate({
          target: [planningRecords.orgId, planningRecords.entity, planningRecords.key],
          set: { data: sql`excluded.data`, updatedAt: sql`excluded.updated_at` },
        })
        .returning();
      out.push(...rows);
    }
    return out;
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(planningRecords)
      .where(and(eq(planningRecords.orgId, orgId), eq(planningRecords.id, id)))
      .returning({ id: planningRecords.id });
    return rows.length > 0;
  }

  async deleteByKey(orgId: string, entity: StoredEntity, key: string): Promise<void> {
    await this.db
      .delete(planningRecords)
      .where(
        and(
          eq(planningRecords.orgId, orgId),
          eq(planningRecords.entity, entity),
          eq(planningRecords.key, key),
        ),
      );
  }
}
