import { randomUUID } from "node:crypto";
import type {
  Staffing,
  StaffingCreate,
  SecondmentDecide as StaffingDecide,
  StaffingList,
  Studio,
  StudioApprenticeCreate,
  StudioCreate,
  StudioList,
  StudioSummary,
  StudioTrainingCreate,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { suppressedSum } from "../../privacy/k-anonymity.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { TalentRepository } from "./talent.repository.ts";
import {
  type ApprenticeView,
  type StaffingView,
  type StudioView,
  TalentStudioRepository,
  type TrainingRow,
} from "./talent-studio.repository.ts";

const round2 = (v: number) => Math.round(v * 100) / 100;

function summary(actor: Actor, s: StudioView, apprentices: ApprenticeView[], trainings: TrainingRow[]) {
  const own = trainings.filter((t) => t.studioId === s.id);
  const out: StudioSummary = {
    id: s.id,
    orgId: s.orgId,
    orgNameZh: s.orgNameZh,
    orgNameEn: s.orgNameEn,
    name: s.name,
    skill: s.skill,
    masterId: s.masterId,
    masterName: s.masterName,
    apprentices: apprentices.filter((a) => a.studioId === s.id).length,
    trainings: own.length,
    hours: round2(own.reduce((sum, t) => sum + t.hours, 0)),
    mine: policy.isOwnOrg(actor, s.orgId),
  };
  return out;
}

function toStaffing(s: StaffingView): Staffing {
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
    projectId: s.projectId,
    projectTitle: s.projectTitle,
    role: s.role,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    decidedAt: s.decidedAt?.toISOString() ?? null,
    decisionNote: s.decisionNote,
  };
}

/**
 * Skill-master studios (技能大师工作室): an org opens a studio led by one of its people, takes
 * apprentices (its own people or other orgs' listed people) and records training sessions. Other
 * orgs see a studio only while its master consents to be listed, and never see non-consenting
 * apprentices of other orgs. Project staffing: an org asks for a listed person of another org for
 * a project (its own, or a joint innovation project it is a member of) and a period; the person's
 * org decides, as for a secondment.
 */
