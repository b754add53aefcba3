import { randomUUID } from "node:crypto";
import type {
  AccessRequest,
  AccessRequestApprove,
  AccessRequestCreate,
  AccessRequestDecline,
  AccessRequestList,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { GrantRepository } from "../grants/grant.repository.ts";
import { createGrantInTx } from "../grants/grant.service.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import { AccessRequestRepository, type AccessRequestView } from "./access-request.repository.ts";

function toAccessRequest(r: AccessRequestView): AccessRequest {
  return {
    id: r.id,
    ownerOrgId: r.orgId,
    ownerNameZh: r.ownerNameZh,
    ownerNameEn: r.ownerNameEn,
    requesterOrgId: r.requesterOrgId,
    requesterNameZh: r.requesterNameZh,
    requesterNameEn: r.requesterNameEn,
    dataClass: r.dataClass,
    purpose: r.purpose,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    grantId: r.grantId,
  };
}

/** Names and class a notification about a request shows, in both languages. */
function requestParams(r: AccessRequestView): Record<string, string> {
  return {
    ownerNameZh: r.ownerNameZh,
    ownerNameEn: r.ownerNameEn,
    requesterNameZh: r.requesterNameZh,
    requesterNameEn: r.requesterNameEn,
    dataClass: r.dataClass,
    purpose: r.purpose,
  };
}

/**
 * Sharing that can be asked for: a firm asks, the data owner approves (a grant is made through the
 * grants service, in the same transaction) or declines. Every step is audited in the owner's log
 * and notifies the other side.
 */
export class AccessRequestService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly live?: LiveHub,
  ) {}

  async list(actor: Actor): Promise<AccessRequestList> {
    const rows = await new AccessRequestRepository(this.db).listFor(actor.orgId);
    return {
      incoming: rows.filter((r) => policy.isOwnOrg(actor, r.orgId)).map(toAccessRequest),
      outgoing: rows.filter((r) => policy.isOwnOrg(actor, r.requesterOrgId)).map(toAccessRequest),
    };
  }

  async create(actor: Actor, input: AccessRequestCreate): Promise<AccessRequest> {
    policy.assert(actor, "accessRequest.create", { kind: "org", orgId: actor.orgId });
    if (policy.isOwnOrg(actor, input.ownerOrgId))
      throw ValidationError.field("ownerOrgId", "your organisation already reads its own data");
    const now = this.now();
    const id = randomUUID();
    const outbox = new NotificationOutbox();
    await this.db.transaction(async (tx) => {
      if (!(await new OrgRepository(tx).findById(input.ownerOrgId)))
        throw ValidationError.field("ownerOrgId", `unknown organisation ${input.ownerOrgId}`);
      if (await new GrantRepository(tx).findActive(input.ownerOrgId, actor.orgId, input.dataClass, now))
        throw new ConflictError("your organisation already holds an active grant of this data class");
      const repo = new AccessRequestRepository(tx);
      // access_requests_pending_key keeps one pending request per owner, requester and class, also
      // when two requests race: the loser's unique violation becomes a 409.
      await repo.insert({
        id,
        orgId: input.ownerOrgId,
        requesterOrgId: actor.orgId,
        dataClass: input.dataClass,
        purpose: input.purpose,
        status: "pending",
        requestedBy: actor.userId,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: input.ownerOrgId,
          action: "accessRequest.create",
          entity: "accessRequest",
          entityId: id,
          after: input,
        },
        now,
      );
      const view = await this.mustFind(tx, actor.orgId, id);
      await outbox.add(
        tx,
        {
          orgId: input.ownerOrgId,
          kind: "accessRequest.created",
          params: requestParams(view),
          link: "/grants",
        },
        now,
      );
    });
    outbox.publish(this.live);
    return toAccessRequest(await this.mustFind(this.db, actor.orgId, id));
  }

  /** The owner says yes: the request is settled and a grant until `expiresAt` is made, atomically. */
  async approve(actor: Actor, id: string, input: AccessRequestApprove): Promise<AccessRequest> {
    return this.decide(actor, id, async (tx, request, now, outbox) => {
      const grantId = randomUUID();
      const settled = await new AccessRequestRepository(tx).decide(request.orgId, id, {
        status: "approved",
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: null,
        grantId,
      });
      if (!settled) throw new ConflictError("this request was already answered");
      await createGrantInTx(
        tx,
        actor,
        {
          granteeOrgId: request.requesterOrgId,
          dataClass: request.dataClass,
          purpose: request.purpose,
          expiresAt: input.expiresAt,
        },
        now,
        outbox,
        { id: grantId, notify: false },
      );
      return { status: "approved" as const, after: { grantId, expiresAt: input.expiresAt } };
    });
  }

  async decline(actor: Actor, id: string, input: AccessRequestDecline): Promise<AccessRequest> {
    return this.decide(actor, id, async (tx, request, now) => {
      const note = input.note ? input.note : null;
      const settled = await new AccessRequestRepository(tx).decide(request.orgId, id, {
        status: "declined",
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: note,
        grantId: null,
      });
      if (!settled) throw new ConflictError("this request was already answered");
      return { status: "declined" as const, after: { note } };
    });
  }

  private async decide(
    actor: Actor,
    id: string,
    settle: (
      tx: DbOrTx,
      request: AccessRequestView,
      now: Date,
      outbox: NotificationOutbox,
    ) => Promise<{ status: "approved" | "declined"; after: Record<string, unknown> }>,
  ): Promise<AccessRequest> {
    const now = this.now();
    const outbox = new NotificationOutbox();
    await this.db.transaction(async (tx) => {
      const request = await new AccessRequestRepository(tx).findFor(actor.orgId, id);
      if (!request) throw new NotFoundError("access request", id);
      policy.assert(actor, "accessRequest.decide", { kind: "accessRequest", id, ownerOrgId: request.orgId });
      if (request.status !== "pending") throw new ConflictError(`this request was already ${request.status}`);
      const { status, after } = await settle(tx, request, now, outbox);
      await writeAudit(
        tx,
        actor,
        {
          orgId: request.orgId,
          action: status === "approved" ? "accessRequest.approve" : "accessRequest.decline",
          entity: "accessRequest",
          entityId: id,
          before: { status: "pending" },
          after: { status, ...after },
        },
        now,
      );
      await outbox.add(
        tx,
        {
          orgId: request.requesterOrgId,
          kind: status === "approved" ? "accessRequest.approved" : "accessRequest.declined",
          params: {
            ...requestParams(request),
            note: typeof after.note === "string" ? after.note : "",
            expiresAt: typeof after.expiresAt === "string" ? after.expiresAt : "",
          },
          link: `/orgs/${request.orgId}`,
        },
        now,
      );
    });
    outbox.publish(this.live);
    return toAccessRequest(await this.mustFind(this.db, actor.orgId, id));
  }

  private async mustFind(db: DbOrTx, orgId: string, id: string): Promise<AccessRequestView> {
    const row = await new AccessRequestRepository(db).findFor(orgId, id);
    if (!row) throw new NotFoundError("access request", id);
    return row;
  }
}
