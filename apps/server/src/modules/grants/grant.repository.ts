import type { DataClass } from "@clusterbrain/contracts";
import { and, desc, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { grants, orgs } from "../../db/schema/index.ts";

export type GrantRow = typeof grants.$inferSelect;
export type GrantWindow = Pick<GrantRow, "id" | "dataClass" | "expiresAt">;
export interface GrantView extends GrantRow {
  grantorNameZh: string;
  grantorNameEn: string;
  granteeNameZh: string;
  granteeNameEn: string;
}

const grantor = alias(orgs, "grantor");
const grantee = alias(orgs, "grantee");

export class GrantRepository {
  constructor(private readonly db: DbOrTx) {}

  /** The active grant (not revoked, not expired) letting `granteeOrgId` read `dataClass` of `grantorOrgId`. */
  async findActive(
    grantorOrgId: string,
    granteeOrgId: string,
    dataClass: DataClass,
    now: Date,
  ): Promise<GrantRow | undefined> {
    const [row] = await this.db
      .select()
      .from(grants)
      .where(
        and(
          eq(grants.orgId, grantorOrgId),
          eq(grants.granteeOrgId, granteeOrgId),
          eq(grants.dataClass, dataClass),
          isNull(grants.revokedAt),
          gt(grants.expiresAt, now),
        ),
      )
      .orderBy(desc(grants.expiresAt), grants.id)
      .limit(1);
    return row;
  }

  /** Active grants of several classes at once: data class → grant id. */
  async findActiveClasses(
    grantorOrgId: string,
    granteeOrgId: string,
    dataClasses: readonly DataClass[],
    now: Date,
  ): Promise<Map<string, string>> {
    if (dataClasses.length === 0) return new Map();
    const rows = await this.db
      .select({ id: grants.id, dataClass: grants.dataClass })
      .from(grants)
      .where(
        and(
          eq(grants.orgId, grantorOrgId),
          eq(grants.granteeOrgId, granteeOrgId),
          inArray(grants.dataClass, [...dataClasses]),
          isNull(grants.revokedAt),
          gt(grants.expiresAt, now),
        ),
      )
      .orderBy(grants.id);
    const out = new Map<string, string>();
    for (const r of rows) if (!out.has(r.dataClass)) out.set(r.dataClass, r.id);
    return out;
  }

  /**
   * Every unrevoked grant from grantor to grantee, expired or not, by id: what a cache keeps so that
   * expiry can be judged against the clock on each read without going back to the database.
   */
  async findUnrevoked(grantorOrgId: string, granteeOrgId: string): Promise<GrantWindow[]> {
    return this.db
      .select({ id: grants.id, dataClass: grants.dataClass, expiresAt: grants.expiresAt })
      .from(grants)
      .where(
        and(eq(grants.orgId, grantorOrgId), eq(grants.granteeOrgId, granteeOrgId), isNull(grants.revokedAt)),
      )
      .orderBy(grants.id);
  }

  async insert(values: typeof grants.$inferInsert): Promise<GrantRow> {
    const [row] = await this.db.insert(grants).values(values).returning();
    return row;
  }

  async findById(id: string): Promise<GrantRow | undefined> {
    const [row] = await this.db.select().from(grants).where(eq(grants.id, id));
    return row;
  }

  /**
   * Revokes the grant if it is still unrevoked; undefined when it already was. The condition sits in
   * the UPDATE so that of concurrent revocations exactly one changes the row (and is audited).
   */
  async revoke(id: string, at: Date, reason: string | null = null): Promise<GrantRow | undefined> {
    const [row] = await this.db
      .update(grants)
      .set({ revokedAt: at, revokeReason: reason })
      .where(and(eq(grants.id, id), isNull(grants.revokedAt)))
      .returning();
    return row;
  }

  /**
   * Closes the grants of this grantor, grantee and class that ran out (revoked_at = expires_at, so no
   * access changes): the unique index on unrevoked grants then holds only the live one.
   */
  async closeExpired(grantorOrgId: string, granteeOrgId: string, dataClass: DataClass, now: Date) {
    await this.db
      .update(grants)
      .set({ revokedAt: grants.expiresAt })
      .where(
        and(
          eq(grants.orgId, grantorOrgId),
          eq(grants.granteeOrgId, granteeOrgId),
          eq(grants.dataClass, dataClass),
          isNull(grants.revokedAt),
          lte(grants.expiresAt, now),
        ),
      );
  }

  /** Grants where the org is grantor or grantee, with both names. */
  async listFor(orgId: string): Promise<GrantView[]> {
    const rows = await this.db
      .select({
        grant: grants,
        grantorNameZh: grantor.nameZh,
        grantorNameEn: grantor.nameEn,
        granteeNameZh: grantee.nameZh,
        granteeNameEn: grantee.nameEn,
      })
      .from(grants)
      .innerJoin(grantor, eq(grantor.id, grants.orgId))
      .innerJoin(grantee, eq(grantee.id, grants.granteeOrgId))
      .where(or(eq(grants.orgId, orgId), eq(grants.granteeOrgId, orgId)))
      .orderBy(desc(grants.createdAt), grants.id);
    return rows.map(({ grant, ...names }) => ({ ...grant, ...names }));
  }

  /** Live grants (unrevoked) that run out in (now, until], with both names: what reminders are about. */
  async findExpiring(now: Date, until: Date, limit = 500): Promise<GrantView[]> {
    const rows = await this.db
      .select({
        grant: grants,
        grantorNameZh: grantor.nameZh,
        grantorNameEn: grantor.nameEn,
        granteeNameZh: grantee.nameZh,
        granteeNameEn: grantee.nameEn,
      })
      .from(grants)
      .innerJoin(grantor, eq(grantor.id, grants.orgId))
      .innerJoin(grantee, eq(grantee.id, grants.granteeOrgId))
      .where(and(isNull(grants.revokedAt), gt(grants.expiresAt, now), lte(grants.expiresAt, until)))
      .orderBy(grants.expiresAt, grants.id)
      .limit(limit);
    return rows.map(({ grant, ...names }) => ({ ...grant, ...names }));
  }

  async findViewById(id: string): Promise<GrantView | undefined> {
    const [row] = await this.db
      .select({
        grant: grants,
        grantorNameZh: grantor.nameZh,
        grantorNameEn: grantor.nameEn,
        granteeNameZh: grantee.nameZh,
        granteeNameEn: grantee.nameEn,
      })
      .from(grants)
      .innerJoin(grantor, eq(grantor.id, grants.orgId))
      .innerJoin(grantee, eq(grantee.id, grants.granteeOrgId))
      .where(eq(grants.id, id));
    return row ? { ...row.grant, ...row } : undefined;
  }
}
