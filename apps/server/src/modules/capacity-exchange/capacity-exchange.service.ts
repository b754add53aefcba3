import { randomUUID } from "node:crypto";
import type {
  CapacityAccept,
  CapacityOffer,
  CapacityOfferCreate,
  CapacityOrder,
  CapacityProcess,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import {
  CapacityExchangeRepository,
  type CapacityOfferView,
  type CapacityOrderRow,
} from "./capacity-exchange.repository.ts";

function toOffer(r: CapacityOfferView): CapacityOffer {
  return {
    id: r.id,
    orgId: r.orgId,
    orgNameZh: r.orgNameZh,
    orgNameEn: r.orgNameEn,
    process: r.process as CapacityProcess,
    hoursTotal: r.hoursTotal,
    hoursAvailable: r.hoursTotal - r.hoursBooked,
    pricePerHour: Number(r.pricePerHour),
    certifications: r.certifications,
    leadTimeDays: r.leadTimeDays,
    createdAt: r.createdAt.toISOString(),
  };
}

function toOrder(r: CapacityOrderRow & { process: string }): CapacityOrder {
  return {
    id: r.id,
    buyerOrgId: r.orgId,
    sellerOrgId: r.sellerOrgId,
    offerId: r.offerId,
    process: r.process as CapacityProcess,
    hours: r.hours,
    pricePerHour: Number(r.pricePerHour),
    createdAt: r.createdAt.toISOString(),
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
          {
            reason: "CAPACITY_TAKEN",
          },
        );
      }
      const row = {
        orgId: actor.orgId,
        id: randomUUID(),
        sellerOrgId: offer.orgId,
        offerId,
        hours: input.hours,
        pricePerHour: Number(offer.pricePerHour),
        createdAt: this.now(),
      };
      await repo.insertOrder(row);
      return toOrder({ ...row, process: offer.process });
    });
  }

  async orders(actor: Actor): Promise<{ bought: CapacityOrder[]; sold: CapacityOrder[] }> {
    const rows = await new CapacityExchangeRepository(this.db).orders(actor.orgId);
    return {
      bought: rows.filter((r) => r.orgId === actor.orgId).map(toOrder),
      sold: rows.filter((r) => r.sellerOrgId === actor.orgId).map(toOrder),
    };
  }
}
