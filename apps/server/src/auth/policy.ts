import type { DataClass, OrgKind, Role } from "@clusterbrain/contracts";
import { type DomainError, ForbiddenError, NotFoundError } from "../errors/index.ts";
import type { Actor } from "./actor.ts";

/**
 * The ONE place that decides who may do what. Services call `policy.assert(actor, action,
 * resource)`, which throws the right domain error itself; services never compare org ids or org
 * kinds to authorise anything.
 * - the operator (an org of kind "operator") registers orgs and reads every org's audit log;
 * - a firm's staff manage their own org by role (owner/admin edit, member writes data, viewer reads);
 * - another org's private data (indicators, relations, equipment, contacts) only through an active
 *   grant; the operator is no exception.
 * A record of another tenant the actor may not see is 404 (ids do not reveal that it exists); a
 * record the actor may see but not change is 403 with the reason.
 */
const EDITORS: readonly Role[] = ["owner", "admin"];
const WRITERS: readonly Role[] = ["owner", "admin", "member"];

export type PrivateAccess = "own" | "grant" | "none";

/** Things that belong to the whole cluster rather than to one org (the directory, one's own tokens). */
export interface ClusterResource {
  kind: "cluster";
}
export const CLUSTER: ClusterResource = { kind: "cluster" };
/** An org and everything it owns as a whole (profile, member list, operational data). */
export interface OrgResource {
  kind: "org";
  orgId: string;
}
/** A membership change: `from` undefined for a new member, `to` undefined for a removal. */
export interface MembershipResource {
  kind: "membership";
  orgId: string;
  from?: Role;
  to?: Role;
}
/** A supplier→customer relation, owned jointly by its two parties. */
export interface RelationResource {
  kind: "relation";
  id: string;
  supplierOrgId: string;
  customerOrgId: string;
}
export interface GrantResource {
  kind: "grant";
  id: string;
  grantorOrgId: string;
}
/** An API token: its user's own, in the org it was made for. */
export interface ApiTokenResource {
  kind: "apiToken";
  id: string;
  userId: string;
  orgId: string;
}
/** An org's audit log; `orgId` undefined is the whole cluster's. */
export interface AuditLogResource {
  kind: "auditLog";
  orgId: string | undefined;
}
/** One private data class of an org, and whether the actor's org holds an active grant of it. */
export interface PrivateDataResource {
  kind: "privateData";
  orgId: string;
  dataClass: DataClass;
  hasActiveGrant: boolean;
}

/** A notification: to every member of `orgId`, or to one user of it. */
export interface NotificationResource {
  kind: "notification";
  orgId: string;
  userId?: string;
}
/** A request to read one data class of `ownerOrgId`. */
export interface AccessRequestResource {
  kind: "accessRequest";
  id: string;
  ownerOrgId: string;
}

/** A booking of a shared resource: made by `requesterOrgId`, decided by `ownerOrgId`. */
export interface BookingResource {
  kind: "booking";
  id: string;
  requesterOrgId: string;
  ownerOrgId: string;
}

/** A knowledge-base entry: its author org, and who else it is shared with. */
export interface KbArticleResource {
  kind: "kbArticle";
  id: string;
  authorOrgId: string;
  visibility: "cluster" | "group" | "firm";
  audienceOrgIds: readonly string[];
}

/** An event and its organiser. */
export interface EventResource {
  kind: "event";
  id: string;
  organiserOrgId: string;
}

/** A long job of an org (`id` undefined for a job about to be started). */
export interface JobResource {
  kind: "job";
  id?: string;
  orgId: string;
}

/** An RFQ of the capacity exchange: its buyer and the suppliers it asked to quote. */
export interface RfqResource {
  kind: "rfq";
  id: string;
  buyerOrgId: string;
  invitedOrgIds: readonly string[];
}
/** A quote or an order of the capacity exchange, between a buyer and a seller. */
export interface TradeResource {
  kind: "trade";
  what: "quote" | "order";
  id: string;
  buyerOrgId: string;
  sellerOrgId: string;
}

