/** Shared-capacity exchange: idle machine time from a schedule, and ranked matching of offers to RFQs. */
export { ExchangeError, type ExchangeErrorCode } from "./exchange.errors.ts";
export { type IdleGroup, type IdleMachineInput, idleCapacity, type Span } from "./idle.ts";
export {
  MATCH_REASONS,
  type MatchReason,
  type MatchReasonCode,
  type OfferInput,
  RANK_WEIGHTS,
  type RankedOffer,
  type RfqInput,
  rankOffers,
} from "./rank.ts";
