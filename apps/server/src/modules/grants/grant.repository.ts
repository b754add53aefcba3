import type { DataClass } from "@clusterbrain/contracts";
import { and, desc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { grants, orgs } from "../../db/schema/index.ts";

export type GrantRow = typeof grants.$inferSelect;
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

  async insert(values: typeof grants.$inferInsert): Promise<GrantRow> {
    const [row] = await this.db.insert(grants).values(values).returning();
    return row;
  }

  async findById(id: string): Promise<GrantRow | undefined> {
    const [row] = await this.db.select().from(grants).where(eq(grants.id, id));
    return row;
  }

  async revoke(id: string, at: Date): Promise<GrantRow> {
    const [row] = await this.db.update(grants).set({ revokedAt: at }).where(eq(grants.id, id)).returning();
    return row;
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