/** A technology demand or capability of `orgId`. */
export interface ListingResource {
  kind: "listing";
  id: string;
  orgId: string;
}
/** A joint project: its lead org and every member org (the lead is a member too). */
export interface ProjectResource {
  kind: "project";
  id: string;
  leadOrgId: string;
  memberOrgIds: readonly string[];
}

/** A secondment of `ownerOrgId`'s person, asked by `requesterOrgId`. */
export interface SecondmentResource {
  kind: "secondment";
  id: string;
  ownerOrgId: string;
  requesterOrgId: string;
}
/** A skill-master studio run by `orgId` (visible to the cluster while its master consents). */
export interface StudioResource {
  kind: "studio";
  id: string;
  orgId: string;
}
/** An agreement to share `ownerOrgId`'s channel with `requesterOrgId`. */
export interface ChannelShareResource {
  kind: "channelShare";
  id: string;
  ownerOrgId: string;
  requesterOrgId: string;
}
/** A skill competition organised by `orgId` (visible to the whole cluster). */
export interface CompetitionResource {
  kind: "competition";
  id: string;
  orgId: string;
}

/** Every action the API authorises, with the resource it is about. */
export interface ActionResources {
  "org.create": ClusterResource;
  "org.import": ClusterResource;
  "org.update": OrgResource;
  "org.members.read": OrgResource;
  "indicators.write": OrgResource;
  "relation.create": OrgResource;
  "relation.import": OrgResource;
  /** An org's own import history and its error reports: whoever may import for it. */
  "import.history.read": OrgResource;
  "relation.delete": RelationResource;
  "grant.create": OrgResource;
  "grant.revoke": GrantResource;
  "member.add": MembershipResource;
  "member.change": MembershipResource;
  "audit.read": AuditLogResource;
  "apiToken.create": ClusterResource;
  "apiToken.revoke": ApiTokenResource;
  "privateData.read": PrivateDataResource;
  /** See an org's jobs and their live progress: every member of that org. */
  "job.read": JobResource;
  /** Start or cancel an org's jobs: owner/admin/member (viewers only watch). */
  "job.run": JobResource;
  /** An org's planning data, forecasts and MRP results: every member of that org. */
  "planning.read": OrgResource;
  /** Change planning master data or forecast overrides: owner/admin/member (viewers only read). */
  "planning.write": OrgResource;
  /** Change an org's strategy note and goals: owner/admin/member (viewers only read). */
  "strategy.write": OrgResource;
  /** Change an org's marketing data (hospital inventory, bundles, campaigns, leads): owner/admin/member. */
  "marketing.write": OrgResource;
  /** See an org's asset tree, device states and telemetry (latest, ranges, live): its own staff only. */
  "telemetry.read": OrgResource;
  /** Change an org's asset tree (sites, lines, machines, devices, tags; import): owner/admin/member. */
  "telemetry.assets.write": OrgResource;
  /** Issue, rotate or revoke a device's broker credential: owner/admin only. */
  "telemetry.credentials.manage": OrgResource;
  /** Browse OPC UA servers from the platform and change the firm's ingest settings: owner/admin only. */
  "telemetry.connections.manage": OrgResource;
  /** See an org's alarms and early-warning detectors: its own staff only. */
  "monitoring.read": OrgResource;
  /** Acknowledge, shelve and comment on alarms: owner/admin/member (viewers only watch). */
  "monitoring.operate": OrgResource;
  /** Change a tag's detector settings (target false-alarm rate): owner/admin only. */
  "monitoring.configure": OrgResource;
  /** Add, change, remove and test the org's alarm notification channels: owner/admin only. */
  "monitoring.channels.manage": OrgResource;
  /** Ask another org for access to its data: owner/admin/member of the asking org. */
  "accessRequest.create": OrgResource;
  /** Approve or decline a request to my org: its owner/admin (the same people who grant). */
  "accessRequest.decide": AccessRequestResource;
  /** List, change or retire an org's shared resources (instruments, labs, experts): its owner/admin. */
  "resource.manage": OrgResource;
  /** Ask to book another org's resource: owner/admin/member of the booking org. */
  "resource.book": OrgResource;
  /** Approve, decline or record usage of a booking of my org's resource: its owner/admin. */
  "booking.decide": BookingResource;
  /** Cancel a booking: the requesting org's writers, or the owner's owner/admin. */
  "booking.cancel": BookingResource;
  /** Rate a completed booking: the requesting org's writers. */
  "booking.rate": BookingResource;
  /** Read a knowledge entry: the author org, every org for cluster entries, the audience otherwise. */
  "knowledge.read": KbArticleResource;
  /** Write knowledge entries for my org: owner/admin/member. */
  "knowledge.write": OrgResource;
  /** Change an entry: writers of the author org (readers elsewhere get 403, others 404). */
  "knowledge.edit": KbArticleResource;
  /** Organise an event for my org: owner/admin. */
  "event.organise": OrgResource;
  /** Register my org for an event: owner/admin/member. */
  "event.register": OrgResource;
  /** See who registered for an event: the organiser's staff only (others 404). */
  "event.registrations.read": EventResource;
  /** Check a registration in: the organiser's owner/admin/member. */
  "event.checkIn": EventResource;
  /** Publish a policy or funding notice: owners/admins of a government organisation or the operator. */
  "policy.publish": ClusterResource;
  /** See a notification (live or listed): members of its org, and only the addressee when it has one. */
  "notification.read": NotificationResource;
  /** Post a demand or capability, contact another org, open a project: owner/admin/member of the org. */
  "innovation.write": OrgResource;
  /** Edit or close a listing: owner/admin/member of the owning org (others: 404, viewers 403). */
  "innovation.listing.manage": ListingResource;
  /** See a listing's matches: every member of the owning org, viewers too (others: 404). */
  "innovation.listing.read": ListingResource;
  /** See a joint project: staff of member orgs only; anyone else gets 404. */
  "innovation.project.read": ProjectResource;
  /** Add milestones, complete them: owner/admin/member of a member org. */
  "innovation.project.work": ProjectResource;
  /** Change status, budget, IP terms, add members: owner/admin of the lead org. */
  "innovation.project.manage": ProjectResource;
  /** An org's traceability chain, its keys, export and recalls from its lots: every member of that org. */
  "trace.read": OrgResource;
  /** Append lot events and sign checkpoints: owner/admin/member. */
  "trace.write": OrgResource;
  /** Rotate the org's signing key: owner/admin. */
  "trace.keys.manage": OrgResource;
  /** Countersign (anchor) any org's checkpoint: the operator's owners and admins; others do not see them. */
  "trace.countersign": ClusterResource;
  /** Offer capacity on the exchange or book another firm's: owner/admin/member. */
  "capacity.trade": OrgResource;
  /** See an RFQ: its buyer's staff and the invited suppliers' (others 404). */
  "capacity.rfq.read": RfqResource;
  /** Invite suppliers to an RFQ, accept its quotes: the buyer's owner/admin/member (suppliers 403, others 404). */
  "capacity.rfq.manage": RfqResource;
  /** Quote on an RFQ: owner/admin/member of an invited supplier (the buyer 403, others 404). */
  "capacity.rfq.quote": RfqResource;
  /** See a quote or an order: staff of its buyer and its seller (others 404). */
  "capacity.deal.read": TradeResource;
  /** Accept a quote: the buyer's owner/admin/member (the seller 403, others 404). */
  "capacity.deal.buy": TradeResource;
  /** Ship an order: the seller's owner/admin/member (the buyer 403, others 404). */
  "capacity.deal.sell": TradeResource;
  /** Enter or change the org's people in the talent pool, ask for secondments, organise or enter competitions: owner/admin/member. */
  "talent.write": OrgResource;
  /** Approve or decline a secondment of my org's person: its owner/admin; the requester gets 403, others 404. */
  "secondment.decide": SecondmentResource;
  /** Record scores of a competition: the organiser's owner/admin; other orgs see it but get 403. */
  "competition.score": CompetitionResource;
  /** Add apprentices and training records to a studio: writers of the studio's org; other orgs get 403. */
  "studio.manage": StudioResource;
  /** Approve or decline a project staffing request for my org's person: as a secondment. */
  "staffing.decide": SecondmentResource;
  /** Approve, decline or revoke a share of my org's channel: its owner/admin; the requester gets 403, others 404. */
  "channelShare.decide": ChannelShareResource;
  /** Record shipments of my org and add their tracking events: owner/admin/member. */
  "logistics.write": OrgResource;
  /** Make a new carrier-webhook secret for my org: owner/admin. */
  "logistics.webhook.manage": OrgResource;
  /** Post, edit or close material needs and offers, contact a firm about one, join a pooled round: owner/admin/member. */
  "materials.write": OrgResource;
  /** Open a pooled-purchase round (集采) in the org's name: owner/admin of a firm or of the operator. */
  "materials.round.open": OrgResource;
}
export type Action = keyof ActionResources;

