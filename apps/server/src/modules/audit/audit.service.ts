import type { AuditEntry, AuditPage, AuditQuery } from "@clusterbrain/contracts";
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

/** The cluster's clock (Asia/Shanghai, no daylight saving): a day filter means that local day. */
const CLUSTER_UTC_OFFSET = "+08:00";

/** [from, until) of a day range given as YYYY-MM-DD (inclusive of both days). */
export function dayRange(from?: string, to?: string): { from?: Date; until?: Date } {
  const start = (day: string) => new Date(`${day}T00:00:00${CLUSTER_UTC_OFFSET}`);
  const until = to === undefined ? undefined : new Date(start(to).getTime() + 24 * 3600 * 1000);
  return { from: from === undefined ? undefined : start(from), until };
}

type AuditFilters = Pick<AuditQuery, "orgId" | "action" | "from" | "to">;

export class AuditService {
  constructor(private readonly db: DbOrTx) {}

  /** Admins read their org's log; the operator reads any org's, or the whole cluster's without orgId. */
  async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
    const { items, total } = await this.read(actor, q, q.pageSize, (q.page - 1) * q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** Every entry the filters select (no paging), newest first, for the export. */
  async all(actor: Actor, q: AuditFilters): Promise<AuditEntry[]> {
    return (await this.read(actor, q, AUDIT_EXPORT_LIMIT, 0)).items;
  }

  private async read(actor: Actor, q: AuditFilters, limit: number, offset: number) {
    const orgId = policy.auditScope(actor, q.orgId);
    policy.assert(actor, "audit.read", { kind: "auditLog", orgId });
    const { rows, total } = await new AuditRepository(this.db).page({
      orgId,
      action: q.action,
      ...dayRange(q.from, q.to),
      limit,
      offset,
    });
    return {
      items: rows.map((r) => ({
        ...r,
        at: r.at.toISOString(),
        before: r.before ?? null,
        after: r.after ?? null,
      })),
      total,
    };
  }
}

/** The most entries one export holds (newest first); narrow the filters for older ones. */
export const AUDIT_EXPORT_LIMIT = 50_000;
