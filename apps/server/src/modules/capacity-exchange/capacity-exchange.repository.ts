import { and, asc, desc, eq, gte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { capacityOffers, capacityOrders, orgs } from "../../db/schema/index.ts";

export type CapacityOfferRow = typeof capacityOffers.$inferSelect;
export type CapacityOrderRow = typeof capacityOrders.$inferSelect;
export interface CapacityOfferView extends CapacityOfferRow {
  orgNameZh: string;
  orgNameEn: string;
}

/** All SQL of the capacity exchange. */
export class CapacityExchangeRepository {
  constructor(private readonly db: DbOrTx) {}

  async insertOffer(values: typeof capacityOffers.$inferInsert): Promise<void> {
    await this.db.insert(capacityOffers).values(values);
  }

  async offers(filter: { process?: string; minHours?: number; id?: string }): Promise<CapacityOfferView[]> {
    const available = sql<number>`${capacityOffers.hoursTotal} - ${capacityOffers.hoursBooked}`;
    const rows = await this.db
      .select({ offer: capacityOffers, orgNameZh: orgs.nameZh, orgNameEn: orgs.nameEn })
      .from(capacityOffers)
      .innerJoin(orgs, eq(orgs.id, capacityOffers.orgId))
      .where(
        and(
          filter.id === undefined ? undefined : eq(capacityOffers.id, filter.id),
          filter.process === undefined ? undefined : eq(capacityOffers.process, filter.process),
          gte(available, filter.minHours ?? (filter.id === undefined ? 1 : 0)),
        ),
      )
      .orderBy(asc(capacityOffers.pricePerHour), asc(capacityOffers.id))
      .limit(500);
    return rows.map(({ offer, ...names }) => ({ ...offer, ...names }));
  }

  /**
   * Books `hours` of an offer in one statement: the row changes only while that many hours are
   * still free, so of N racing accepts exactly as many win as the hours allow. Undefined when not.
   */
  async book(offerId: string, hours: number): Promise<CapacityOfferRow | undefined> {
    const [row] = await this.db
      .update(capacityOffers)
      .set({ hoursBooked: sql`${capacityOffers.hoursBooked} + ${hours}` })
      .where(
        and(
          eq(capacityOffers.id, offerId),
          sql`${capacityOffers.hoursTotal} - ${capacityOffers.hoursBooked} >= ${hours}`,
        ),
      )
      .returning();
    return row;
  }

  async insertOrder(values: typeof capacityOrders.$inferInsert): Promise<void> {
    await this.db.insert(capacityOrders).values(values);
  }

  async orders(orgId: string): Promise<(CapacityOrderRow & { process: string })[]> {
    const rows = await this.db
      .select({ order: capacityOrders, process: capacityOffers.process })
      .from(capacityOrders)
      .innerJoin(
        capacityOffers,
        and(
          eq(capacityOffers.orgId, capacityOrders.sellerOrgId),
          eq(capacityOffers.id, capacityOrders.offerId),
        ),
      )
      .where(or(eq(capacityOrders.orgId, orgId), eq(capacityOrders.sellerOrgId, orgId)))
      .orderBy(desc(capacityOrders.createdAt), asc(capacityOrders.id))
      .limit(500);
    return rows.map(({ order, process }) => ({ ...order, process }));
  }
}
