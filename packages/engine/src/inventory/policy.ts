import { normalCdf, normalQuantile, normalUpperTail } from "../shared/normal.ts";
import { InventoryError } from "./inventory.errors.ts";
import type {
  ContinuousReviewPolicy,
  PeriodicReviewPolicy,
  PolicyInput,
  PolicyMetrics,
  ServiceTarget,
} from "./inventory.types.ts";

const Z_MIN = -10;
const Z_MAX = 10;

/** Standard normal loss G(z) = E[(Z − z)⁺] = φ(z) − z·(1 − Φ(z)). */
export function normalLoss(z: number): number {
  const pdf = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
  return pdf - z * normalUpperTail(z);
}

/** The z with G(z) = g (G falls strictly from +∞ to 0), by bisection; clamped to [−10, 10]. */
export function inverseNormalLoss(g: number): number {
  if (!(g >= 0) || !Number.isFinite(g))
    throw new InventoryError("INVALID_NUMBER", "loss must be a finite number ≥ 0");
  if (g >= normalLoss(Z_MIN)) return Z_MIN;
  if (g <= normalLoss(Z_MAX)) return Z_MAX;
  let lo = Z_MIN;
  let hi = Z_MAX;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (normalLoss(mid) > g) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Economic order quantity √(2KD/h). */
export function eoq(orderingCost: number, annualDemand: number, holdingCostPerUnitYear: number): number {
  return Math.sqrt((2 * orderingCost * annualDemand) / holdingCostPerUnitYear);
}

/** σ of demand over `periods` periods with uncertain lead time: √(T·σ_d² + d²·σ_L²). */
export function protectionSd(
  periods: number,
  meanPerPeriod: number,
  sdPerPeriod: number,
  leadTimeSd = 0,
): number {
  return Math.sqrt(periods * sdPerPeriod ** 2 + meanPerPeriod ** 2 * leadTimeSd ** 2);
}

function requireNumber(value: number, field: string, { positive = false } = {}): void {
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0))
    throw new InventoryError(
      "INVALID_NUMBER",
      `${field} must be a finite number ${positive ? "> 0" : "≥ 0"}`,
      field,
    );
}

function validate(input: PolicyInput): void {
  requireNumber(input.demand.meanPerPeriod, "demand.meanPerPeriod", { positive: true });
  requireNumber(input.demand.errorSdPerPeriod, "demand.errorSdPerPeriod");
  requireNumber(input.demand.periodsPerYear, "demand.periodsPerYear", { positive: true });
  requireNumber(input.leadTime.mean, "leadTime.mean");
  requireNumber(input.leadTime.sd ?? 0, "leadTime.sd");
  requireNumber(input.cost.orderingCost, "cost.orderingCost", { positive: true });
  requireNumber(input.cost.holdingCostPerUnitYear, "cost.holdingCostPerUnitYear", { positive: true });
  const t = input.target;
  const level = t.kind === "cycle" ? t.alpha : t.beta;
  if (!(level > 0 && level < 1))
    throw new InventoryError(
      "INVALID_SERVICE_TARGET",
      `service target ${t.kind === "cycle" ? "alpha" : "beta"} must lie strictly between 0 and 1`,
      `target.${t.kind === "cycle" ? "alpha" : "beta"}`,
    );
}

/** z for the target: Φ⁻¹(α), or the root of G(z) = cycleDemand·(1 − β)/σ. */
function safetyFactor(target: ServiceTarget, sd: number, cycleDemand: number): number {
  if (target.kind === "cycle") return normalQuantile(target.alpha);
  if (sd === 0) return 0;
  return inverseNormalLoss((cycleDemand * (1 - target.beta)) / sd);
}

function metrics(
  input: PolicyInput,
  mean: number,
  sd: number,
  cycleDemand: number,
  ordersPerYear: number,
): PolicyMetrics {
  const z = safetyFactor(input.target, sd, cycleDemand);
  const safetyStock = z * sd;
  const backorders = sd * normalLoss(z);
  const annualOrderingCost = ordersPerYear * input.cost.orderingCost;
  const annualHoldingCost = input.cost.holdingCostPerUnitYear * (cycleDemand / 2 + safetyStock);
  return {
    z,
    safetyStock,
    protectionMean: mean,
    protectionSd: sd,
    cycleServiceLevel: sd === 0 ? 1 : normalCdf(z),
    expectedFillRate: Math.max(0, 1 - backorders / cycleDemand),
    expectedBackordersPerCycle: backorders,
    ordersPerYear,
    annualOrderingCost,
    annualHoldingCost,
    expectedAnnualCost: annualOrderingCost + annualHoldingCost,
  };
}

/**
 * Continuous review (s, Q): Q from the EOQ (or as given), s = mean lead-time demand + z·σ_L.
 * Fill rate 1 − σ_L·G(z)/Q; cost = K·D/Q + h·(Q/2 + safety stock).
 */
export function continuousReview(
  input: PolicyInput,
  options: { orderQuantity?: number } = {},
): ContinuousReviewPolicy {
  validate(input);
  const { demand, leadTime, cost } = input;
  const annualDemand = demand.meanPerPeriod * demand.periodsPerYear;
  if (options.orderQuantity !== undefined)
    requireNumber(options.orderQuantity, "orderQuantity", { positive: true });
  const q = options.orderQuantity ?? eoq(cost.orderingCost, annualDemand, cost.holdingCostPerUnitYear);
  const mean = demand.meanPerPeriod * leadTime.mean;
  const sd = protectionSd(leadTime.mean, demand.meanPerPeriod, demand.errorSdPerPeriod, leadTime.sd);
  const m = metrics(input, mean, sd, q, annualDemand / q);
  return { kind: "sQ", reorderPoint: mean + m.safetyStock, orderQuantity: q, ...m };
}

/**
 * Periodic review (R, S): every R periods order up to S = mean demand over R+L + z·σ_{R+L}.
 * R defaults to the EOQ's time between orders, rounded to whole periods (at least one).
 */
export function periodicReview(
  input: PolicyInput,
  options: { reviewPeriod?: number } = {},
): PeriodicReviewPolicy {
  validate(input);
  const { demand, leadTime, cost } = input;
  const annualDemand = demand.meanPerPeriod * demand.periodsPerYear;
  if (options.reviewPeriod !== undefined)
    requireNumber(options.reviewPeriod, "reviewPeriod", { positive: true });
  const r =
    options.reviewPeriod ??
    Math.max(
      1,
      Math.round(eoq(cost.orderingCost, annualDemand, cost.holdingCostPerUnitYear) / demand.meanPerPeriod),
    );
  const span = r + leadTime.mean;
  const mean = demand.meanPerPeriod * span;
  const sd = protectionSd(span, demand.meanPerPeriod, demand.errorSdPerPeriod, leadTime.sd);
  const m = metrics(input, mean, sd, demand.meanPerPeriod * r, demand.periodsPerYear / r);
  return { kind: "RS", reviewPeriod: r, orderUpTo: mean + m.safetyStock, ...m };
}
