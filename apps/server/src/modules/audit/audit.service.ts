import type { AuditPage, AuditQuery } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { AuditRepository } from "./audit.repository.ts";

export interface AuditEvent {
  /** The org whose data was touched (whose admins may read the entry). */
  orgId: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit entry in the caller's transaction, so a change and its record commit together.
 * `actor` null means the system (CLI, demo loader).
 */
export async function writeAudit(
  db: DbOrTx,
  actor: Actor | null,
  event: AuditEvent,
  at: Date,
): Promise<void> {
  await new AuditRepository(db).insert({
    ...event,
    actorUserId: actor?.userId ?? null,
    actorOrgId: actor?.orgId ?? null,
    requestId: actor?.requestId ?? null,
    at,
  });
}

export class AuditService {
  constructor(private readonly db: DbOrTx) {}

  /** Admins read their org's log; the operator reads any org's, or the whole cluster's without orgId. */
  async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
    const orgId = policy.auditScope(actor, q.orgId);
    policy.assert(actor, "audit.read", { kind: "auditLog", orgId });
    const { rows, total } = await new AuditRepository(this.db).page({
      orgId,
      action: q.action,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: rows.map((r) => ({
        ...r,
        at: r.at.toISOString(),
        before: r.before ?? null,
        after: r.after ?? null,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
