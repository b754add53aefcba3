import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { invitations, orgs, users } from "../../db/schema/index.ts";

export type InvitationRow = typeof invitations.$inferSelect;

export interface InvitationWithOrg extends InvitationRow {
  orgNameZh: string;
  orgNameEn: string;
}

/** Invitations to join an org; the org-scoped queries always filter by org id. */
export class InvitationRepository {
  constructor(private readonly db: DbOrTx) {}

  async insert(values: typeof invitations.$inferInsert): Promise<InvitationRow> {
    const [row] = await this.db.insert(invitations).values(values).returning();
    return row;
  }

  async listForOrg(orgId: string, limit: number): Promise<InvitationRow[]> {
    return this.db
      .select()
      .from(invitations)
      .where(eq(invitations.orgId, orgId))
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(limit);
  }

  async findInOrg(orgId: string, id: string): Promise<InvitationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
      .for("update");
    return row;
  }

  /** By the token's hash, with the org's names; `lock` holds the row until the transaction ends (one accept wins). */
  async findByTokenHash(tokenHash: string, lock: boolean): Promise<InvitationWithOrg | undefined> {
    const query = this.db
      .select({
        id: invitations.id,
        orgId: invitations.orgId,
        email: invitations.email,
        role: invitations.role,
        tokenHash: invitations.tokenHash,
        createdBy: invitations.createdBy,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        acceptedBy: invitations.acceptedBy,
        revokedAt: invitations.revokedAt,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
      })
      .from(invitations)
      .innerJoin(orgs, eq(orgs.id, invitations.orgId))
      .where(eq(invitations.tokenHash, tokenHash));
    const [row] = lock ? await query.for("update", { of: invitations }) : await query;
    return row;
  }

  /**
   * Creates the invitee's account unless the email is taken meanwhile (two invitations accepted at
   * once); false then, instead of a unique-violation error.
   */
  async insertUserIfAbsent(values: typeof users.$inferInsert): Promise<boolean> {
    const rows = await this.db
      .insert(users)
      .values(values)
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    return rows.length === 1;
  }

  async markAccepted(id: string, userId: string, at: Date): Promise<void> {
    await this.db
      .update(invitations)
      .set({ acceptedAt: at, acceptedBy: userId })
      .where(eq(invitations.id, id));
  }

  async markRevoked(id: string, at: Date): Promise<void> {
    await this.db.update(invitations).set({ revokedAt: at }).where(eq(invitations.id, id));
  }
}
