import { randomUUID } from "node:crypto";
import type {
  Competition,
  CompetitionCreate,
  CompetitionEntryCreate,
  CompetitionList,
  CompetitionScore,
  Secondment,
  SecondmentCreate,
  SecondmentDecide,
  SecondmentList,
  TalentPerson,
  TalentPersonCreate,
  TalentPersonUpdate,
  TalentPool,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { rankEntries } from "./talent.ranking.ts";
import {
  type CompetitionView,
  type EntryView,
  type PersonView,
  type SecondmentView,
  TalentRepository,
} from "./talent.repository.ts";

function toPerson(p: PersonView): TalentPerson {
  return {
    id: p.id,
    orgId: p.orgId,
    orgNameZh: p.orgNameZh,
    orgNameEn: p.orgNameEn,
    name: p.name,
    skills: p.skills,
    certificates: p.certificates,
    availability: p.availability,
    consent: p.consent,
  };
}

function toSecondment(s: SecondmentView): Secondment {
  return {
    id: s.id,
    personId: s.personId,
    personName: s.personName,
    hostOrgId: s.orgId,
    hostNameZh: s.hostNameZh,
    hostNameEn: s.hostNameEn,
    requesterOrgId: s.requesterOrgId,
    requesterNameZh: s.requesterNameZh,
    requesterNameEn: s.requesterNameEn,
    role: s.role,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    note: s.note,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    decidedAt: s.decidedAt?.toISOString() ?? null,
    decisionNote: s.decisionNote,
  };
}

function toCompetition(actor: Actor, c: CompetitionView, entries: EntryView[]): Competition {
  return {
    id: c.id,
    orgId: c.orgId,
    orgNameZh: c.orgNameZh,
    orgNameEn: c.orgNameEn,
    title: c.title,
    skill: c.skill,
    heldOn: c.heldOn,
    mine: policy.isOwnOrg(actor, c.orgId),
    entries: rankEntries(entries.filter((e) => e.competitionId === c.id)).map((e) => ({
      id: e.id,
      personId: e.personId,
      personName: e.personName,
      orgId: e.orgId,
      orgNameZh: e.orgNameZh,
      orgNameEn: e.orgNameEn,
      score: e.score,
      rank: e.rank,
    })),
  };
}

/**
 * Talent sharing: an org lists its people (others see them only while they consent), asks another
 * org to second one of its listed people (the person's org owner/admin decides), and organises or
 * enters skill competitions whose scores give a ranking everyone sees.
 */
export class TalentService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async pool(actor: Actor, skill: string | undefined): Promise<TalentPool> {
    const rows = await new TalentRepository(this.db).pool(actor.orgId, skill?.trim() || undefined);
    return { items: rows.map(toPerson) };
  }

  async addPerson(actor: Actor, input: TalentPersonCreate): Promise<TalentPerson> {
    policy.assert(actor, "talent.write", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    const repo = new TalentRepository(this.db);
    await repo.insertPerson({ id, orgId: actor.orgId, ...input, createdAt: this.now() });
    return toPerson(await this.mustFindPerson(this.db, actor.orgId, id));
  }

  async updatePerson(actor: Actor, id: string, input: TalentPersonUpdate): Promise<TalentPerson> {
    const repo = new TalentRepository(this.db);
    const person = await repo.findVisible(actor.orgId, id);
    if (!person || !policy.isOwnOrg(actor, person.orgId)) throw new NotFoundError("person", id);
    policy.assert(actor, "talent.write", { kind: "org", orgId: person.orgId });
    await repo.updatePerson(actor.orgId, id, input);
    return toPerson(await this.mustFindPerson(this.db, actor.orgId, id));
  }

  async secondments(actor: Actor): Promise<SecondmentList> {
    const rows = await new TalentRepository(this.db).secondmentsFor(actor.orgId);
    return {
      incoming: rows.filter((r) => policy.isOwnOrg(actor, r.orgId)).map(toSecondment),
      outgoing: rows.filter((r) => policy.isOwnOrg(actor, r.requesterOrgId)).map(toSecondment),
    };
  }

  async requestSecondment(actor: Actor, input: SecondmentCreate): Promise<Secondment> {
    policy.assert(actor, "talent.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const repo = new TalentRepository(tx);
      const person = await repo.findVisible(actor.orgId, input.personId);
      if (!person) throw new NotFoundError("person", input.personId);
      if (policy.isOwnOrg(actor, person.orgId))
        throw ValidationError.field("personId", "a secondment is asked of another organisation");
      if (person.availability === "unavailable")
        throw new ConflictError("this person is not available for secondment");
      await repo.insertSecondment({
        id,
        orgId: person.orgId,
        requesterOrgId: actor.orgId,
        personId: person.id,
        role: input.role,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note,
        status: "pending",
        requestedBy: actor.userId,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: person.orgId,
          action: "secondment.request",
          entity: "secondment",
          entityId: id,
          after: input,
        },
        now,
      );
    });
    return toSecondment(await this.mustFindSecondment(this.db, actor.orgId, id));
  }

  async decideSecondment(
    actor: Actor,
    id: string,
    status: "approved" | "declined",
    input: SecondmentDecide,
  ): Promise<Secondment> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new TalentRepository(tx);
      const s = await repo.findSecondment(actor.orgId, id);
      if (!s) throw new NotFoundError("secondment", id);
      policy.assert(actor, "secondment.decide", {
        kind: "secondment",
        id,
        ownerOrgId: s.orgId,
        requesterOrgId: s.requesterOrgId,
      });
      const settled = await repo.decideSecondment(s.orgId, id, {
        status,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: input.note ? input.note : null,
      });
      if (!settled) throw new ConflictError(`this secondment was already ${s.status}`);
      await writeAudit(
        tx,
        actor,
        {
          orgId: s.orgId,
          action: status === "approved" ? "secondment.approve" : "secondment.decline",
          entity: "secondment",
          entityId: id,
          before: { status: "pending" },
          after: { status, note: input.note ?? null },
        },
        now,
      );
    });
    return toSecondment(await this.mustFindSecondment(this.db, actor.orgId, id));
  }

  async competitions(actor: Actor): Promise<CompetitionList> {
    const repo = new TalentRepository(this.db);
    const rows = await repo.competitions();
    const entries = await repo.entriesOf(rows.map((c) => c.id));
    return { items: rows.map((c) => toCompetition(actor, c, entries)) };
  }

  async createCompetition(actor: Actor, input: CompetitionCreate): Promise<Competition> {
    policy.assert(actor, "talent.write", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    await new TalentRepository(this.db).insertCompetition({
      id,
      orgId: actor.orgId,
      ...input,
      createdAt: this.now(),
    });
    return this.competition(actor, id);
  }

  async register(actor: Actor, competitionId: string, input: CompetitionEntryCreate): Promise<Competition> {
    const repo = new TalentRepository(this.db);
    await this.competition(actor, competitionId);
    policy.assert(actor, "talent.write", { kind: "org", orgId: actor.orgId });
    const person = await repo.findVisible(actor.orgId, input.personId);
    if (!person || !policy.isOwnOrg(actor, person.orgId))
      throw ValidationError.field("personId", "register a person of your own organisation");
    // talent_entries_person_key: a second entry of the same person is a unique violation → 409.
    await repo.insertEntry({
      id: randomUUID(),
      orgId: actor.orgId,
      competitionId,
      personId: person.id,
      createdAt: this.now(),
    });
    return this.competition(actor, competitionId);
  }

  async score(actor: Actor, competitionId: string, input: CompetitionScore): Promise<Competition> {
    const c = await this.competition(actor, competitionId);
    policy.assert(actor, "competition.score", { kind: "competition", id: c.id, orgId: c.orgId });
    const now = this.now();
    await this.db.transaction(async (tx) => {
      if (!(await new TalentRepository(tx).setScore(competitionId, input.entryId, input.score)))
        throw new NotFoundError("competition entry", input.entryId);
      await writeAudit(
        tx,
        actor,
        { orgId: c.orgId, action: "competition.score", entity: "competition", entityId: c.id, after: input },
        now,
      );
    });
    return this.competition(actor, competitionId);
  }

  private async competition(actor: Actor, id: string): Promise<Competition> {
    const repo = new TalentRepository(this.db);
    const [c] = await repo.competitions(id);
    if (!c) throw new NotFoundError("competition", id);
    return toCompetition(actor, c, await repo.entriesOf([id]));
  }

  private async mustFindPerson(db: DbOrTx, orgId: string, id: string): Promise<PersonView> {
    const p = await new TalentRepository(db).findVisible(orgId, id);
    if (!p) throw new NotFoundError("person", id);
    return p;
  }

  private async mustFindSecondment(db: DbOrTx, orgId: string, id: string): Promise<SecondmentView> {
    const s = await new TalentRepository(db).findSecondment(orgId, id);
    if (!s) throw new NotFoundError("secondment", id);
    return s;
  }
}
