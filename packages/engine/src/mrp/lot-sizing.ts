import type { LotRule } from "./mrp.types.ts";

/** Numeric form of a lot rule for the netting loop (no per-period object lookups). */
export interface LotPolicy {
  kind: LotRule["kind"];
  /** fixed: lot size; eoq: computed EOQ; poq: periods; min-max: min. */
  a: number;
  /** min-max: max. */
  b: number;
}

const EPS = 1e-9;

/**
 * EOQ = sqrt(2·D·S/H) (Harris 1913) with D the item's mean gross requirement per period, S the
 * setup cost per order and H the holding cost per unit per period; rounded, at least 1.
 */
export function economicOrderQuantity(meanDemand: number, setupCost: number, holdingCost: number): number {
  return Math.max(1, Math.round(Math.sqrt((2 * meanDemand * setupCost) / holdingCost)));
}

export function resolveLotPolicy(rule: LotRule | undefined, meanDemand: number): LotPolicy {
  if (!rule) return { kind: "lot-for-lot", a: 0, b: 0 };
  switch (rule.kind) {
    case "lot-for-lot":
      return { kind: rule.kind, a: 0, b: 0 };
    case "fixed":
      return { kind: rule.kind, a: rule.quantity, b: 0 };
    case "eoq":
      return {
        kind: rule.kind,
        a: economicOrderQuantity(meanDemand, rule.setupCost, rule.holdingCost),
        b: 0,
      };
    case "poq":
      return { kind: rule.kind, a: rule.periods, b: 0 };
    case "min-max":
      return { kind: rule.kind, a: rule.min, b: rule.max };
  }
}

/**
 * Order quantities that cover `shortfall` (the amount projected available falls below safety
 * stock in period t), appended to `out`:
 * - lot-for-lot: exactly the shortfall;
 * - fixed: the smallest whole multiple of the lot size that covers it;
 * - eoq: the EOQ, or the shortfall when it is larger;
 * - poq: the shortfall plus the gross requirements of the next periods−1 periods;
 * - min-max: the shortfall raised to min; above max it is split into max-sized orders plus a remainder (≥ min).
 * When this runs every scheduled receipt of the item has already been pulled in (reschedule
 * assumption), so the POQ cover needs no receipts of its own.
 */
export function lotQuantities(
  policy: LotPolicy,
  shortfall: number,
  gross: Float64Array,
  rowStart: number,
  t: number,
  horizon: number,
  out: number[],
): void {
  switch (policy.kind) {
    case "lot-for-lot":
      out.push(shortfall);
      return;
    case "fixed":
      out.push(Math.ceil(shortfall / policy.a - EPS) * policy.a);
      return;
    case "eoq":
      out.push(Math.max(policy.a, shortfall));
      return;
    case "poq": {
      let q = shortfall;
      const end = Math.min(horizon, t + policy.a);
      for (let k = t + 1; k < end; k++) q += gross[rowStart + k];
      out.push(q);
      return;
    }
    case "min-max": {
      let rest = shortfall;
      while (rest > policy.b + EPS) {
        out.push(policy.b);
        rest -= policy.b;
      }
      if (rest > EPS) out.push(Math.max(policy.a, rest));
      return;
    }
  }
}
