import { randomUUID } from "node:crypto";
import type { CapacityOrderDetail, Quote, QuoteCreate, RfqCreate, RfqDetail } from "@clusterbrain/contracts";
import { rankOffers } from "@clusterbrain/engine/exchange";
import type { Actor } from "../../auth/actor.ts";
import { policy, type RfqResource, type TradeResource } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { factoryToday } from "../scheduling/scheduling.service.ts";
import { toOffer, toQuote, toRfq } from "./capacity-exchange.mappers.ts";
import { CapacityExchangeRepository } from "./capacity-exchange.repository.ts";
import { orderDetail } from "./capacity-exchange.service.ts";
import {
  CapacityRfqRepository,
  type InviteRow,
  type QuoteView,
  type RfqView,
} from "./capacity-rfq.repository.ts";

const dayOf = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

function rfqResource(rfq: RfqView, invites: readonly InviteRow[]): RfqResource {
  return { kind: "rfq", id: rfq.id, buyerOrgId: rfq.orgId, invitedOrgIds: invites.map((i) => i.orgId) };
}

function quoteResource(quote: QuoteView, rfq: RfqView): TradeResource {
  return { kind: "trade", what: "quote", id: quote.id, buyerOrgId: rfq.orgId, sellerOrgId: quote.orgId };
}

/** RFQs, ranked matches of open offers, invitations, quotes, and the accept that turns one into an order. */
export class CapacityRfqService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async create(actor: Actor, input: RfqCreate): Promise<RfqDetail> {
    policy.assert(actor, "capacity.trade", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    const now = this.now();
    await this.db.transaction(async (tx) => {
      await new CapacityRfqRepository(tx).insertRfq({
        orgId: actor.orgId,
        id,
        ...input,
        status: "open",
        createdBy: actor.userId,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "capacity.rfq", entity: "capacity.rfq", entityId: id, after: input },
        now,
      );
    });
    return this.get(actor, id);
  }

  async list(
    actor: Actor,
  ): Promise<{ mine: ReturnType<typeof toRfq>[]; invited: ReturnType<typeof toRfq>[] }> {
    const repo = new CapacityRfqRepository(this.db);
    const mine = await repo.listRfqs({ orgId: actor.orgId });
    const invitedIds = await repo.invitedRfqIds(actor.orgId);
    const invited = invitedIds.length ? await repo.listRfqs({ ids: invitedIds }) : [];
    return { mine: mine.map(toRfq), invited: invited.filter((r) => r.orgId !== actor.orgId).map(toRfq) };
  }

  private async load(db: DbOrTx, actor: Actor, id: string) {
    const repo = new CapacityRfqRepository(db);
    const rfq = await repo.findRfq(id);
    if (!rfq) throw new NotFoundError("rfq", id);
    const invites = await repo.invites(id);
    policy.assert(actor, "capacity.rfq.read", rfqResource(rfq, invites));
    return { rfq, invites };
  }

  async get(actor: Actor, id: string): Promise<RfqDetail> {
    const { rfq, invites } = await this.load(this.db, actor, id);
    const repo = new CapacityRfqRepository(this.db);
    if (!policy.isOwnOrg(actor, rfq.orgId)) {
      return {
        ...toRfq(rfq),
        matches: [],
        quotes: (await repo.quotes(id, actor.orgId)).map(toQuote),
        invitedOfferIds: invites.filter((i) => i.orgId === actor.orgId).map((i) => i.offerId),
      };
    }
    const invitedOffers = new Set(invites.map((i) => i.offerId));
    const offers = (await new CapacityExchangeRepository(this.db).offers({ process: rfq.process })).filter(
      (o) => o.orgId !== rfq.orgId,
    );
    const byId = new Map(offers.map((o) => [o.id, o]));
    const ranked = rankOffers(
      {
        process: rfq.process,
        hours: rfq.hours,
        fromDay: dayOf(rfq.windowFrom),
        toDay: dayOf(rfq.windowTo),
        certifications: rfq.certifications,
        district: rfq.buyerDistrict,
        today: dayOf(factoryToday(this.now())),
      },
      offers.map((o) => ({
        id: o.id,
        process: o.process,
        hoursAvailable: o.hoursTotal - o.hoursBooked,
        fromDay: o.availableFrom ? dayOf(o.availableFrom) : null,
        toDay: o.availableTo ? dayOf(o.availableTo) : null,
        leadTimeDays: o.leadTimeDays,
        pricePerHour: Number(o.pricePerHour),
        certifications: o.certifications,
        district: o.district,
      })),
    );
    return {
      ...toRfq(rfq),
      matches: ranked.slice(0, 20).map((r) => ({
        offer: toOffer(byId.get(r.offerId)!),
        score: r.score,
        reasons: r.reasons,
        invited: invitedOffers.has(r.offerId),
      })),
      quotes: (await repo.quotes(id)).map(toQuote),
      invitedOfferIds: [...invitedOffers],
    };
  }

