import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { capacityQuotes, capacityRfqInvites, capacityRfqs, orgs } from "../../db/schema/index.ts";

export type RfqRow = typeof capacityRfqs.$inferSelect;
export interface RfqView extends RfqRow {
  buyerNameZh: string;
  buyerNameEn: string;
  buyerDistrict: string;
}
export type QuoteRow = typeof capacityQuotes.$inferSelect;
export interface QuoteView extends QuoteRow {
  supplierNameZh: string;
  supplierNameEn: string;
}
export type InviteRow = typeof capacityRfqInvites.$inferSelect;

/** All SQL of RFQs, invitations and quotes of the capacity exchange. */
export class CapacityRfqRepository {
  constructor(private readonly db: DbOrTx) {}

  private rfqViews() {
    return this.db
      .select({
        rfq: capacityRfqs,
        buyerNameZh: orgs.nameZh,
        buyerNameEn: orgs.nameEn,
        buyerDistrict: orgs.district,
      })
      .from(capacityRfqs)
      .innerJoin(orgs, eq(orgs.id, capacityRfqs.orgId));
  }

  async insertRfq(values: typeof capacityRfqs.$inferInsert): Promise<void> {
    await this.db.insert(capacityRfqs).values(values);
  }

  async findRfq(id: string): Promise<RfqView | undefined> {
    const [row] = await this.rfqViews().where(eq(capacityRfqs.id, id));
    return (
      row && {
        ...row.rfq,
        buyerNameZh: row.buyerNameZh,
        buyerNameEn: row.buyerNameEn,
        buyerDistrict: row.buyerDistrict,
      }
    );
  }

  /** RFQs of the buyer, or those with these ids. */
  async listRfqs(filter: { orgId?: string; ids?: readonly string[] }): Promise<RfqView[]> {
    const rows = await this.rfqViews()
      .where(
        and(
          filter.orgId === undefined ? undefined : eq(capacityRfqs.orgId, filter.orgId),
          filter.ids === undefined ? undefined : inArray(capacityRfqs.id, [...filter.ids, ""]),
        ),
      )
      .orderBy(desc(capacityRfqs.createdAt), asc(capacityRfqs.id))
      .limit(500);
    return rows.map((r) => ({
      ...r.rfq,
      buyerNameZh: r.buyerNameZh,
      buyerNameEn: r.buyerNameEn,
      buyerDistrict: r.buyerDistrict,
    }));
  }

  /** Marks an open RFQ ordered; false when it was not open (a second accept, even a racing one). */
  async markOrdered(buyerOrgId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .update(capacityRfqs)
      .set({ status: "ordered" })
      .where(
        and(eq(capacityRfqs.orgId, buyerOrgId), eq(capacityRfqs.id, id), eq(capacityRfqs.status, "open")),
      )
      .returning({ id: capacityRfqs.id });
    return rows.length > 0;
  }

  async invites(rfqId: string): Promise<InviteRow[]> {
    return this.db
      .select()
      .from(capacityRfqInvites)
      .where(eq(capacityRfqInvites.rfqId, rfqId))
      .orderBy(asc(capacityRfqInvites.createdAt), asc(capacityRfqInvites.offerId));
  }

  async invitedRfqIds(orgId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ rfqId: capacityRfqInvites.rfqId })
      .from(capacityRfqInvites)
      .where(eq(capacityRfqInvites.orgId, orgId))
      .limit(500);
    return rows.map((r) => r.rfqId);
  }

  /** Adds an invitation; false when this offer was already invited. */
  async invite(values: typeof capacityRfqInvites.$inferInsert): Promise<boolean> {
    const rows = await this.db
      .insert(capacityRfqInvites)
      .values(values)
      .onConflictDoNothing()
      .returning({ rfqId: capacityRfqInvites.rfqId });
    return rows.length > 0;
  }

  private quoteViews() {
    return this.db
      .select({ quote: capacityQuotes, supplierNameZh: orgs.nameZh, supplierNameEn: orgs.nameEn })
      .from(capacityQuotes)
      .innerJoin(orgs, eq(orgs.id, capacityQuotes.orgId));
  }

  async insertQuote(values: typeof capacityQuotes.$inferInsert): Promise<void> {
    await this.db.insert(capacityQuotes).values(values);
  }

  async findQuote(id: string): Promise<QuoteView | undefined> {
    const [row] = await this.quoteViews().where(eq(capacityQuotes.id, id));
    return row && { ...row.quote, supplierNameZh: row.supplierNameZh, supplierNameEn: row.supplierNameEn };
  }

  /** Quotes on an RFQ; only the supplier's own when `supplierOrgId` is given. */
  async quotes(rfqId: string, supplierOrgId?: string): Promise<QuoteView[]> {
    const rows = await this.quoteViews()
      .where(
        and(
          eq(capacityQuotes.rfqId, rfqId),
          supplierOrgId === undefined ? undefined : eq(capacityQuotes.orgId, supplierOrgId),
        ),
      )
      .orderBy(asc(capacityQuotes.pricePerHour), asc(capacityQuotes.id));
    return rows.map((r) => ({
      ...r.quote,
      supplierNameZh: r.supplierNameZh,
      supplierNameEn: r.supplierNameEn,
    }));
  }

  /** The accepted quote gets its order; every other quote on the RFQ is declined. */
  async settleQuotes(rfqId: string, acceptedId: string, orderId: string): Promise<void> {
    await this.db
      .update(capacityQuotes)
      .set({ status: "accepted", orderId })
      .where(and(eq(capacityQuotes.rfqId, rfqId), eq(capacityQuotes.id, acceptedId)));
    await this.db
      .update(capacityQuotes)
      .set({ status: sql`'declined'` })
      .where(and(eq(capacityQuotes.rfqId, rfqId), ne(capacityQuotes.id, acceptedId)));
  }
}
