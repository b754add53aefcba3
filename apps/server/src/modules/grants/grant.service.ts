import { randomUUID } from "node:crypto";
import type { Grant, GrantCreateRequest, GrantList } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import { GrantRepository, type GrantView } from "./grant.repository.ts";

function toGrant(g: GrantView, now: Date): Grant {
  // A grant closed at its expiry (when a newer one was made) ran out; it was not revoked.
  const revoked = g.revokedAt !== null && g.revokedAt < g.expiresAt;
  const status = revoked ? "revoked" : g.expiresAt <= now ? "expired" : "active";
  return {
    id: g.id,
    grantorOrgId: g.orgId,
    grantorNameZh: g.grantorNameZh,
    grantorNameEn: g.grantorNameEn,
    granteeOrgId: g.granteeOrgId,
    granteeNameZh: g.granteeNameZh,
    granteeNameEn: g.granteeNameEn,
    dataClass: g.dataClass,
    purpose: g.purpose,
    expiresAt: g.expiresAt.toISOString(),
    revokedAt: revoked ? (g.revokedAt?.toISOString() ?? null) : null,
    revokeReason: revoked ? g.revokeReason : null,
    createdAt: g.createdAt.toISOString(),
    status,
  };
}

/** Names a notification about a grant shows, in both languages (the web picks one). */
export function grantNames(g: GrantView): Record<string, string> {
  return {
    grantorNameZh: g.grantorNameZh,
    grantorNameEn: g.grantorNameEn,
    granteeNameZh: g.granteeNameZh,
    granteeNameEn: g.granteeNameEn,
    dataClass: g.dataClass,
    expiresAt: g.expiresAt.toISOString(),
  };
}

/**
 * Makes a grant inside the caller's transaction (the grants screen, or approving an access request),
 * audited, with a notification to the grantee in `outbox`. Returns the grant's id.
 */
export async function createGrantInTx(
  tx: DbOrTx,
  actor: Actor,
  input: GrantCreateRequest,
  now: Date,
  outbox: NotificationOutbox,
  options: { id?: string; notify?: boolean } = {},
): Promise<string> {
  policy.assert(actor, "grant.create", { kind: "org", orgId: actor.orgId });
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= now) throw ValidationError.field("expiresAt", "must be in the future");
  if (policy.isOwnOrg(actor, input.granteeOrgId))
    throw ValidationError.field("granteeOrgId", "cannot grant to your own organisation");
  if (!(await new OrgRepository(tx).findById(input.granteeOrgId))) {
    throw ValidationError.field("granteeOrgId", `unknown organisation ${input.granteeOrgId}`);
  }
  const id = options.id ?? randomUUID();
  const repo = new GrantRepository(tx);
  await repo.closeExpired(actor.orgId, input.granteeOrgId, input.dataClass, now);
  // The unique index on unrevoked grants (grants_live_key) refuses a second live grant, also when
  // two requests race; the violation becomes a 409 naming orgId, granteeOrgId and dataClass.
  await repo.insert({
    id,
    orgId: actor.orgId,
    granteeOrgId: input.granteeOrgId,
    dataClass: input.dataClass,
    purpose: input.purpose,
    expiresAt,
    createdBy: actor.userId,
    createdAt: now,
  });
  await writeAudit(
    tx,
    actor,
    { orgId: actor.orgId, action: "grant.create", entity: "grant", entityId: id, after: { ...input, id } },
    now,
  );
  const view = await repo.findViewById(id);
  if (view && options.notify !== false) {
    await outbox.add(
      tx,
      { orgId: input.granteeOrgId, kind: "grant.created", params: grantNames(view), link: "/grants" },
      now,
    );
  }
  return id;
}

export class GrantService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
    private readonly live?: LiveHub,
  ) {}

  /** Grants my org gave and received (any member may see them). */
  async list(actor: Actor): Promise<GrantList> {
    const now = this.now();
    const rows = await new GrantRepository(this.db).listFor(actor.orgId);
    return {
      given: rows.filter((g) => policy.isOwnOrg(actor, g.orgId)).map((g) => toGrant(g, now)),
      received: rows.filter((g) => policy.isOwnOrg(actor, g.granteeOrgId)).map((g) => toGrant(g, now)),
    };
  }

  /** My org (owner/admin) lets another org read one class of its data for a purpose until a date. */
  async create(actor: Actor, input: GrantCreateRequest): Promise<Grant> {
    const now = this.now();
    const outbox = new NotificationOutbox();
    const id = await this.db.transaction((tx) => createGrantInTx(tx, actor, input, now, outbox));
    outbox.publish(this.live);
    return this.view(id, now);
  }

  /** Revocation takes effect at once: the next read through the grant is refused. */
  async revoke(actor: Actor, id: string, reason?: string): Promise<Grant> {
    const now = this.now();
    const outbox = new NotificationOutbox();
    await this.db.transaction(async (tx) => {
      const repo = new GrantRepository(tx);
      const row = await repo.findViewById(id);
      if (!row) throw new NotFoundError("grant", id);
      policy.assert(actor, "grant.revoke", { kind: "grant", id, grantorOrgId: row.orgId });
      // Only the request whose UPDATE changed the row audits it; the others answer the same grant.
      if (!(await repo.revoke(id, now, reason ?? null))) return;
      await writeAudit(
        tx,
        actor,
        {
          orgId: row.orgId,
          action: "grant.revoke",
          entity: "grant",
          entityId: id,
          before: { revokedAt: null, revokeReason: null },
          after: { revokedAt: now.toISOString(), revokeReason: reason ?? null },
        },
        now,
      );
      await outbox.add(
        tx,
        {
          orgId: row.granteeOrgId,
          kind: "grant.revoked",
          params: { ...grantNames(row), reason: reason ?? "" },
          link: "/grants",
        },
        now,
      );
    });
    outbox.publish(this.live);
    return this.view(id, now);
  }

  private async view(id: string, now: Date): Promise<Grant> {
    const row = await new GrantRepository(this.db).findViewById(id);
    if (!row) throw new NotFoundError("grant", id);
    return toGrant(row, now);
  }
}