  /** The buyer asks the firm behind a matching offer for a quote (asking twice changes nothing). */
  async invite(actor: Actor, id: string, offerId: string): Promise<RfqDetail> {
    await this.db.transaction(async (tx) => {
      const { rfq, invites } = await this.load(tx, actor, id);
      policy.assert(actor, "capacity.rfq.manage", rfqResource(rfq, invites));
      if (rfq.status !== "open") throw new ConflictError("this RFQ is already ordered");
      const [offer] = await new CapacityExchangeRepository(tx).offers({ id: offerId });
      if (!offer) throw new NotFoundError("capacity offer", offerId);
      if (offer.orgId === rfq.orgId) throw ValidationError.field("offerId", "that offer is your own");
      if (offer.process !== rfq.process)
        throw ValidationError.field("offerId", `that offer is for ${offer.process}, not ${rfq.process}`);
      await new CapacityRfqRepository(tx).invite({
        orgId: offer.orgId,
        rfqId: id,
        offerId,
        createdAt: this.now(),
      });
    });
    return this.get(actor, id);
  }

  /** An invited supplier quotes from one of its own offers of the RFQ's process. */
  async quote(actor: Actor, id: string, input: QuoteCreate): Promise<Quote> {
    const quoteId = randomUUID();
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const { rfq, invites } = await this.load(tx, actor, id);
      policy.assert(actor, "capacity.rfq.quote", rfqResource(rfq, invites));
      if (rfq.status !== "open") throw new ConflictError("this RFQ is already ordered");
      const [offer] = await new CapacityExchangeRepository(tx).offers({ id: input.offerId });
      if (!offer || offer.orgId !== actor.orgId)
        throw ValidationError.field("offerId", "quote from one of your own offers");
      if (offer.process !== rfq.process)
        throw ValidationError.field("offerId", `that offer is for ${offer.process}, not ${rfq.process}`);
      const free = offer.hoursTotal - offer.hoursBooked;
      if (input.hours > free)
        throw new ConflictError(`only ${free} hours of that offer are still free`, {
          reason: "CAPACITY_TAKEN",
        });
      await new CapacityRfqRepository(tx).insertQuote({
        orgId: actor.orgId,
        id: quoteId,
        rfqId: id,
        ...input,
        status: "open",
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "capacity.quote",
          entity: "capacity.quote",
          entityId: quoteId,
          after: input,
        },
        now,
      );
    });
    return this.getQuote(actor, quoteId);
  }

  async getQuote(actor: Actor, id: string): Promise<Quote> {
    const repo = new CapacityRfqRepository(this.db);
    const quote = await repo.findQuote(id);
    const rfq = quote && (await repo.findRfq(quote.rfqId));
    if (!quote || !rfq) throw new NotFoundError("quote", id);
    policy.assert(actor, "capacity.deal.read", quoteResource(quote, rfq));
    return toQuote(quote);
  }

  /**
   * The buyer accepts a quote: in one transaction the RFQ turns ordered (one conditional UPDATE, so
   * a second or racing accept is 409), the offer's hours are booked (the same guard as a direct
   * accept: hours are never sold twice) and the order is written; the other quotes are declined.
   */
  async accept(actor: Actor, id: string): Promise<CapacityOrderDetail> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new CapacityRfqRepository(tx);
      const quote = await repo.findQuote(id);
      const rfq = quote && (await repo.findRfq(quote.rfqId));
      if (!quote || !rfq) throw new NotFoundError("quote", id);
      policy.assert(actor, "capacity.deal.buy", quoteResource(quote, rfq));
      if (!(await repo.markOrdered(rfq.orgId, rfq.id)))
        throw new ConflictError("this RFQ already has an accepted quote", { reason: "RFQ_ORDERED" });
      const exchange = new CapacityExchangeRepository(tx);
      if (!(await exchange.book(quote.offerId, quote.hours)))
        throw new ConflictError("the supplier's offer no longer has these hours free", {
          reason: "CAPACITY_TAKEN",
        });
      const orderId = randomUUID();
      await exchange.insertOrder({
        orgId: rfq.orgId,
        id: orderId,
        sellerOrgId: quote.orgId,
        offerId: quote.offerId,
        hours: quote.hours,
        pricePerHour: Number(quote.pricePerHour),
        rfqId: rfq.id,
        quoteId: quote.id,
        startOn: quote.startOn,
        endOn: quote.endOn,
        createdAt: now,
      });
      await repo.settleQuotes(rfq.id, quote.id, orderId);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "capacity.order",
          entity: "capacity.order",
          entityId: orderId,
          after: { quoteId: quote.id },
        },
        now,
      );
      return orderDetail(tx, (await exchange.findOrder(orderId))!);
    });
  }
}