type Rule<A extends Action> = (actor: Actor, resource: ActionResources[A]) => DomainError | undefined;

const isOperator = (actor: Actor) => actor.orgKind === "operator";
const ownOrg = (actor: Actor, orgId: string | undefined) => orgId !== undefined && actor.orgId === orgId;
const hasRole = (actor: Actor, roles: readonly Role[]) => roles.includes(actor.role);

/** Staff of `orgId` with one of `roles`; anyone outside the org does not see it at all. */
function orgRole(roles: readonly Role[], entity: string, why: string) {
  return (actor: Actor, r: OrgResource): DomainError | undefined => {
    if (!ownOrg(actor, r.orgId)) return new NotFoundError(entity, r.orgId);
    return hasRole(actor, roles) ? undefined : new ForbiddenError(why);
  };
}

function membership(why: string) {
  return (actor: Actor, r: MembershipResource): DomainError | undefined => {
    if (!ownOrg(actor, r.orgId)) return new NotFoundError("org", r.orgId);
    if (!hasRole(actor, EDITORS)) return new ForbiddenError(why);
    // Only an owner may grant the owner role or touch an existing owner; an admin manages the rest.
    // (Keeping at least one owner is a data rule, checked by the members service.)
    if (actor.role !== "owner" && (r.from === "owner" || r.to === "owner"))
      return new ForbiddenError("only an owner may grant, change or remove the owner role");
    return undefined;
  };
}