export class TalentStudioService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async studios(actor: Actor): Promise<StudioList> {
    const repo = new TalentStudioRepository(this.db);
    const rows = await repo.studios(actor.orgId);
    const ids = rows.map((s) => s.id);
    const [apprentices, trainings] = await Promise.all([
      repo.apprentices(actor.orgId, ids),
      repo.trainings(ids),
    ]);
    const skills = [...new Set(rows.map((s) => s.skill))].sort();
    const bySkill = skills.map((skill) => {
      const studios = rows.filter((s) => s.skill === skill);
      const orgOf = new Map(studios.map((s) => [s.id, s.orgId]));
      const hours = suppressedSum(
        trainings.filter((t) => orgOf.has(t.studioId)),
        (t) => orgOf.get(t.studioId) ?? "",
        (t) => t.hours,
      );
      return {
        skill,
        studios: studios.length,
        hours: hours.value === null ? hours : { ...hours, value: round2(hours.value) },
      };
    });
    return { items: rows.map((s) => summary(actor, s, apprentices, trainings)), bySkill };
  }

  async studio(actor: Actor, id: string, db: DbOrTx = this.db): Promise<Studio> {
    const repo = new TalentStudioRepository(db);
    const [s] = await repo.studios(actor.orgId, id);
    if (!s) throw new NotFoundError("studio", id);
    const [apprentices, trainings] = await Promise.all([
      repo.apprentices(actor.orgId, [id]),
      repo.trainings([id]),
    ]);
    return {
      ...summary(actor, s, apprentices, trainings),
      description: s.description,
      apprenticeList: apprentices.map(({ studioId: _, ...a }) => a),
      trainingList: trainings.map((t) => ({ id: t.id, heldOn: t.heldOn, topic: t.topic, hours: t.hours })),
    };
  }

  async createStudio(actor: Actor, input: StudioCreate): Promise<Studio> {
    policy.assert(actor, "talent.write", { kind: "org", orgId: actor.orgId });
    const person = await new TalentRepository(this.db).findVisible(actor.orgId, input.masterId);
    if (!person || !policy.isOwnOrg(actor, person.orgId))
      throw ValidationError.field("masterId", "the master is a person of your own organisation");
    const id = randomUUID();
    const now = this.now();
    await this.db.transaction(async (tx) => {
      await new TalentStudioRepository(tx).insertStudio({ id, orgId: actor.orgId, ...input, createdAt: now });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "studio.create", entity: "studio", entityId: id, after: input },
        now,
      );
    });
    return this.studio(actor, id);
  }

  async addApprentice(actor: Actor, id: string, input: StudioApprenticeCreate): Promise<Studio> {
    const s = await this.studio(actor, id);
    policy.assert(actor, "studio.manage", { kind: "studio", id, orgId: s.orgId });
    const person = await new TalentRepository(this.db).findVisible(actor.orgId, input.personId);
    if (!person) throw new NotFoundError("person", input.personId);
    if (person.id === s.masterId) throw ValidationError.field("personId", "the master is not an apprentice");
    // talent_studio_apprentices_pkey: the same apprentice twice is a unique violation → 409.
    await new TalentStudioRepository(this.db).insertApprentice({
      studioId: id,
      personId: person.id,
      orgId: s.orgId,
      joinedOn: this.now().toISOString().slice(0, 10),
    });
    return this.studio(actor, id);
  }

  async addTraining(actor: Actor, id: string, input: StudioTrainingCreate): Promise<Studio> {
    const s = await this.studio(actor, id);
    policy.assert(actor, "studio.manage", { kind: "studio", id, orgId: s.orgId });
    const now = this.now();
    const trainingId = randomUUID();
    await this.db.transaction(async (tx) => {
      await new TalentStudioRepository(tx).insertTraining({
        id: trainingId,
        orgId: s.orgId,
        studioId: id,
        ...input,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: s.orgId, action: "studio.training", entity: "studio", entityId: id, after: input },
        now,
      );
    });
    return this.studio(actor, id);
  }

  async staffing(actor: Actor): Promise<StaffingList> {
    const rows = await new TalentStudioRepository(this.db).staffingFor(actor.orgId);
    return {
      incoming: rows.filter((r) => policy.isOwnOrg(actor, r.orgId)).map(toStaffing),
      outgoing: rows.filter((r) => policy.isOwnOrg(actor, r.requesterOrgId)).map(toStaffing),
    };
  }

  async requestStaffing(actor: Actor, input: StaffingCreate): Promise<Staffing> {
    policy.assert(actor, "talent.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const repo = new TalentStudioRepository(tx);
      const person = await new TalentRepository(tx).findVisible(actor.orgId, input.personId);
      if (!person) throw new NotFoundError("person", input.personId);
      if (policy.isOwnOrg(actor, person.orgId))
        throw ValidationError.field("personId", "staffing is asked of another organisation");
      if (person.availability === "unavailable")
        throw new ConflictError("this person is not available for project staffing");
      let projectTitle = input.projectTitle ?? "";
      if (input.projectId !== undefined) {
        const project = await repo.projectOfMember(actor.orgId, input.projectId);
        if (!project) throw new NotFoundError("project", input.projectId);
        projectTitle = project.title;
      }
      await repo.insertStaffing({
        id,
        orgId: person.orgId,
        requesterOrgId: actor.orgId,
        personId: person.id,
        projectId: input.projectId ?? null,
        projectTitle,
        role: input.role,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: "pending",
        requestedBy: actor.userId,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: person.orgId, action: "staffing.request", entity: "staffing", entityId: id, after: input },
        now,
      );
    });
    return toStaffing(await this.mustFindStaffing(actor.orgId, id));
  }

  async decideStaffing(
    actor: Actor,
    id: string,
    status: "approved" | "declined",
    input: StaffingDecide,
  ): Promise<Staffing> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new TalentStudioRepository(tx);
      const s = await repo.findStaffing(actor.orgId, id);
      if (!s) throw new NotFoundError("staffing request", id);
      policy.assert(actor, "staffing.decide", {
        kind: "secondment",
        id,
        ownerOrgId: s.orgId,
        requesterOrgId: s.requesterOrgId,
      });
      const settled = await repo.decideStaffing(s.orgId, id, {
        status,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: input.note ? input.note : null,
      });
      if (!settled) throw new ConflictError(`this staffing request was already ${s.status}`);
      await writeAudit(
        tx,
        actor,
        {
          orgId: s.orgId,
          action: status === "approved" ? "staffing.approve" : "staffing.decline",
          entity: "staffing",
          entityId: id,
          before: { status: "pending" },
          after: { status, note: input.note ?? null },
        },
        now,
      );
    });
    return toStaffing(await this.mustFindStaffing(actor.orgId, id));
  }

  private async mustFindStaffing(orgId: string, id: string): Promise<StaffingView> {
    const s = await new TalentStudioRepository(this.db).findStaffing(orgId, id);
    if (!s) throw new NotFoundError("staffing request", id);
    return s;
  }
}
