import { randomUUID } from "node:crypto";
import type {
  EventCreate,
  EventList,
  EventRegister,
  HubEvent,
  PolicyCreate,
  PolicyList,
  PolicyNotice,
  PolicyQuery,
  Registration,
  RegistrationList,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { CLUSTER, policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, NotFoundError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import { EventRepository, type EventView, type PolicyRow, type RegistrationRow } from "./event.repository.ts";
import { eligibility } from "./policy-eligibility.ts";

/** Events stay listed this long after they end (for check-in at the door and the record). */
const LISTED_AFTER_END_MS = 7 * 86_400_000;

function toEvent(e: EventView, viewerOrgId: string): HubEvent {
  return {
    id: e.id,
    kind: e.kind,
    organiserOrgId: e.orgId,
    organiserNameZh: e.organiserNameZh,
    organiserNameEn: e.organiserNameEn,
    titleZh: e.titleZh,
    titleEn: e.titleEn,
    description: e.description,
    location: e.location,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    capacity: e.capacity,
    registered: e.registered,
    myRegistrationId: e.myRegistrationId,
    myCheckedIn: e.myCheckedInAt !== null,
    mine: e.orgId === viewerOrgId,
  };
}

function toRegistration(r: RegistrationRow, names: { orgNameZh: string; orgNameEn: string }): Registration {
  return {
    id: r.id,
    eventId: r.eventId,
    orgId: r.orgId,
    orgNameZh: names.orgNameZh,
    orgNameEn: names.orgNameEn,
    attendee: r.attendee,
    createdAt: r.createdAt.toISOString(),
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
  };
}

/**
 * Fairs, conferences and matchmaking sessions with registration (one per org, within capacity even
 * when registrations race: the event row is locked while counting) and check-in by the organiser;
 * policy and funding notices whose eligibility each org sees with the reasons.
 */
export class EventService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<EventList> {
    const since = new Date(this.now().getTime() - LISTED_AFTER_END_MS);
    const rows = await new EventRepository(this.db).listEvents(actor.orgId, since);
    return { items: rows.map((e) => toEvent(e, actor.orgId)) };
  }

  private async one(actor: Actor, id: string): Promise<HubEvent> {
    const [row] = await new EventRepository(this.db).listEvents(actor.orgId, new Date(0), id);
    if (!row) throw new NotFoundError("event", id);
    return toEvent(row, actor.orgId);
  }

  async create(actor: Actor, input: EventCreate): Promise<HubEvent> {
    policy.assert(actor, "event.organise", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    const now = this.now();
    await this.db.transaction(async (tx) => {
      await new EventRepository(tx).insertEvent({
        id,
        orgId: actor.orgId,
        ...input,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        capacity: input.capacity ?? null,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "event.create", entity: "event", entityId: id, after: input },
        now,
      );
    });
    return this.one(actor, id);
  }

  async register(actor: Actor, eventId: string, input: EventRegister): Promise<HubEvent> {
    policy.assert(actor, "event.register", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new EventRepository(tx);
      const event = await repo.lockEvent(eventId);
      if (!event) throw new NotFoundError("event", eventId);
      if (event.endsAt.getTime() <= now.getTime()) throw new ConflictError("this event is over");
      if (event.capacity !== null && (await repo.countRegistrations(eventId)) >= event.capacity)
        throw new ConflictError("this event is full", { reason: "EVENT_FULL", capacity: event.capacity });
      const id = randomUUID();
      await repo.insertRegistration({
        id,
        eventId,
        orgId: actor.orgId,
        attendee: input.attendee,
        registeredBy: actor.userId,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: event.orgId,
          action: "event.register",
          entity: "eventRegistration",
          entityId: id,
          after: { eventId, orgId: actor.orgId },
        },
        now,
      );
    });
    return this.one(actor, eventId);
  }

  async registrations(actor: Actor, eventId: string): Promise<RegistrationList> {
    const repo = new EventRepository(this.db);
    const event = await repo.findEvent(eventId);
    if (!event) throw new NotFoundError("event", eventId);
    policy.assert(actor, "event.registrations.read", {
      kind: "event",
      id: eventId,
      organiserOrgId: event.orgId,
    });
    const rows = await repo.registrations(eventId);
    return { items: rows.map((r) => toRegistration(r.registration, r)) };
  }

  async checkIn(actor: Actor, registrationId: string): Promise<Registration> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new EventRepository(tx);
      const registration = await repo.findRegistration(registrationId);
      const event = registration ? await repo.findEvent(registration.eventId) : undefined;
      if (!registration || !event) throw new NotFoundError("registration", registrationId);
      policy.assert(actor, "event.checkIn", {
        kind: "event",
        id: registrationId,
        organiserOrgId: event.orgId,
      });
      const row = await repo.checkIn(registrationId, now);
      if (!row) throw new ConflictError("already checked in");
      await writeAudit(
        tx,
        actor,
        {
          orgId: event.orgId,
          action: "event.checkIn",
          entity: "eventRegistration",
          entityId: registrationId,
        },
        now,
      );
      const org = await new OrgRepository(tx).findById(row.orgId);
      return toRegistration(row, { orgNameZh: org?.nameZh ?? "", orgNameEn: org?.nameEn ?? "" });
    });
  }

  async policies(actor: Actor, query: PolicyQuery): Promise<PolicyList> {
    const org = await new OrgRepository(this.db).findById(actor.orgId);
    if (!org) throw new NotFoundError("org", actor.orgId);
    const rows = await new EventRepository(this.db).policies();
    const items = rows.map((r) => toPolicy(r.policy, r, org));
    return { items: query.show === "all" ? items : items.filter((p) => p.eligible) };
  }

  async createPolicy(actor: Actor, input: PolicyCreate): Promise<PolicyNotice> {
    policy.assert(actor, "policy.publish", CLUSTER);
    const id = randomUUID();
    const now = this.now();
    await this.db.transaction(async (tx) => {
      await new EventRepository(tx).insertPolicy({
        id,
        orgId: actor.orgId,
        ...input,
        deadline: input.deadline ?? null,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "policy.create", entity: "policy", entityId: id, after: input },
        now,
      );
    });
    const all = await this.policies(actor, { show: "all" });
    const created = all.items.find((p) => p.id === id);
    if (!created) throw new NotFoundError("policy", id);
    return created;
  }
}

function toPolicy(
  p: PolicyRow,
  issuer: { issuerNameZh: string; issuerNameEn: string },
  org: { industryCode: string; sizeBand: PolicyRow["sizeBands"][number]; district: string },
): PolicyNotice {
  const { eligible, reasons } = eligibility(p, org);
  return {
    id: p.id,
    issuerOrgId: p.orgId,
    issuerNameZh: issuer.issuerNameZh,
    issuerNameEn: issuer.issuerNameEn,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    summary: p.summary,
    funding: p.funding,
    deadline: p.deadline,
    eligible,
    reasons,
    createdAt: p.createdAt.toISOString(),
  };
}