/** The knowledge repository's SQL filter (kb visible-to) says the same; keep the two in step. */
function kbReadable(actor: Actor, r: KbArticleResource): boolean {
  return r.visibility === "cluster" || ownOrg(actor, r.authorOrgId) || r.audienceOrgIds.includes(actor.orgId);
}

const RULES: { [A in Action]: Rule<A> } = {
  "org.create": (actor) =>
    isOperator(actor) && hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only the cluster operator's owners and admins may register organisations"),
  "org.import": (actor) =>
    isOperator(actor) && hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only the cluster operator's owners and admins may import organisations"),
  "org.update": orgRole(EDITORS, "org", "only the org's owner or admin may edit its profile"),
  "org.members.read": orgRole(EDITORS, "org", "only the org's owner or admin may list its members"),
  "indicators.write": orgRole(WRITERS, "org", "viewers cannot change indicators"),
  "relation.create": orgRole(WRITERS, "org", "viewers cannot record relations"),
  "relation.import": orgRole(
    WRITERS,
    "org",
    "importing relations needs the owner, admin or member role in your organisation",
  ),
  "import.history.read": orgRole(WRITERS, "org", "the import history is for the owner, admins and members"),
  "relation.delete": (actor, r) => {
    if (!ownOrg(actor, r.supplierOrgId) && !ownOrg(actor, r.customerOrgId))
      return new NotFoundError("relation", r.id);
    return hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only owners and admins may delete relations");
  },
  "grant.create": orgRole(EDITORS, "org", "only owners and admins may grant access to data"),
  "grant.revoke": (actor, r) => {
    if (!ownOrg(actor, r.grantorOrgId)) return new NotFoundError("grant", r.id);
    return hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only owners and admins may revoke grants");
  },
  "member.add": membership("only the org's owner or admin may add members"),
  "member.change": membership("only the org's owner or admin may change members"),
  "audit.read": (actor, r) => {
    if (isOperator(actor) && hasRole(actor, EDITORS)) return undefined;
    // Another org's log (or the whole cluster's): answer as if it did not exist.
    if (!ownOrg(actor, r.orgId)) return new NotFoundError("audit log of org", r.orgId);
    return hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only owners and admins of the org (or the operator) may read its audit log");
  },
  // A token acts with its user's role, so a viewer gains nothing from one but scripts to retry.
  "apiToken.create": (actor) =>
    hasRole(actor, WRITERS) ? undefined : new ForbiddenError("viewers cannot create API tokens"),
  // Nobody else's tokens, not even a co-worker's: revoking one would be a denial of service.
  "apiToken.revoke": (actor, r) =>
    r.userId === actor.userId && ownOrg(actor, r.orgId) ? undefined : new NotFoundError("api token", r.id),
  "privateData.read": (actor, r) =>
    ownOrg(actor, r.orgId) || r.hasActiveGrant
      ? undefined
      : new NotFoundError(`${r.dataClass} of org`, r.orgId),
  "job.read": (actor, r) => (ownOrg(actor, r.orgId) ? undefined : new NotFoundError("job", r.id)),
  "job.run": (actor, r) => {
    if (!ownOrg(actor, r.orgId)) return new NotFoundError("job", r.id);
    return hasRole(actor, WRITERS)
      ? undefined
      : new ForbiddenError("viewers may watch jobs but not start or cancel them");
  },
  "planning.read": (actor, r) =>
    ownOrg(actor, r.orgId) ? undefined : new NotFoundError("planning data of org", r.orgId),
  "planning.write": orgRole(WRITERS, "planning data of org", "viewers may read the plan but not change it"),
  "marketing.write": orgRole(
    WRITERS,
    "marketing data of org",
    "viewers may read marketing data but not change it",
  ),
  "strategy.write": orgRole(
    WRITERS,
    "strategy note of org",
    "viewers may read the strategy but not change it",
  ),
  // Telemetry is operational data of the firm: no grant opens it to another org, not even the operator.
  "telemetry.read": orgRole(["owner", "admin", "member", "viewer"], "telemetry of org", "not a member"),
  "telemetry.assets.write": orgRole(WRITERS, "telemetry of org", "viewers cannot change the asset tree"),
  "telemetry.credentials.manage": orgRole(
    EDITORS,
    "telemetry of org",
    "only the org's owner or admin may issue, rotate or revoke device credentials",
  ),
  "telemetry.connections.manage": orgRole(
    EDITORS,
    "telemetry of org",
    "only the org's owner or admin may connect the platform to its machines or change ingest settings",
  ),
  "monitoring.read": orgRole(["owner", "admin", "member", "viewer"], "alarms of org", "not a member"),
  "monitoring.operate": orgRole(WRITERS, "alarms of org", "viewers cannot acknowledge, shelve or comment"),
  "monitoring.configure": orgRole(
    EDITORS,
    "alarms of org",
    "only the org's owner or admin may change detectors",
  ),
  "monitoring.channels.manage": orgRole(
    EDITORS,
    "alarm channels of org",
    "only the org's owner or admin may change where alarms are sent",
  ),
  "accessRequest.create": orgRole(WRITERS, "org", "viewers cannot ask for access to other firms' data"),
  "accessRequest.decide": (actor, r) => {
    if (!ownOrg(actor, r.ownerOrgId)) return new NotFoundError("access request", r.id);
    return hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only owners and admins may approve or decline access requests");
  },
  "resource.manage": orgRole(
    EDITORS,
    "resource of org",
    "only the org's owner or admin may manage its listings",
  ),
  "resource.book": orgRole(WRITERS, "org", "viewers cannot book shared resources"),
  "booking.decide": (actor, r) => {
    if (ownOrg(actor, r.ownerOrgId))
      return hasRole(actor, EDITORS)
        ? undefined
        : new ForbiddenError("only owners and admins of the resource's org may decide its bookings");
    if (ownOrg(actor, r.requesterOrgId))
      return new ForbiddenError("the resource's owner decides a booking, not the requester");
    return new NotFoundError("booking", r.id);
  },
  "booking.cancel": (actor, r) => {
    if (ownOrg(actor, r.requesterOrgId))
      return hasRole(actor, WRITERS) ? undefined : new ForbiddenError("viewers cannot cancel bookings");
    if (ownOrg(actor, r.ownerOrgId))
      return hasRole(actor, EDITORS)
        ? undefined
        : new ForbiddenError("only owners and admins of the resource's org may cancel its bookings");
    return new NotFoundError("booking", r.id);
  },
  "booking.rate": (actor, r) => {
    if (ownOrg(actor, r.requesterOrgId))
      return hasRole(actor, WRITERS) ? undefined : new ForbiddenError("viewers cannot rate bookings");
    if (ownOrg(actor, r.ownerOrgId))
      return new ForbiddenError("the requester rates a booking, not the owner");
    return new NotFoundError("booking", r.id);
  },
  "innovation.write": orgRole(
    WRITERS,
    "org",
    "viewers may browse the innovation hub but not post or contact",
  ),
  "innovation.listing.manage": (actor, r) => {
    if (!ownOrg(actor, r.orgId)) return new NotFoundError("listing", r.id);
    return hasRole(actor, WRITERS) ? undefined : new ForbiddenError("viewers cannot change listings");
  },
  "innovation.listing.read": (actor, r) =>
    ownOrg(actor, r.orgId) ? undefined : new NotFoundError("listing", r.id),
  "innovation.project.read": (actor, r) =>
    r.memberOrgIds.includes(actor.orgId) ? undefined : new NotFoundError("project", r.id),
  "innovation.project.work": (actor, r) => {
    if (!r.memberOrgIds.includes(actor.orgId)) return new NotFoundError("project", r.id);
    return hasRole(actor, WRITERS)
      ? undefined
      : new ForbiddenError("viewers may follow a project but not change it");
  },
  "innovation.project.manage": (actor, r) => {
    if (!r.memberOrgIds.includes(actor.orgId)) return new NotFoundError("project", r.id);
    return ownOrg(actor, r.leadOrgId) && hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only the lead org's owner or admin may change the project's terms or members");
  },
  "knowledge.read": (actor, r) =>
    kbReadable(actor, r) ? undefined : new NotFoundError("knowledge entry", r.id),
  "knowledge.write": orgRole(WRITERS, "org", "viewers cannot write knowledge entries"),
  "knowledge.edit": (actor, r) => {
    if (ownOrg(actor, r.authorOrgId))
      return hasRole(actor, WRITERS)
        ? undefined
        : new ForbiddenError("viewers cannot change knowledge entries");
    return kbReadable(actor, r)
      ? new ForbiddenError("only the author organisation changes an entry")
      : new NotFoundError("knowledge entry", r.id);
  },
  "event.organise": orgRole(EDITORS, "org", "only owners and admins may organise events for their org"),
  "event.register": orgRole(WRITERS, "org", "viewers cannot register their org for events"),
  "event.registrations.read": (actor, r) =>
    ownOrg(actor, r.organiserOrgId) ? undefined : new NotFoundError("registrations of event", r.id),
  "event.checkIn": (actor, r) => {
    if (!ownOrg(actor, r.organiserOrgId)) return new NotFoundError("registration", r.id);
    return hasRole(actor, WRITERS) ? undefined : new ForbiddenError("viewers cannot check attendees in");
  },
  "policy.publish": (actor) =>
    (actor.orgKind === "government" || isOperator(actor)) && hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError(
          "only owners and admins of government organisations or the operator publish notices",
        ),
  "notification.read": (actor, r) =>
    ownOrg(actor, r.orgId) && (r.userId === undefined || r.userId === actor.userId)
      ? undefined
      : new NotFoundError("notification", r.orgId),
  "trace.read": orgRole(["owner", "admin", "member", "viewer"], "trace chain of org", "not a member"),
  "trace.write": orgRole(WRITERS, "trace chain of org", "viewers may read the chain but not append to it"),
  "trace.keys.manage": orgRole(
    EDITORS,
    "trace chain of org",
    "only the org's owner or admin may rotate its signing key",
  ),
  "trace.countersign": (actor) =>
    isOperator(actor) && hasRole(actor, EDITORS) ? undefined : new NotFoundError("checkpoint"),
  "capacity.trade": orgRole(WRITERS, "org", "viewers may browse the capacity exchange but not trade on it"),
  "capacity.rfq.read": (actor, r) =>
    ownOrg(actor, r.buyerOrgId) || r.invitedOrgIds.includes(actor.orgId)
      ? undefined
      : new NotFoundError("rfq", r.id),
  "capacity.rfq.manage": (actor, r) => {
    if (ownOrg(actor, r.buyerOrgId))
      return hasRole(actor, WRITERS)
        ? undefined
        : new ForbiddenError("viewers may follow RFQs but not act on them");
    if (r.invitedOrgIds.includes(actor.orgId))
      return new ForbiddenError("only the buyer invites suppliers and accepts quotes");
    return new NotFoundError("rfq", r.id);
  },
  "capacity.rfq.quote": (actor, r) => {
    if (r.invitedOrgIds.includes(actor.orgId) && !ownOrg(actor, r.buyerOrgId))
      return hasRole(actor, WRITERS) ? undefined : new ForbiddenError("viewers cannot quote");
    if (ownOrg(actor, r.buyerOrgId)) return new ForbiddenError("the buyer cannot quote on its own RFQ");
    return new NotFoundError("rfq", r.id);
  },
  "capacity.deal.read": (actor, r) =>
    ownOrg(actor, r.buyerOrgId) || ownOrg(actor, r.sellerOrgId) ? undefined : new NotFoundError(r.what, r.id),
  "capacity.deal.buy": (actor, r) => {
    if (ownOrg(actor, r.buyerOrgId))
      return hasRole(actor, WRITERS) ? undefined : new ForbiddenError(`viewers cannot act on a ${r.what}`);
    if (ownOrg(actor, r.sellerOrgId)) return new ForbiddenError(`only the buyer may do this to a ${r.what}`);
    return new NotFoundError(r.what, r.id);
  },
  "capacity.deal.sell": (actor, r) => {
    if (ownOrg(actor, r.sellerOrgId))
      return hasRole(actor, WRITERS) ? undefined : new ForbiddenError(`viewers cannot act on a ${r.what}`);
    if (ownOrg(actor, r.buyerOrgId)) return new ForbiddenError(`only the seller may do this to a ${r.what}`);
    return new NotFoundError(r.what, r.id);
  },
  "logistics.write": orgRole(WRITERS, "shipments of org", "viewers may follow shipments but not change them"),
  "logistics.webhook.manage": orgRole(
    EDITORS,
    "shipments of org",
    "only the org's owner or admin may change the carrier-webhook secret",
  ),
  "materials.write": orgRole(
    WRITERS,
    "materials of org",
    "viewers may browse materials but not post or join",
  ),
  "materials.round.open": orgRole(
    EDITORS,
    "materials of org",
    "only the org's owner or admin may open a pooled-purchase round",
  ),
  "talent.write": orgRole(
    WRITERS,
    "talent pool of org",
    "viewers may browse the talent pool but not change it",
  ),
  "secondment.decide": (actor, r) => {
    if (ownOrg(actor, r.ownerOrgId))
      return hasRole(actor, EDITORS)
        ? undefined
        : new ForbiddenError("only owners and admins of the person's org may decide a secondment");
    if (ownOrg(actor, r.requesterOrgId))
      return new ForbiddenError("the person's org decides a secondment, not the requester");
    return new NotFoundError("secondment", r.id);
  },
  "studio.manage": (actor, r) =>
    ownOrg(actor, r.orgId) && hasRole(actor, WRITERS)
      ? undefined
      : new ForbiddenError("only the studio's org may add apprentices and training records"),
  "staffing.decide": (actor, r) => {
    if (ownOrg(actor, r.ownerOrgId))
      return hasRole(actor, EDITORS)
        ? undefined
        : new ForbiddenError("only owners and admins of the person's org may decide a staffing request");
    if (ownOrg(actor, r.requesterOrgId))
      return new ForbiddenError("the person's org decides a staffing request, not the requester");
    return new NotFoundError("staffing request", r.id);
  },
  "channelShare.decide": (actor, r) => {
    if (ownOrg(actor, r.ownerOrgId))
      return hasRole(actor, EDITORS)
        ? undefined
        : new ForbiddenError("only owners and admins of the channel's org may decide or revoke a share");
    if (ownOrg(actor, r.requesterOrgId))
      return new ForbiddenError("the channel's owner decides a share, not the requester");
    return new NotFoundError("channel share", r.id);
  },
  "competition.score": (actor, r) =>
    ownOrg(actor, r.orgId) && hasRole(actor, EDITORS)
      ? undefined
      : new ForbiddenError("only the organiser's owners and admins may record scores"),
};

