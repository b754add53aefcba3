import { randomUUID } from "node:crypto";
import type {
  CapacityAccept,
  CapacityOffer,
  CapacityOfferCreate,
  CapacityOrder,
  CapacityOrderDetail,
  CapacityProcess,
  OrderShipmentCreate,
  ShipmentEventType,
  ShipmentStatus,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy, type TradeResource } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { LogisticsRepository } from "../logistics/logistics.repository.ts";
import { toOffer, toOrder } from "./capacity-exchange.mappers.ts";
import { CapacityExchangeRepository, type CapacityOrderView } from "./capacity-exchange.repository.ts";

export function orderResource(o: Pick<CapacityOrderView, "id" | "orgId" | "sellerOrgId">): TradeResource {
  return { kind: "trade", what: "order", id: o.id, buyerOrgId: o.orgId, sellerOrgId: o.sellerOrgId };
}

/** An order with its shipment's timeline (read from the seller's shipment, which both parties may see here). */
export async function orderDetail(db: DbOrTx, order: CapacityOrderView): Promise<CapacityOrderDetail> {
  const base = { ...toOrder(order), startOn: order.startOn, endOn: order.endOn };
  if (!order.shipmentId) return { ...base, shipment: null };
  const logistics = new LogisticsRepository(db);
  const shipment = await logistics.findShipment(order.sellerOrgId, order.shipmentId);
  if (!shipment) return { ...base, shipment: null };
  const events = await logistics.events(order.sellerOrgId, order.shipmentId);
  return {
    ...base,
    shipment: {
      id: shipment.id,
      carrier: shipment.carrier,
      trackingNo: shipment.trackingNo,
      promisedOn: shipment.promisedOn,
      status: shipment.status as ShipmentStatus,
      events: events.map((e) => ({
        id: e.id,
        type: e.type as ShipmentEventType,
        occurredAt: e.occurredAt.toISOString(),
        location: e.location,
        note: e.note,
        eta: e.eta?.toISOString() ?? null,
        source: e.source === "webhook" ? "webhook" : "api",
      })),
    },
  };
}

/** Shared-capacity market: firms offer hours; an accepted order books them exactly once. */
export class CapacityExchangeService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async offers(
    _actor: Actor,
    q: { process?: CapacityProcess; minHours?: number },
  ): Promise<{ items: CapacityOffer[] }> {
    const rows = await new CapacityExchangeRepository(this.db).offers(q);
    return { items: rows.map(toOffer) };
  }

  async offer(actor: Actor, input: CapacityOfferCreate): Promise<CapacityOffer> {
    policy.assert(actor, "capacity.trade", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    const repo = new CapacityExchangeRepository(this.db);
    await repo.insertOffer({
      orgId: actor.orgId,
      id,
      process: input.process,
      hoursTotal: input.hours,
      hoursBooked: 0,
      pricePerHour: input.pricePerHour,
      certifications: input.certifications,
      leadTimeDays: input.leadTimeDays,
      createdAt: this.now(),
    });
    const [row] = await repo.offers({ id });
    return toOffer(row);
  }

  async accept(actor: Actor, offerId: string, input: CapacityAccept): Promise<CapacityOrder> {
    policy.assert(actor, "capacity.trade", { kind: "org", orgId: actor.orgId });
    return this.db.transaction(async (tx) => {
      const repo = new CapacityExchangeRepository(tx);
      const [offer] = await repo.offers({ id: offerId });
      if (offer === undefined) throw new NotFoundError("capacity offer", offerId);
      if (offer.orgId === actor.orgId)
        throw ValidationError.field("id", "your organisation cannot buy its own capacity");
      const booked = await repo.book(offerId, input.hours);
      if (booked === undefined) {
        throw new ConflictError(
          `only ${offer.hoursTotal - offer.hoursBooked} hours of this offer are still free`,
          { reason: "CAPACITY_TAKEN" },
        );
      }
      const id = randomUUID();
      await repo.insertOrder({
        orgId: actor.orgId,
        id,
        sellerOrgId: offer.orgId,
        offerId,
        hours: input.hours,
        pricePerHour: Number(offer.pricePerHour),
        createdAt: this.now(),
      });
      const row = await repo.findOrder(id);
      return toOrder(row!);
    });
  }

  async orders(actor: Actor): Promise<{ bought: CapacityOrder[]; sold: CapacityOrder[] }> {
    const rows = await new CapacityExchangeRepository(this.db).orders(actor.orgId);
    return {
      bought: rows.filter((r) => r.orgId === actor.orgId).map(toOrder),
      sold: rows.filter((r) => r.sellerOrgId === actor.orgId).map(toOrder),
    };
  }

  async order(actor: Actor, id: string): Promise<CapacityOrderDetail> {
    const row = await new CapacityExchangeRepository(this.db).findOrder(id);
    if (!row) throw new NotFoundError("order", id);
    policy.assert(actor, "capacity.deal.read", orderResource(row));
    return orderDetail(this.db, row);
  }

  /** The seller records the shipment of an order to its buyer; tracking events then move the order on. */
  async ship(actor: Actor, id: string, input: OrderShipmentCreate): Promise<CapacityOrderDetail> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new CapacityExchangeRepository(tx);
      const row = await repo.findOrder(id);
      if (!row) throw new NotFoundError("order", id);
      policy.assert(actor, "capacity.deal.sell", orderResource(row));
      if (row.shipmentId) throw new ConflictError("this order is already shipped");
      const logistics = new LogisticsRepository(tx);
      if (await logistics.findByTracking(actor.orgId, input.trackingNo))
        throw new ConflictError(`a shipment with tracking number ${input.trackingNo} already exists`);
      const shipmentId = randomUUID();
      const shipment = {
        consigneeOrgId: row.orgId,
        consigneeName: "",
        carrier: input.carrier,
        trackingNo: input.trackingNo,
        promisedOn: input.promisedOn,
        reference: `capacity-order:${id}`,
      };
      await logistics.insertShipment({
        id: shipmentId,
        orgId: actor.orgId,
        ...shipment,
        createdBy: actor.userId,
        createdAt: now,
      });
      if (!(await repo.setShipment(row.orgId, id, shipmentId)))
        throw new ConflictError("this order is already shipped");
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "shipment.create",
          entity: "shipment",
          entityId: shipmentId,
          after: shipment,
        },
        now,
      );
      return orderDetail(tx, (await repo.findOrder(id))!);
    });
  }
}
