/** Inventory policy per item: (s, Q) and (R, S) from a service target, lead time and forecast error. */
export { rmse, sampleSd, sesForecastError } from "./demand-error.ts";
export { InventoryError, type InventoryErrorCode } from "./inventory.errors.ts";
export type {
  ContinuousReviewPolicy,
  CostModel,
  DemandModel,
  LeadTime,
  PeriodicReviewPolicy,
  PolicyInput,
  PolicyMetrics,
  ServiceTarget,
} from "./inventory.types.ts";
export {
  continuousReview,
  eoq,
  inverseNormalLoss,
  normalLoss,
  periodicReview,
  protectionSd,
} from "./policy.ts";
