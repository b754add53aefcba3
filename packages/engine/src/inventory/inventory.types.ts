/** Demand per planning period (week, month …): its mean and the σ of the forecast error per period. */
export interface DemandModel {
  meanPerPeriod: number;
  /** σ of one-period forecast error (RMSE of a backtest, or σ of residuals / of demand). */
  errorSdPerPeriod: number;
  /** How many periods make a year (52 for weeks, 12 for months); turns costs into annual figures. */
  periodsPerYear: number;
}

/** Replenishment lead time in periods, optionally uncertain (σ in periods). */
export interface LeadTime {
  mean: number;
  sd?: number;
}

export interface CostModel {
  /** Fixed cost per order (K). */
  orderingCost: number;
  /** Holding cost per unit per year (h). */
  holdingCostPerUnitYear: number;
}

/** Cycle service level α = P(no stockout in a cycle), or fill rate β = share of demand met from stock. */
export type ServiceTarget = { kind: "cycle"; alpha: number } | { kind: "fill"; beta: number };

export interface PolicyInput {
  demand: DemandModel;
  leadTime: LeadTime;
  cost: CostModel;
  target: ServiceTarget;
}

/** Figures every policy reports, in units and money per year. */
export interface PolicyMetrics {
  /** Safety factor z. */
  z: number;
  safetyStock: number;
  /** Mean and σ of demand over the protection interval (L for (s,Q), R+L for (R,S)). */
  protectionMean: number;
  protectionSd: number;
  cycleServiceLevel: number;
  expectedFillRate: number;
  expectedBackordersPerCycle: number;
  ordersPerYear: number;
  annualOrderingCost: number;
  annualHoldingCost: number;
  expectedAnnualCost: number;
}

export interface ContinuousReviewPolicy extends PolicyMetrics {
  kind: "sQ";
  reorderPoint: number;
  orderQuantity: number;
}

export interface PeriodicReviewPolicy extends PolicyMetrics {
  kind: "RS";
  /** Review period R in periods. */
  reviewPeriod: number;
  orderUpTo: number;
}
