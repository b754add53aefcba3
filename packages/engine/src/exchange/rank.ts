import { ExchangeError } from "./exchange.errors.ts";

/** A request for quotation: what the buyer needs, when, and from where it asks. */
export interface RfqInput {
  process: string;
  hours: number;
  /** Inclusive day numbers (days since 1970-01-01) of the window the work must fall in. */
  fromDay: number;
  toDay: number;
  certifications: readonly string[];
  district: string;
  /** Today (day number): an offer without a window is available from today plus its lead time. */
  today: number;
}

export interface OfferInput {
  id: string;
  process: string;
  hoursAvailable: number;
  /** Inclusive day numbers; null for an offer without a window. */
  fromDay: number | null;
  toDay: number | null;
  leadTimeDays: number;
  pricePerHour: number;
  certifications: readonly string[];
  district: string;
}

export const MATCH_REASONS = ["process", "window", "hours", "certifications", "district", "price"] as const;
export type MatchReasonCode = (typeof MATCH_REASONS)[number];

export interface MatchReason {
  code: MatchReasonCode;
  /** 0…1, how well the offer meets the RFQ on this point. */
  value: number;
  /** Its weight in the score. */
  weight: number;
  /** The figure behind the value (overlap days, hours, held certifications, price). */
  figure: number;
}

export interface RankedOffer {
  offerId: string;
  score: number;
  reasons: MatchReason[];
}

export const RANK_WEIGHTS: Readonly<Record<Exclude<MatchReasonCode, "process">, number>> = {
  window: 0.3,
  hours: 0.3,
  certifications: 0.15,
  district: 0.1,
  price: 0.15,
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Ranks open offers against an RFQ: only offers of the same process whose window overlaps the
 * RFQ's count; the score weighs window overlap, hours covered, certifications held, same district
 * and price (cheapest = 1). Ties go to the lower price, then the id, so the order is deterministic.
 */
export function rankOffers(rfq: RfqInput, offers: readonly OfferInput[]): RankedOffer[] {
  if (!(rfq.hours > 0)) throw new ExchangeError("INVALID_NUMBER", "hours must be positive", "hours");
  if (rfq.toDay < rfq.fromDay)
    throw new ExchangeError("INVALID_WINDOW", "the window ends before it starts", "toDay");
  const span = rfq.toDay - rfq.fromDay + 1;
  const candidates = offers
    .filter((o) => o.process === rfq.process && o.hoursAvailable > 0)
    .map((o) => {
      const from = Math.max(rfq.fromDay, o.fromDay ?? rfq.today + o.leadTimeDays, rfq.today + o.leadTimeDays);
      const to = Math.min(rfq.toDay, o.toDay ?? rfq.toDay);
      return { o, days: Math.max(0, to - from + 1) };
    })
    .filter((c) => c.days > 0);
  const cheapest = Math.min(...candidates.map((c) => c.o.pricePerHour));
  const ranked = candidates.map(({ o, days }) => {
    const held = rfq.certifications.filter((c) => o.certifications.includes(c)).length;
    const parts: Omit<MatchReason, "weight">[] = [
      { code: "window", value: days / span, figure: days },
      { code: "hours", value: Math.min(1, o.hoursAvailable / rfq.hours), figure: o.hoursAvailable },
      {
        code: "certifications",
        value: rfq.certifications.length === 0 ? 1 : held / rfq.certifications.length,
        figure: held,
      },
      { code: "district", value: rfq.district !== "" && o.district === rfq.district ? 1 : 0, figure: 0 },
      { code: "price", value: o.pricePerHour > 0 ? cheapest / o.pricePerHour : 1, figure: o.pricePerHour },
    ];
    const reasons: MatchReason[] = [
      { code: "process", value: 1, weight: 0, figure: 0 },
      ...parts.map((p) => ({
        ...p,
        value: round(p.value),
        weight: RANK_WEIGHTS[p.code as keyof typeof RANK_WEIGHTS],
      })),
    ];
    const score = round(reasons.reduce((s, r) => s + r.value * r.weight, 0));
    return { offerId: o.id, score, reasons, price: o.pricePerHour };
  });
  ranked.sort((a, b) => b.score - a.score || a.price - b.price || (a.offerId < b.offerId ? -1 : 1));
  return ranked.map(({ price: _p, ...r }) => r);
}
