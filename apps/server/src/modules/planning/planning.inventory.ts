import type {
  InventoryPolicyItem,
  InventoryPolicyQuery,
  InventoryPolicyResult,
} from "@clusterbrain/contracts";
import {
  continuousReview,
  InventoryError,
  type PolicyInput,
  periodicReview,
  sesForecastError,
} from "@clusterbrain/engine/inventory";

const DAY = 86_400_000;
/** Fewest demand periods a policy is computed from. */
export const MIN_POLICY_HISTORY = 4;

export interface InventoryMasterData {
  items: ReadonlyArray<{ code: string; name: string; leadTimeDays: number }>;
  demand: ReadonlyArray<{ item: string; periodDate: string; quantity: number }>;
  stock: ReadonlyArray<{ item: string; quantity: number }>;
  openOrders: ReadonlyArray<{ item: string; quantity: number }>;
}

/** Median spacing of all demand dates in days (30 when there is too little history). */
export function demandPeriodDays(dates: readonly string[]): number {
  const times = [...new Set(dates)].map((d) => Date.parse(`${d}T00:00:00Z`)).sort((a, b) => a - b);
  const gaps = times
    .slice(1)
    .map((t, i) => Math.round((t - times[i]) / DAY))
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 30;
}

const sumBy = (rows: ReadonlyArray<{ item: string; quantity: number }>, item: string) =>
  rows.reduce((a, r) => (r.item === item ? a + r.quantity : a), 0);

/**
 * Inventory policy per item of a firm's planning data: demand mean and per-period error from a
 * one-step-ahead SES backtest of its demand history, lead time from the item master, the same
 * K and h for all items. Items with too little or no demand are listed as skipped with the reason.
 */
export function inventoryPolicies(
  data: InventoryMasterData,
  query: InventoryPolicyQuery,
): InventoryPolicyResult {
  const periodDays = demandPeriodDays(data.demand.map((d) => d.periodDate));
  const items: InventoryPolicyItem[] = [];
  const skipped: InventoryPolicyResult["skipped"] = [];
  for (const item of data.items) {
    const history = data.demand
      .filter((d) => d.item === item.code)
      .sort((a, b) => a.periodDate.localeCompare(b.periodDate))
      .map((d) => d.quantity);
    if (history.length < MIN_POLICY_HISTORY) {
      skipped.push({
        item: item.code,
        reason: `${history.length} periods of demand history, ${MIN_POLICY_HISTORY} needed`,
      });
      continue;
    }
    const { mean, errorSd } = sesForecastError(history);
    if (!(mean > 0)) {
      skipped.push({ item: item.code, reason: "no recent demand" });
      continue;
    }
    const input: PolicyInput = {
      demand: { meanPerPeriod: mean, errorSdPerPeriod: errorSd, periodsPerYear: 365 / periodDays },
      leadTime: { mean: item.leadTimeDays / periodDays },
      cost: { orderingCost: query.orderingCost, holdingCostPerUnitYear: query.holdingCost },
      target:
        query.target === "cycle"
          ? { kind: "cycle", alpha: query.level }
          : { kind: "fill", beta: query.level },
    };
    try {
      const sq = continuousReview(input);
      const rs = periodicReview(input, { reviewPeriod: query.reviewPeriods });
      const metrics = (p: typeof sq | typeof rs) => ({
        safetyStock: p.safetyStock,
        z: p.z,
        expectedFillRate: p.expectedFillRate,
        cycleServiceLevel: p.cycleServiceLevel,
        expectedBackordersPerCycle: p.expectedBackordersPerCycle,
        annualOrderingCost: p.annualOrderingCost,
        annualHoldingCost: p.annualHoldingCost,
        expectedAnnualCost: p.expectedAnnualCost,
      });
      const position = sumBy(data.stock, item.code) + sumBy(data.openOrders, item.code);
      items.push({
        item: item.code,
        name: item.name,
        leadTimeDays: item.leadTimeDays,
        inventoryPosition: position,
        historyPeriods: history.length,
        meanPerPeriod: mean,
        errorSdPerPeriod: errorSd,
        sQ: { reorderPoint: sq.reorderPoint, orderQuantity: sq.orderQuantity, ...metrics(sq) },
        RS: { reviewPeriods: rs.reviewPeriod, orderUpTo: rs.orderUpTo, ...metrics(rs) },
        reorderNow: position <= sq.reorderPoint,
      });
    } catch (err) {
      if (!(err instanceof InventoryError)) throw err;
      skipped.push({ item: item.code, reason: err.message });
    }
  }
  return { periodDays, target: query.target, level: query.level, items, skipped };
}
