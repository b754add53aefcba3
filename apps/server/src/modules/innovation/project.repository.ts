import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  innovationActivity,
  innovationMilestones,
  innovationProjectMembers,
  innovationProjects,
  orgs,
} from "../../db/schema/index.ts";

export type ProjectRow = typeof innovationProjects.$inferSelect;
export type MilestoneRow = typeof innovationMilestones.$inferSelect;
export type ActivityRow = typeof innovationActivity.$inferSelect;
export interface MemberView {
  orgId: string;
  nameZh: string;
  nameEn: string;
  role: (typeof innovationProjectMembers.$inferSelect)["role"];
  budgetShare: number;
}

/** Joint projects, their members, milestones and activity. Callers check membership via the policy. */
export class ProjectRepository {
  constructor(private readonly db: DbOrTx) {}

  async insert(values: typeof innovationProjects.$inferInsert): Promise<void> {
    await this.db.insert(innovationProjects).values(values);
  }

  async addMember(values: typeof innovationProjectMembers.$inferInsert): Promise<void> {
    await this.db.insert(innovationProjectMembers).values(values);
  }

  /** A project by id regardless of who asks (the service decides visibility from its members). */
  async find(id: string): Promise<ProjectRow | undefined> {
    const [row] = await this.db.select().from(innovationProjects).where(eq(innovationProjects.id, id));
    return row;
  }

  async update(
    leadOrgId: string,
    id: string,
    values: Partial<typeof innovationProjects.$inferInsert>,
  ): Promise<void> {
    await this.db
      .update(innovationProjects)
      .set(values)
      .where(and(eq(innovationProjects.orgId, leadOrgId), eq(innovationProjects.id, id)));
  }

  async members(projectIds: readonly string[]): Promise<Map<string, MemberView[]>> {
    const out = new Map<string, MemberView[]>();
    if (!projectIds.length) return out;
    const rows = await this.db
      .select({
        projectId: innovationProjectMembers.projectId,
        orgId: innovationProjectMembers.orgId,
        nameZh: orgs.nameZh,
        nameEn: orgs.nameEn,
        role: innovationProjectMembers.role,
        budgetShare: innovationProjectMembers.budgetShare,
      })
      .from(innovationProjectMembers)
      .innerJoin(orgs, eq(orgs.id, innovationProjectMembers.orgId))
      .where(inArray(innovationProjectMembers.projectId, [...projectIds]))
      .orderBy(asc(innovationProjectMembers.addedAt), asc(innovationProjectMembers.orgId));
    for (const { projectId, ...m } of rows) out.set(projectId, [...(out.get(projectId) ?? []), m]);
    return out;
  }

  /** Projects `orgId` is a member of, newest first. */
  async listFor(orgId: string): Promise<ProjectRow[]> {
    const rows = await this.db
      .select({ project: innovationProjects })
      .from(innovationProjects)
      .innerJoin(innovationProjectMembers, eq(innovationProjectMembers.projectId, innovationProjects.id))
      .where(eq(innovationProjectMembers.orgId, orgId))
      .orderBy(desc(innovationProjects.createdAt), asc(innovationProjects.id))
      .limit(500);
    return rows.map((r) => r.project);
  }

  async milestones(projectId: string): Promise<MilestoneRow[]> {
    return this.db
      .select()
      .from(innovationMilestones)
      .where(eq(innovationMilestones.projectId, projectId))
      .orderBy(asc(innovationMilestones.dueDate), asc(innovationMilestones.id));
  }

  async addMilestone(values: typeof innovationMilestones.$inferInsert): Promise<void> {
    await this.db.insert(innovationMilestones).values(values);
  }

  async findMilestone(projectId: string, id: string): Promise<MilestoneRow | undefined> {
    const [row] = await this.db
      .select()
      .from(innovationMilestones)
      .where(and(eq(innovationMilestones.projectId, projectId), eq(innovationMilestones.id, id)));
    return row;
  }

  /** Marks an open milestone done; of two racing completions exactly one changes the row. */
  async completeMilestone(projectId: string, id: string, byOrgId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(innovationMilestones)
      .set({ status: "done", completedAt: at, completedByOrgId: byOrgId })
      .where(
        and(
          eq(innovationMilestones.projectId, projectId),
          eq(innovationMilestones.id, id),
          eq(innovationMilestones.status, "open"),
        ),
      )
      .returning({ id: innovationMilestones.id });
    return rows.length > 0;
  }

  async log(values: typeof innovationActivity.$inferInsert): Promise<void> {
    await this.db.insert(innovationActivity).values(values);
  }

  async activity(projectId: string): Promise<ActivityRow[]> {
    return this.db
      .select()
      .from(innovationActivity)
      .where(eq(innovationActivity.projectId, projectId))
      .orderBy(desc(innovationActivity.at), desc(innovationActivity.id))
      .limit(200);
  }
}
