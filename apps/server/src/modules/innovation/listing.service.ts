import { randomUUID } from "node:crypto";
import type {
  Contact,
  ContactCreate,
  ContactList,
  InnovationFunnel,
  Listing,
  ListingCreate,
  ListingList,
  ListingMatchList,
  ListingQuery,
  ListingUpdate,
} from "@clusterbrain/contracts";
import { type Candidate, Matcher, type MatchProfile } from "@clusterbrain/engine/match";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { recordListingContact } from "../notifications/listing-contact.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import { districtPoint } from "./district.points.ts";
import {
  type ContactView,
  type ExpertView,
  ListingRepository,
  type ListingView,
} from "./innovation.repository.ts";

const MATCH_LIMIT = 20;
const EXPERT_LIMIT = 5;
/** Experts share the matcher's corpus with listings; their ids are kept apart by this prefix. */
const EXPERT = "expert:";

function expertText(e: ExpertView): string {
  return [e.nameZh, e.nameEn, e.description, ...e.specs.map((s) => `${s.key} ${s.value}`)].join("\n");
}
const TEXT_ONLY = { industry: 0, chainNode: 0, certifications: 0, distance: 0, collaboration: 0 };

export function toListing(actor: Actor, r: ListingView): Listing {
  return {
    id: r.id,
    kind: r.kind,
    orgId: r.orgId,
    orgNameZh: r.orgNameZh,
    orgNameEn: r.orgNameEn,
    orgKind: r.orgKind,
    title: r.title,
    description: r.description,
    keywords: r.keywords,
    industryCodes: r.industryCodes,
    chainNodeIds: r.chainNodeIds,
    certifications: r.certifications,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    mine: r.orgId === actor.orgId,
  };
}

function toContact(r: ContactView): Contact {
  return {
    id: r.id,
    fromOrgId: r.orgId,
    fromOrgNameZh: r.fromOrgNameZh,
    fromOrgNameEn: r.fromOrgNameEn,
    toOrgId: r.toOrgId,
    toOrgNameZh: r.toOrgNameZh,
    toOrgNameEn: r.toOrgNameEn,
    listingId: r.listingId,
    listingTitle: r.listingTitle,
    fromListingId: r.fromListingId,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    projectId: r.projectId,
  };
}

/** What the matcher reads of a listing: its words, and its own or its org's codes, nodes and certificates. */
function listingText(l: ListingView): string {
  return [l.title, l.description, ...l.keywords].join("\n");
}

/**
 * Technology demands and capabilities: post, edit, close, search (Chinese and English through the
 * matching engine), ranked matches with reasons, contact through the platform, and the funnel.
 */
