import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import {
  innovationProjectMembers,
  innovationProjects,
  orgs,
  talentPeople,
  talentStaffing,
  talentStudioApprentices,
  talentStudios,
  talentStudioTrainings,
} from "../../db/schema/index.ts";

export interface StudioView {
  id: string;
  orgId: string;
  orgNameZh: string;
  orgNameEn: string;
  name: string;
  skill: string;
  description: string;
  masterId: string;
  masterName: string;
}
export interface ApprenticeView {
  studioId: string;
  personId: string;
  name: string;
  orgId: string;
  orgNameZh: string;
  orgNameEn: string;
  joinedOn: string;
}
export type TrainingRow = typeof talentStudioTrainings.$inferSelect;
export type StaffingRow = typeof talentStaffing.$inferSelect;
export interface StaffingView extends StaffingRow {
  personName: string;
  hostNameZh: string;
  hostNameEn: string;
  requesterNameZh: string;
  requesterNameEn: string;
}

const master = alias(talentPeople, "master");
const host = alias(orgs, "host");
const requester = alias(orgs, "requester");

/** Visible to `orgId`: a person of its own, or another org's person who consents to be listed. */
const visiblePerson = (
  orgId: string,
  person: { orgId: typeof talentPeople.orgId; consent: typeof talentPeople.consent },
) => or(eq(person.orgId, orgId), eq(person.consent, true));

export class TalentStudioRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Studios `orgId` may see: its own, and others' whose master consents to be listed. */
  async studios(orgId: string, id?: string): Promise<StudioView[]> {
    const visible = or(eq(master.orgId, orgId), eq(master.consent, true));
    return this.db
      .select({
        id: talentStudios.id,
        orgId: talentStudios.orgId,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        name: talentStudios.name,
        skill: talentStudios.skill,
        description: talentStudios.description,
        masterId: talentStudios.masterId,
        masterName: master.name,
      })
      .from(talentStudios)
      .innerJoin(master, eq(master.id, talentStudios.masterId))
      .innerJoin(orgs, eq(orgs.id, talentStudios.orgId))
      .where(id === undefined ? visible : and(visible, eq(talentStudios.id, id)))
      .orderBy(asc(talentStudios.skill), asc(talentStudios.name), asc(talentStudios.id))
      .limit(200);
  }

  /** Every studio with its org and skill, for the cluster statistic (suppressed by the service). */
  async allStudios(): Promise<{ id: string; orgId: string; skill: string }[]> {
    return this.db
      .select({ id: talentStudios.id, orgId: talentStudios.orgId, skill: talentStudios.skill })
      .from(talentStudios);
  }

  /** Apprentices `orgId` may see (other orgs' non-consenting people are left out). */
  async apprentices(orgId: string, studioIds: string[]): Promise<ApprenticeView[]> {
    if (studioIds.length === 0) return [];
    return this.db
      .select({
        studioId: talentStudioApprentices.studioId,
        personId: talentPeople.id,
        name: talentPeople.name,
        orgId: talentPeople.orgId,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        joinedOn: talentStudioApprentices.joinedOn,
      })
      .from(talentStudioApprentices)
      .innerJoin(talentPeople, eq(talentPeople.id, talentStudioApprentices.personId))
      .innerJoin(orgs, eq(orgs.id, talentPeople.orgId))
      .where(and(inArray(talentStudioApprentices.studioId, studioIds), visiblePerson(orgId, talentPeople)))
      .orderBy(asc(talentStudioApprentices.joinedOn), asc(talentPeople.name));
  }

  async trainings(studioIds: string[]): Promise<TrainingRow[]> {
    if (studioIds.length === 0) return [];
    return this.db
      .select()
      .from(talentStudioTrainings)
      .where(inArray(talentStudioTrainings.studioId, studioIds))
      .orderBy(desc(talentStudioTrainings.heldOn), asc(talentStudioTrainings.id));
  }

  async insertStudio(values: typeof talentStudios.$inferInsert): Promise<void> {
    await this.db.insert(talentStudios).values(values);
  }

  async insertApprentice(values: typeof talentStudioApprentices.$inferInsert): Promise<void> {
    await this.db.insert(talentStudioApprentices).values(values);
  }

  async insertTraining(values: typeof talentStudioTrainings.$inferInsert): Promise<void> {
    await this.db.insert(talentStudioTrainings).values(values);
  }

  /** A joint project `orgId` is a member of (its title), else undefined. */
  async projectOfMember(
    orgId: string,
    projectId: string,
  ): Promise<{ id: string; title: string } | undefined> {
    const [row] = await this.db
      .select({ id: innovationProjects.id, title: innovationProjects.title })
      .from(innovationProjects)
      .innerJoin(
        innovationProjectMembers,
        and(
          eq(innovationProjectMembers.projectId, innovationProjects.id),
          eq(innovationProjectMembers.orgId, orgId),
        ),
      )
      .where(eq(innovationProjects.id, projectId));
    return row;
  }

  private staffingViews() {
    return this.db
      .select({
        s: talentStaffing,
        personName: talentPeople.name,
        hostNameZh: host.nameZh,
        hostNameEn: host.nameEn,
        requesterNameZh: requester.nameZh,
        requesterNameEn: requester.nameEn,
      })
      .from(talentStaffing)
      .innerJoin(talentPeople, eq(talentPeople.id, talentStaffing.personId))
      .innerJoin(host, eq(host.id, talentStaffing.orgId))
      .innerJoin(requester, eq(requester.id, talentStaffing.requesterOrgId));
  }

  async insertStaffing(values: typeof talentStaffing.$inferInsert): Promise<void> {
    await this.db.insert(talentStaffing).values(values);
  }

  async staffingFor(orgId: string): Promise<StaffingView[]> {
    const rows = await this.staffingViews()
      .where(or(eq(talentStaffing.orgId, orgId), eq(talentStaffing.requesterOrgId, orgId)))
      .orderBy(desc(talentStaffing.createdAt), asc(talentStaffing.id))
      .limit(200);
    return rows.map(({ s, ...names }) => ({ ...s, ...names }));
  }

  /** A staffing request made to or by `orgId`; anyone else's is not found. */
  async findStaffing(orgId: string, id: string): Promise<StaffingView | undefined> {
    const [row] = await this.staffingViews().where(
      and(
        eq(talentStaffing.id, id),
        or(eq(talentStaffing.orgId, orgId), eq(talentStaffing.requesterOrgId, orgId)),
      ),
    );
    if (!row) return undefined;
    const { s, ...names } = row;
    return { ...s, ...names };
  }

  /** Settles a pending request; the status condition lets one of two racing decisions win. */
  async decideStaffing(
    orgId: string,
    id: string,
    values: Pick<StaffingRow, "status" | "decidedBy" | "decidedAt" | "decisionNote">,
  ): Promise<boolean> {
    const rows = await this.db
      .update(talentStaffing)
      .set(values)
      .where(
        and(eq(talentStaffing.orgId, orgId), eq(talentStaffing.id, id), eq(talentStaffing.status, "pending")),
      )
      .returning({ id: talentStaffing.id });
    return rows.length > 0;
  }
}