export const policy = {
  /** The error `actor` gets for `action` on `resource`, or undefined when allowed. */
  check<A extends Action>(actor: Actor, action: A, resource: ActionResources[A]): DomainError | undefined {
    return RULES[action](actor, resource);
  },

  /** Throws the domain error (404 for what the actor may not see, 403 for what it may not change). */
  assert<A extends Action>(actor: Actor, action: A, resource: ActionResources[A]): void {
    const denial = RULES[action](actor, resource);
    if (denial) throw denial;
  },

  /** Whether `action` is allowed; for answers that show or hide options rather than refuse. */
  can<A extends Action>(actor: Actor, action: A, resource: ActionResources[A]): boolean {
    return RULES[action](actor, resource) === undefined;
  },

  /** Operator orgs run the cluster; reported to the web app, which shows the operator's pages. */
  isOperatorKind(kind: OrgKind): boolean {
    return kind === "operator";
  },
  isOperator(actor: Actor): boolean {
    return isOperator(actor);
  },

  /** Whether `orgId` is the actor's own org (to sort records into "mine" and "others'", not to authorise). */
  isOwnOrg(actor: Actor, orgId: string): boolean {
    return ownOrg(actor, orgId);
  },

  /** Whose log an audit query without an org means: the operator's whole cluster, anyone else's own org. */
  auditScope(actor: Actor, requestedOrgId: string | undefined): string | undefined {
    return requestedOrgId ?? (isOperator(actor) ? undefined : actor.orgId);
  },

  /**
   * How `actor` may read a private data class of `ownerOrgId`: own staff always; others only with
   * an active grant (`hasActiveGrant` is looked up by the caller, and only when `needsGrant`).
   */
  privateAccess(actor: Actor, ownerOrgId: string, hasActiveGrant: boolean): PrivateAccess {
    if (ownOrg(actor, ownerOrgId)) return "own";
    return hasActiveGrant ? "grant" : "none";
  },
  needsGrant(actor: Actor, ownerOrgId: string): boolean {
    return !ownOrg(actor, ownerOrgId);
  },
};

// Accounts rules (org switching, invitations) as small standalone functions.

/** Switch the session to `orgId`: only an org the user is a member of. */
export function canSwitchOrg(memberOrgIds: readonly string[], orgId: string): boolean {
  return memberOrgIds.includes(orgId);
}

/** Invite someone into `orgId` with `role`: the same rule as adding a member directly. */
export function canInvite(actor: Actor, orgId: string, role: Role): boolean {
  return policy.can(actor, "member.add", { kind: "membership", orgId, to: role });
}

/** List an org's invitations: its owner/admin. */
export function canListInvitations(actor: Actor, orgId: string): boolean {
  return policy.can(actor, "org.members.read", { kind: "org", orgId });
}

/**
 * Accept an invitation: only the account with the invited email (emails are stored lower-case), so
 * a forwarded or leaked link alone enrols nobody else.
 */
export function canAcceptInvitation(accountEmail: string, invitedEmail: string): boolean {
  return accountEmail.toLowerCase() === invitedEmail.toLowerCase();
}
