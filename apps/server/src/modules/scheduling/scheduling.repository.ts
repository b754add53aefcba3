import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { scheduleScenarios } from "../../db/schema/index.ts";

export type ScenarioRow = typeof scheduleScenarios.$inferSelect;
export type ScenarioInsert = typeof scheduleScenarios.$inferInsert;
export type ScenarioPatch = Partial<Omit<ScenarioInsert, "orgId" | "id">>;

/** Scheduling scenarios of one org; every query filters by org id. */
export class SchedulingRepository {
  constructor(private readonly db: DbOrTx) {}

  async insert(row: ScenarioInsert): Promise<ScenarioRow> {
    const [out] = await this.db.insert(scheduleScenarios).values(row).returning();
    return out;
  }

  async list(orgId: string): Promise<ScenarioRow[]> {
    return this.db
      .select()
      .from(scheduleScenarios)
      .where(eq(scheduleScenarios.orgId, orgId))
      .orderBy(desc(scheduleScenarios.createdAt), desc(scheduleScenarios.id));
  }

  async find(orgId: string, id: string): Promise<ScenarioRow | undefined> {
    const [row] = await this.db
      .select()
      .from(scheduleScenarios)
      .where(and(eq(scheduleScenarios.orgId, orgId), eq(scheduleScenarios.id, id)));
    return row;
  }

  async findPublished(orgId: string): Promise<ScenarioRow | undefined> {
    const [row] = await this.db
      .select()
      .from(scheduleScenarios)
      .where(and(eq(scheduleScenarios.orgId, orgId), eq(scheduleScenarios.published, true)));
    return row;
  }

  async update(orgId: string, id: string, patch: ScenarioPatch): Promise<ScenarioRow | undefined> {
    const [row] = await this.db
      .update(scheduleScenarios)
      .set(patch)
      .where(and(eq(scheduleScenarios.orgId, orgId), eq(scheduleScenarios.id, id)))
      .returning();
    return row;
  }

  async unpublishAll(orgId: string): Promise<void> {
    await this.db
      .update(scheduleScenarios)
      .set({ published: false })
      .where(and(eq(scheduleScenarios.orgId, orgId), eq(scheduleScenarios.published, true)));
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(scheduleScenarios)
      .where(and(eq(scheduleScenarios.orgId, orgId), eq(scheduleScenarios.id, id)))
      .returning({ id: scheduleScenarios.id });
    return rows.length > 0;
  }
}
