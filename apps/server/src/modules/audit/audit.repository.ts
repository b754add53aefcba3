import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { auditLog, users } from "../../db/schema/index.ts";

export interface AuditRecord {
  orgId: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  at: Date;
}

export interface AuditFilter {
  orgId?: string;
  action?: string;
  limit: number;
  offset: number;
}

export class AuditRepository {
  constructor(private readonly db: DbOrTx) {}

  async insert(r: AuditRecord): Promise<void> {
    await this.db.insert(auditLog).values({
      orgId: r.orgId,
      actorUserId: r.actorUserId,
      actorOrgId: r.actorOrgId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.requestId ?? null,
      at: r.at,
    });
  }

  async page(f: AuditFilter) {
    const conds: SQL[] = [];
    if (f.orgId) conds.push(eq(auditLog.orgId, f.orgId));
    if (f.action) conds.push(eq(auditLog.action, f.action));
    const where = conds.length ? and(...conds) : undefined;
    const rows = await this.db
      .select({
        id: auditLog.id,
        orgId: auditLog.orgId,
        actorUserId: auditLog.actorUserId,
        actorEmail: users.email,
        actorOrgId: auditLog.actorOrgId,
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.limit)
      .offset(f.offset);
    const [total] = await this.db.select({ n: count() }).from(auditLog).where(where);
    return { rows, total: Number(total?.n ?? 0) };
  }
}
