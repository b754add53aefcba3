import { and, asc, desc, eq, gte, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { capacityOffers, capacityOrders, logisticsShipments, orgs } from "../../db/schema/index.ts";

export type CapacityOfferRow = typeof capacityOffers.$inferSelect;
export type CapacityOrderRow = typeof capacityOrders.$inferSelect;
export interface CapacityOfferView extends CapacityOfferRow {
  orgNameZh: string;
  orgNameEn: string;
  district: string;
}
export interface CapacityOrderView extends CapacityOrderRow {
  process: string;
  buyerNameZh: string;
  buyerNameEn: string;
  sellerNameZh: string;
  sellerNameEn: string;
  shipmentStatus: string | null;
}

const buyer = alias(orgs, "buyer_org");
const seller = alias(orgs, "seller_org");

/** All SQL of the capacity exchange's offers and orders. */
export class CapacityExchangeRepository {
  constructor(private readonly db: DbOrTx) {}

  async insertOffer(values: typeof capacityOffers.$inferInsert): Promise<void> {
    await this.db.insert(capacityOffers).values(values);
  }

  async offers(filter: {
    process?: string;
    minHours?: number;
    id?: string;
    ids?: readonly string[];
  }): Promise<CapacityOfferView[]> {
    const available = sql<number>`${capacityOffers.hoursTotal} - ${capacityOffers.hoursBooked}`;
    const byId = filter.id !== undefined || filter.ids !== undefined;
    const rows = await this.db
      .select({
        offer: capacityOffers,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        district: orgs.district,
      })
      .from(capacityOffers)
      .innerJoin(orgs, eq(orgs.id, capacityOffers.orgId))
      .where(
        and(
          filter.id === undefined ? undefined : eq(capacityOffers.id, filter.id),
          filter.ids === undefined ? undefined : inArray(capacityOffers.id, [...filter.ids, ""]),
          filter.process === undefined ? undefined : eq(capacityOffers.process, filter.process),
          gte(available, filter.minHours ?? (byId ? 0 : 1)),
        ),
      )
      .orderBy(asc(capacityOffers.pricePerHour), asc(capacityOffers.id))
      .limit(500);
    return rows.map(({ offer, ...names }) => ({ ...offer, ...names }));
  }

  /** Hours an org already offered from its schedule, per work centre and first day of the window. */
  async scheduleOffered(
    orgId: string,
  ): Promise<{ workCentre: string; availableFrom: string | null; hours: number }[]> {
    return this.db
      .select({
        workCentre: capacityOffers.workCentre,
        availableFrom: capacityOffers.availableFrom,
        hours: sql<number>`sum(${capacityOffers.hoursTotal})::int`,
      })
      .from(capacityOffers)
      .where(and(eq(capacityOffers.orgId, orgId), eq(capacityOffers.source, "schedule")))
      .groupBy(capacityOffers.workCentre, capacityOffers.availableFrom);
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

  private orderViews() {
    return this.db
      .select({
        order: capacityOrders,
        process: capacityOffers.process,
        buyerNameZh: buyer.nameZh,
        buyerNameEn: buyer.nameEn,
        sellerNameZh: seller.nameZh,
        sellerNameEn: seller.nameEn,
        shipmentStatus: logisticsShipments.status,
      })
      .from(capacityOrders)
      .innerJoin(
        capacityOffers,
        and(
          eq(capacityOffers.orgId, capacityOrders.sellerOrgId),
          eq(capacityOffers.id, capacityOrders.offerId),
        ),
      )
      .innerJoin(buyer, eq(buyer.id, capacityOrders.orgId))
      .innerJoin(seller, eq(seller.id, capacityOrders.sellerOrgId))
      .leftJoin(logisticsShipments, eq(logisticsShipments.id, capacityOrders.shipmentId));
  }

  async orders(orgId: string): Promise<CapacityOrderView[]> {
    const rows = await this.orderViews()
      .where(or(eq(capacityOrders.orgId, orgId), eq(capacityOrders.sellerOrgId, orgId)))
      .orderBy(desc(capacityOrders.createdAt), asc(capacityOrders.id))
      .limit(500);
    return rows.map(({ order, ...rest }) => ({ ...order, ...rest }));
  }

  /** One order by id, whoever's it is (the service asks the policy who may see it). */
  async findOrder(id: string): Promise<CapacityOrderView | undefined> {
    const [row] = await this.orderViews().where(eq(capacityOrders.id, id));
    if (!row) return undefined;
    const { order, ...rest } = row;
    return { ...order, ...rest };
  }

  /** Links the seller's shipment to an order that has none yet; false when it already has one. */
  async setShipment(buyerOrgId: string, id: string, shipmentId: string): Promise<boolean> {
    const rows = await this.db
      .update(capacityOrders)
      .set({ shipmentId })
      .where(
        and(
          eq(capacityOrders.orgId, buyerOrgId),
          eq(capacityOrders.id, id),
          sql`${capacityOrders.shipmentId} IS NULL`,
        ),
      )
      .returning({ id: capacityOrders.id });
    return rows.length > 0;
  }
}
