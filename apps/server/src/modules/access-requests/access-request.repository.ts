import { and, desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { accessRequests, orgs } from "../../db/schema/index.ts";

export type AccessRequestRow = typeof accessRequests.$inferSelect;
export interface AccessRequestView extends AccessRequestRow {
  ownerNameZh: string;
  ownerNameEn: string;
  requesterNameZh: string;
  requesterNameEn: string;
}

const owner = alias(orgs, "owner");
const requester = alias(orgs, "requester");

export class AccessRequestRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Inserts a pending request; a second pending one for the same owner, requester and class is a 409. */
  async insert(values: typeof accessRequests.$inferInsert): Promise<void> {
    await this.db.insert(accessRequests).values(values);
  }

  private views() {
    return this.db
      .select({
        request: accessRequests,
        ownerNameZh: owner.nameZh,
        ownerNameEn: owner.nameEn,
        requesterNameZh: requester.nameZh,
        requesterNameEn: requester.nameEn,
      })
      .from(accessRequests)
      .innerJoin(owner, eq(owner.id, accessRequests.orgId))
      .innerJoin(requester, eq(requester.id, accessRequests.requesterOrgId));
  }

  /** Requests the org received or made, newest first. */
  async listFor(orgId: string): Promise<AccessRequestView[]> {
    const rows = await this.views()
      .where(or(eq(accessRequests.orgId, orgId), eq(accessRequests.requesterOrgId, orgId)))
      .orderBy(desc(accessRequests.createdAt), accessRequests.id)
      .limit(200);
    return rows.map(({ request, ...names }) => ({ ...request, ...names }));
  }

  /** One request by id, if it was made to or by `orgId` (anyone else's is not found). */
  async findFor(orgId: string, id: string): Promise<AccessRequestView | undefined> {
    const [row] = await this.views().where(
      and(
        eq(accessRequests.id, id),
        or(eq(accessRequests.orgId, orgId), eq(accessRequests.requesterOrgId, orgId)),
      ),
    );
    return row ? { ...row.request, ...row } : undefined;
  }

  /**
   * Settles a pending request of `ownerOrgId`. The status condition sits in the UPDATE, so of two
   * concurrent decisions exactly one changes the row; the other gets undefined.
   */
  async decide(
    ownerOrgId: string,
    id: string,
    values: Pick<AccessRequestRow, "status" | "decidedBy" | "decidedAt" | "decisionNote" | "grantId">,
  ): Promise<AccessRequestRow | undefined> {
    const [row] = await this.db
      .update(accessRequests)
      .set(values)
      .where(
        and(
          eq(accessRequests.orgId, ownerOrgId),
          eq(accessRequests.id, id),
          eq(accessRequests.status, "pending"),
        ),
      )
      .returning();
    return row;
  }
}