export class ListingService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly live?: LiveHub,
  ) {}

  async list(actor: Actor, query: ListingQuery): Promise<ListingList> {
    const repo = new ListingRepository(this.db);
    const rows =
      query.scope === "mine" ? await repo.listOwn(actor.orgId, query.kind) : await repo.listOpen(query.kind);
    const q = query.q?.trim();
    if (!q) return { items: rows.map((r) => toListing(actor, r)) };
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ranked = new Matcher(
      rows.map((r) => ({ id: r.id, text: listingText(r) })),
      { weights: TEXT_ONLY, minScore: 0 },
    ).rank({ id: "q", text: q }, rows.length);
    return {
      items: ranked.flatMap((m) => (byId.has(m.id) ? [toListing(actor, byId.get(m.id) as ListingView)] : [])),
    };
  }

  async create(actor: Actor, input: ListingCreate): Promise<Listing> {
    policy.assert(actor, "innovation.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await new ListingRepository(tx).insert({
        id,
        orgId: actor.orgId,
        ...input,
        status: "open",
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "innovation.listing.create",
          entity: "listing",
          entityId: id,
          after: input,
        },
        now,
      );
    });
    return this.mustOwn(this.db, actor, id);
  }

  async update(actor: Actor, id: string, input: ListingUpdate): Promise<Listing> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const before = await this.mustOwn(tx, actor, id);
      policy.assert(actor, "innovation.listing.manage", { kind: "listing", id, orgId: before.orgId });
      await new ListingRepository(tx).update(actor.orgId, id, { ...input, updatedAt: now });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "innovation.listing.update",
          entity: "listing",
          entityId: id,
          after: input,
        },
        now,
      );
    });
    return this.mustOwn(this.db, actor, id);
  }

  async close(actor: Actor, id: string): Promise<Listing> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const before = await this.mustOwn(tx, actor, id);
      policy.assert(actor, "innovation.listing.manage", { kind: "listing", id, orgId: before.orgId });
      if (before.status === "closed") return;
      await new ListingRepository(tx).update(actor.orgId, id, {
        status: "closed",
        closedAt: now,
        updatedAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "innovation.listing.close", entity: "listing", entityId: id },
        now,
      );
    });
    return this.mustOwn(this.db, actor, id);
  }

  /** Open listings of the other kind from other orgs, ranked for one of my listings, with reasons. */
  async matches(actor: Actor, id: string): Promise<ListingMatchList> {
    const repo = new ListingRepository(this.db);
    const own = await repo.findOwn(actor.orgId, id);
    if (!own) throw new NotFoundError("listing", id);
    policy.assert(actor, "innovation.listing.read", { kind: "listing", id, orgId: own.orgId });
    const others = await repo.listOpen(own.kind === "demand" ? "capability" : "demand", actor.orgId);
    // Experts are matched to demands (a need for know-how), not to capabilities.
    const experts = own.kind === "demand" ? await repo.activeExperts(actor.orgId) : [];
    const orgIds = [own.orgId, ...others.map((o) => o.orgId), ...experts.map((e) => e.orgId)];
    const [nodes, collaborations, contacted] = await Promise.all([
      repo.chainNodesOf([...new Set(orgIds)]),
      repo.collaborationCounts(actor.orgId),
      repo.contactedListingIds(actor.orgId),
    ]);
    const profile = (l: ListingView): MatchProfile => ({
      id: l.id,
      text: listingText(l),
      industryCodes: l.industryCodes.length ? l.industryCodes : l.orgIndustryCode ? [l.orgIndustryCode] : [],
      chainNodes: l.chainNodeIds.length ? l.chainNodeIds : (nodes.get(l.orgId) ?? []),
      certifications: l.kind === "demand" ? l.certifications : [...l.certifications, ...l.orgCertifications],
      location: districtPoint(l.orgDistrict),
    });
    const query = profile(own);
    // A capability's certificates describe it, they are not requirements on demands.
    if (own.kind === "capability") query.certifications = [];
    const candidates: Candidate[] = [
      ...others.map((o) => ({ ...profile(o), collaborations: collaborations.get(o.orgId) ?? 0 })),
      ...experts.map((e) => ({
        id: `${EXPERT}${e.id}`,
        text: expertText(e),
        industryCodes: e.orgIndustryCode ? [e.orgIndustryCode] : [],
        chainNodes: nodes.get(e.orgId) ?? [],
        certifications: e.orgCertifications,
        location: districtPoint(e.orgDistrict),
        collaborations: collaborations.get(e.orgId) ?? 0,
      })),
    ];
    const byId = new Map(others.map((o) => [o.id, o]));
    const expertById = new Map(experts.map((e) => [`${EXPERT}${e.id}`, e]));
    const ranked = new Matcher(candidates).rank(query, MATCH_LIMIT + experts.length);
    const explain = (m: (typeof ranked)[number]) => ({
      score: m.score,
      reasons: m.reasons.map((r) => ({
        feature: r.feature,
        value: r.value,
        contribution: r.contribution,
        evidence: r.evidence,
      })),
      matchedTerms: m.matchedTerms.map((t) => ({
        term: t.key,
        concept: t.concept ?? null,
        query: t.query,
        candidate: t.candidate,
        viaSynonym: t.viaSynonym,
        contribution: t.contribution,
      })),
    });
    return {
      listingId: id,
      items: ranked
        .filter((m) => byId.has(m.id))
        .slice(0, MATCH_LIMIT)
        .map((m) => ({
          listing: toListing(actor, byId.get(m.id) as ListingView),
          ...explain(m),
          contacted: contacted.has(m.id),
        })),
      experts: ranked
        .filter((m) => expertById.has(m.id) && m.matchedTerms.length > 0)
        .slice(0, EXPERT_LIMIT)
        .map((m) => {
          const e = expertById.get(m.id) as ExpertView;
          return {
            expert: {
              resourceId: e.id,
              orgId: e.orgId,
              orgNameZh: e.orgNameZh,
              orgNameEn: e.orgNameEn,
              nameZh: e.nameZh,
              nameEn: e.nameEn,
              pricePerHour: e.pricePerHour,
            },
            ...explain(m),
          };
        }),
    };
  }

  async contacts(actor: Actor): Promise<ContactList> {
    const rows = await new ListingRepository(this.db).contactsOf(actor.orgId);
    return {
      sent: rows.filter((r) => r.orgId === actor.orgId).map(toContact),
      received: rows.filter((r) => r.toOrgId === actor.orgId).map(toContact),
    };
  }

  /** A message to the owner of an open listing, and an in-app notification for its org. */
  async contact(actor: Actor, input: ContactCreate): Promise<Contact> {
    policy.assert(actor, "innovation.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const outbox = new NotificationOutbox();
    const id = await this.db.transaction(async (tx) => {
      const repo = new ListingRepository(tx);
      return recordListingContact(tx, actor, input, {
        repo,
        noun: "listing",
        audit: { action: "innovation.contact", entity: "contact" },
        outbox,
        now,
        notification: async (target, contactId) => {
          const view = await repo.findContact(actor.orgId, contactId);
          return {
            kind: "innovation.contact",
            params: {
              fromOrgNameZh: view?.fromOrgNameZh ?? "",
              fromOrgNameEn: view?.fromOrgNameEn ?? "",
              listingTitle: target.title,
            },
            link: "/innovation/contacts",
          };
        },
      });
    });
    outbox.publish(this.live);
    const row = await new ListingRepository(this.db).findContact(actor.orgId, id);
    if (!row) throw new NotFoundError("contact", id);
    return toContact(row);
  }

  /** match → contact → project for my org. */
  async funnel(actor: Actor): Promise<InnovationFunnel> {
    const repo = new ListingRepository(this.db);
    const own = (await repo.listOwn(actor.orgId)).filter((l) => l.status === "open");
    let withMatches = 0;
    for (const l of own) if ((await this.matches(actor, l.id)).items.length > 0) withMatches++;
    const contacts = await repo.contactsOf(actor.orgId);
    return {
      openListings: own.length,
      listingsWithMatches: withMatches,
      contacts: contacts.length,
      projects: await repo.countProjectsOf(actor.orgId),
    };
  }

  private async mustOwn(db: DbOrTx, actor: Actor, id: string): Promise<Listing> {
    const row = await new ListingRepository(db).findOwn(actor.orgId, id);
    if (!row) throw new NotFoundError("listing", id);
    return toListing(actor, row);
  }
}
