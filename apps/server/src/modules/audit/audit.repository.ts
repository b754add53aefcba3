import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { auditLog, orgs, users } from "../../db/schema/index.ts";

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
  /** Inclusive lower and exclusive upper bound of `at`. */
  from?: Date;
  until?: Date;
  limit: number;
  offset: number;
}

const actorOrgs = alias(orgs, "actor_orgs");

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
    if (f.from) conds.push(gte(auditLog.at, f.from));
    if (f.until) conds.push(lt(auditLog.at, f.until));
    const where = conds.length ? and(...conds) : undefined;
    const rows = await this.db
      .select({
        id: auditLog.id,
        orgId: auditLog.orgId,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        actorUserId: auditLog.actorUserId,
        actorEmail: users.email,
        actorName: users.displayName,
        actorOrgId: auditLog.actorOrgId,
        actorOrgNameZh: actorOrgs.nameZh,
        actorOrgNameEn: actorOrgs.nameEn,
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
      .leftJoin(actorOrgs, eq(actorOrgs.id, auditLog.actorOrgId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.limit)
      .offset(f.offset);
    const [total] = await this.db.select({ n: count() }).from(auditLog).where(where);
    return { rows, total: Number(total?.n ?? 0) };
  }
}
