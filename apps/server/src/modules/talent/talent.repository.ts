import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import {
  orgs,
  talentCompetitions,
  talentEntries,
  talentPeople,
  talentSecondments,
} from "../../db/schema/index.ts";

export type PersonRow = typeof talentPeople.$inferSelect;
export interface PersonView extends PersonRow {
  orgNameZh: string;
  orgNameEn: string;
}
export type SecondmentRow = typeof talentSecondments.$inferSelect;
export interface SecondmentView extends SecondmentRow {
  personName: string;
  hostNameZh: string;
  hostNameEn: string;
  requesterNameZh: string;
  requesterNameEn: string;
}
export type CompetitionRow = typeof talentCompetitions.$inferSelect;
export interface CompetitionView extends CompetitionRow {
  orgNameZh: string;
  orgNameEn: string;
}
export interface EntryView {
  id: string;
  competitionId: string;
  personId: string;
  personName: string;
  orgId: string;
  orgNameZh: string;
  orgNameEn: string;
  score: number | null;
}

const host = alias(orgs, "host");
const requester = alias(orgs, "requester");

export class TalentRepository {
  constructor(private readonly db: DbOrTx) {}

  private people() {
    return this.db
      .select({ person: talentPeople, orgNameZh: orgs.nameZh, orgNameEn: orgs.nameEn })
      .from(talentPeople)
      .innerJoin(orgs, eq(orgs.id, talentPeople.orgId));
  }

  /**
   * The pool `orgId` sees: all its own people, and other orgs' people only while they consent. A
   * skill filter matches a listed skill exactly (case-insensitive).
   */
  async pool(orgId: string, skill: string | undefined): Promise<PersonView[]> {
    const visible = or(eq(talentPeople.orgId, orgId), eq(talentPeople.consent, true));
    const where = skill
      ? and(
          visible,
          sql`exists (select 1 from jsonb_array_elements_text(${talentPeople.skills}) s where lower(s) = lower(${skill}))`,
        )
      : visible;
    const rows = await this.people()
      .where(where)
      .orderBy(asc(talentPeople.orgId), asc(talentPeople.name), asc(talentPeople.id))
      .limit(500);
    return rows.map(({ person, ...names }) => ({ ...person, ...names }));
  }

  /** One person as `orgId` may see them (own, or another org's consenting person), else undefined. */
  async findVisible(orgId: string, id: string): Promise<PersonView | undefined> {
    const [row] = await this.people().where(
      and(eq(talentPeople.id, id), or(eq(talentPeople.orgId, orgId), eq(talentPeople.consent, true))),
    );
    return row ? { ...row.person, orgNameZh: row.orgNameZh, orgNameEn: row.orgNameEn } : undefined;
  }

  async insertPerson(values: typeof talentPeople.$inferInsert): Promise<void> {
    await this.db.insert(talentPeople).values(values);
  }

  async updatePerson(
    orgId: string,
    id: string,
    values: Partial<Pick<PersonRow, "skills" | "certificates" | "availability" | "consent">>,
  ): Promise<boolean> {
    const rows = await this.db
      .update(talentPeople)
      .set(values)
      .where(and(eq(talentPeople.orgId, orgId), eq(talentPeople.id, id)))
      .returning({ id: talentPeople.id });
    return rows.length > 0;
  }

  private secondmentViews() {
    return this.db
      .select({
        s: talentSecondments,
        personName: talentPeople.name,
        hostNameZh: host.nameZh,
        hostNameEn: host.nameEn,
        requesterNameZh: requester.nameZh,
        requesterNameEn: requester.nameEn,
      })
      .from(talentSecondments)
      .innerJoin(talentPeople, eq(talentPeople.id, talentSecondments.personId))
      .innerJoin(host, eq(host.id, talentSecondments.orgId))
      .innerJoin(requester, eq(requester.id, talentSecondments.requesterOrgId));
  }

  async insertSecondment(values: typeof talentSecondments.$inferInsert): Promise<void> {
    await this.db.insert(talentSecondments).values(values);
  }

  async secondmentsFor(orgId: string): Promise<SecondmentView[]> {
    const rows = await this.secondmentViews()
      .where(or(eq(talentSecondments.orgId, orgId), eq(talentSecondments.requesterOrgId, orgId)))
      .orderBy(desc(talentSecondments.createdAt), asc(talentSecondments.id))
      .limit(200);
    return rows.map(({ s, ...names }) => ({ ...s, ...names }));
  }

  /** A secondment made to or by `orgId`; anyone else's is not found. */
  async findSecondment(orgId: string, id: string): Promise<SecondmentView | undefined> {
    const [row] = await this.secondmentViews().where(
      and(
        eq(talentSecondments.id, id),
        or(eq(talentSecondments.orgId, orgId), eq(talentSecondments.requesterOrgId, orgId)),
      ),
    );
    if (!row) return undefined;
    const { s, ...names } = row;
    return { ...s, ...names };
  }

  /** Settles a pending secondment; the status condition in the UPDATE lets one of two racing decisions win. */
  async decideSecondment(
    orgId: string,
    id: string,
    values: Pick<SecondmentRow, "status" | "decidedBy" | "decidedAt" | "decisionNote">,
  ): Promise<boolean> {
    const rows = await this.db
      .update(talentSecondments)
      .set(values)
      .where(
        and(
          eq(talentSecondments.orgId, orgId),
          eq(talentSecondments.id, id),
          eq(talentSecondments.status, "pending"),
        ),
      )
      .returning({ id: talentSecondments.id });
    return rows.length > 0;
  }

  async insertCompetition(values: typeof talentCompetitions.$inferInsert): Promise<void> {
    await this.db.insert(talentCompetitions).values(values);
  }

  async competitions(id?: string): Promise<CompetitionView[]> {
    const rows = await this.db
      .select({ c: talentCompetitions, orgNameZh: orgs.nameZh, orgNameEn: orgs.nameEn })
      .from(talentCompetitions)
      .innerJoin(orgs, eq(orgs.id, talentCompetitions.orgId))
      .where(id === undefined ? undefined : eq(talentCompetitions.id, id))
      .orderBy(desc(talentCompetitions.heldOn), asc(talentCompetitions.id))
      .limit(100);
    return rows.map(({ c, ...names }) => ({ ...c, ...names }));
  }

  async entriesOf(competitionIds: string[]): Promise<EntryView[]> {
    if (competitionIds.length === 0) return [];
    return this.db
      .select({
        id: talentEntries.id,
        competitionId: talentEntries.competitionId,
        personId: talentEntries.personId,
        personName: talentPeople.name,
        orgId: talentEntries.orgId,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        score: talentEntries.score,
      })
      .from(talentEntries)
      .innerJoin(talentPeople, eq(talentPeople.id, talentEntries.personId))
      .innerJoin(orgs, eq(orgs.id, talentEntries.orgId))
      .where(inArray(talentEntries.competitionId, competitionIds))
      .orderBy(asc(talentEntries.createdAt), asc(talentEntries.id));
  }

  async insertEntry(values: typeof talentEntries.$inferInsert): Promise<void> {
    await this.db.insert(talentEntries).values(values);
  }

  async setScore(competitionId: string, entryId: string, score: number): Promise<boolean> {
    const rows = await this.db
      .update(talentEntries)
      .set({ score })
      .where(and(eq(talentEntries.competitionId, competitionId), eq(talentEntries.id, entryId)))
      .returning({ id: talentEntries.id });
    return rows.length > 0;
  }
}
