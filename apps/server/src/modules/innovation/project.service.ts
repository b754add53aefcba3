import { randomUUID } from "node:crypto";
import type {
  MilestoneCreate,
  Project,
  ProjectCreate,
  ProjectList,
  ProjectMemberInput,
  ProjectUpdate,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { type ProjectResource, policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import { ListingRepository } from "./innovation.repository.ts";
import { type MemberView, ProjectRepository, type ProjectRow } from "./project.repository.ts";

/** Shares are percentages of the budget; together at most 100 (a rounding hair allowed). */
const MAX_SHARES = 100 + 1e-9;

export function resourceOf(p: ProjectRow, members: readonly MemberView[]): ProjectResource {
  return { kind: "project", id: p.id, leadOrgId: p.orgId, memberOrgIds: members.map((m) => m.orgId) };
}

/**
 * 产学研 joint projects across orgs: members with roles and budget shares, IP terms, milestones with
 * deliverables and an activity log. Only member orgs see a project; to anyone else it does not exist.
 */
export class ProjectService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly live?: LiveHub,
  ) {}

  async list(actor: Actor): Promise<ProjectList> {
    const repo = new ProjectRepository(this.db);
    const rows = await repo.listFor(actor.orgId);
    const members = await repo.members(rows.map((r) => r.id));
    return {
      items: rows.map((p) => ({
        id: p.id,
        title: p.title,
        leadOrgId: p.orgId,
        status: p.status,
        createdAt: p.createdAt.toISOString(),
        members: members.get(p.id) ?? [],
      })),
    };
  }

  async get(actor: Actor, id: string): Promise<Project> {
    return this.load(this.db, actor, id);
  }

  async create(actor: Actor, input: ProjectCreate): Promise<Project> {
    policy.assert(actor, "innovation.write", { kind: "org", orgId: actor.orgId });
    const partners = input.members;
    const seen = new Set<string>([actor.orgId]);
    partners.forEach((m, i) => {
      if (seen.has(m.orgId))
        throw ValidationError.field(
          `members.${i}.orgId`,
          "each org is a member once (your org leads already)",
        );
      seen.add(m.orgId);
      if (m.role === "lead")
        throw ValidationError.field(`members.${i}.role`, "the project has one lead: your org");
    });
    const shares = input.leadBudgetShare + partners.reduce((s, m) => s + m.budgetShare, 0);
    if (shares > MAX_SHARES)
      throw ValidationError.field("members", `budget shares add up to ${shares}%, more than 100%`);
    const now = this.now();
    const id = randomUUID();
    const outbox = new NotificationOutbox();
    await this.db.transaction(async (tx) => {
      const orgsRepo = new OrgRepository(tx);
      for (const [i, m] of partners.entries())
        if (!(await orgsRepo.findById(m.orgId)))
          throw ValidationError.field(`members.${i}.orgId`, `unknown organisation ${m.orgId}`);
      const listings = new ListingRepository(tx);
      const contact = input.contactId ? await listings.findContact(actor.orgId, input.contactId) : undefined;
      if (input.contactId && !contact)
        throw ValidationError.field("contactId", `unknown contact of your org ${input.contactId}`);
      const repo = new ProjectRepository(tx);
      await repo.insert({
        id,
        orgId: actor.orgId,
        title: input.title,
        description: input.description,
        status: "active",
        contactId: input.contactId ?? null,
        budgetTotal: input.budgetTotal,
        ip: input.ip,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await repo.addMember({
        projectId: id,
        orgId: actor.orgId,
        role: "lead",
        budgetShare: input.leadBudgetShare,
        addedAt: now,
      });
      for (const m of partners) await repo.addMember({ projectId: id, ...m, addedAt: now });
      if (contact) await listings.linkContactToProject(contact.orgId, contact.id, id);
      await repo.log({
        id: randomUUID(),
        projectId: id,
        orgId: actor.orgId,
        at: now,
        action: "project.created",
        detail: input.title,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "innovation.project.create",
          entity: "project",
          entityId: id,
          after: input,
        },
        now,
      );
      for (const m of partners) await this.notifyMember(tx, outbox, m.orgId, id, input.title, now);
    });
    outbox.publish(this.live);
    return this.load(this.db, actor, id);
  }

  async update(actor: Actor, id: string, input: ProjectUpdate): Promise<Project> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const { project } = await this.authorise(tx, actor, id, "innovation.project.manage");
      const repo = new ProjectRepository(tx);
      await repo.update(project.orgId, id, { ...input, updatedAt: now });
      const changed = Object.keys(input).join(", ");
      await repo.log({
        id: randomUUID(),
        projectId: id,
        orgId: actor.orgId,
        at: now,
        action: "project.updated",
        detail: changed,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: project.orgId,
          action: "innovation.project.update",
          entity: "project",
          entityId: id,
          after: input,
        },
        now,
      );
    });
    return this.load(this.db, actor, id);
  }

  async addMember(actor: Actor, id: string, input: ProjectMemberInput): Promise<Project> {
    const now = this.now();
    const outbox = new NotificationOutbox();
    await this.db.transaction(async (tx) => {
      const { project, members } = await this.authorise(tx, actor, id, "innovation.project.manage");
      if (input.role === "lead") throw ValidationError.field("role", "the project has one lead already");
      if (members.some((m) => m.orgId === input.orgId))
        throw new ConflictError("this org is a member already");
      if (!(await new OrgRepository(tx).findById(input.orgId)))
        throw ValidationError.field("orgId", `unknown organisation ${input.orgId}`);
      const shares = members.reduce((s, m) => s + m.budgetShare, 0) + input.budgetShare;
      if (shares > MAX_SHARES)
        throw ValidationError.field("budgetShare", `budget shares would add up to ${shares}%`);
      const repo = new ProjectRepository(tx);
      await repo.addMember({ projectId: id, ...input, addedAt: now });
      await repo.log({
        id: randomUUID(),
        projectId: id,
        orgId: actor.orgId,
        at: now,
        action: "member.added",
        detail: input.orgId,
      });
      await this.notifyMember(tx, outbox, input.orgId, id, project.title, now);
    });
    outbox.publish(this.live);
    return this.load(this.db, actor, id);
  }

  async addMilestone(actor: Actor, id: string, input: MilestoneCreate): Promise<Project> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const { project } = await this.authorise(tx, actor, id, "innovation.project.work");
      const repo = new ProjectRepository(tx);
      await repo.addMilestone({
        id: randomUUID(),
        orgId: project.orgId,
        projectId: id,
        ...input,
        status: "open",
      });
      await repo.log({
        id: randomUUID(),
        projectId: id,
        orgId: actor.orgId,
        at: now,
        action: "milestone.added",
        detail: input.title,
      });
    });
    return this.load(this.db, actor, id);
  }

  async completeMilestone(actor: Actor, id: string, milestoneId: string): Promise<Project> {
    const now = this.now();
    const outbox = new NotificationOutbox();
    await this.db.transaction(async (tx) => {
      const { members } = await this.authorise(tx, actor, id, "innovation.project.work");
      const repo = new ProjectRepository(tx);
      const milestone = await repo.findMilestone(id, milestoneId);
      if (!milestone) throw new NotFoundError("milestone", milestoneId);
      if (!(await repo.completeMilestone(id, milestoneId, actor.orgId, now)))
        throw new ConflictError("this milestone is done already");
      await repo.log({
        id: randomUUID(),
        projectId: id,
        orgId: actor.orgId,
        at: now,
        action: "milestone.completed",
        detail: milestone.title,
      });
      for (const m of members)
        if (m.orgId !== actor.orgId)
          await outbox.add(
            tx,
            {
              orgId: m.orgId,
              kind: "innovation.milestoneDone",
              params: { milestone: milestone.title },
              link: `/innovation/projects/${id}`,
            },
            now,
          );
    });
    outbox.publish(this.live);
    return this.load(this.db, actor, id);
  }

  private async notifyMember(
    tx: DbOrTx,
    outbox: NotificationOutbox,
    orgId: string,
    projectId: string,
    title: string,
    now: Date,
  ): Promise<void> {
    await outbox.add(
      tx,
      {
        orgId,
        kind: "innovation.projectMember",
        params: { project: title },
        link: `/innovation/projects/${projectId}`,
      },
      now,
    );
  }

  /** The project and its members, if the actor may do `action` on it (else 404 / 403 from the policy). */
  private async authorise(
    db: DbOrTx,
    actor: Actor,
    id: string,
    action: "innovation.project.read" | "innovation.project.work" | "innovation.project.manage",
  ): Promise<{ project: ProjectRow; members: MemberView[] }> {
    const repo = new ProjectRepository(db);
    const project = await repo.find(id);
    if (!project) throw new NotFoundError("project", id);
    const members = (await repo.members([id])).get(id) ?? [];
    policy.assert(actor, action, resourceOf(project, members));
    return { project, members };
  }

  private async load(db: DbOrTx, actor: Actor, id: string): Promise<Project> {
    const { project, members } = await this.authorise(db, actor, id, "innovation.project.read");
    const repo = new ProjectRepository(db);
    const [milestones, activity] = await Promise.all([repo.milestones(id), repo.activity(id)]);
    return {
      id: project.id,
      title: project.title,
      leadOrgId: project.orgId,
      status: project.status,
      createdAt: project.createdAt.toISOString(),
      members,
      description: project.description,
      contactId: project.contactId,
      budgetTotal: project.budgetTotal,
      ip: project.ip,
      milestones: milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        deliverables: m.deliverables,
        status: m.status,
        completedAt: m.completedAt?.toISOString() ?? null,
      })),
      activity: activity.map((a) => ({
        id: a.id,
        at: a.at.toISOString(),
        orgId: a.orgId,
        action: a.action,
        detail: a.detail,
      })),
    };
  }
}
