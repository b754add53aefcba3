import { z } from "zod";

/** Service-level target of an inventory policy: cycle service level α or fill rate β. */
export const INVENTORY_TARGETS = ["cycle", "fill"] as const;
export type InventoryTarget = (typeof INVENTORY_TARGETS)[number];

export const inventoryPolicyQuerySchema = z.object({
  target: z.enum(INVENTORY_TARGETS).default("fill"),
  /** α or β, strictly between 0.5 and 1. */
  level: z.coerce.number().gt(0.5).lt(1).default(0.98),
  /** Fixed cost per order (K), the same for every item. */
  orderingCost: z.coerce.number().positive().max(1e9).default(100),
  /** Holding cost per unit and year (h), the same for every item. */
  holdingCost: z.coerce.number().positive().max(1e9).default(1),
  /** Review period R of (R, S) in demand periods; blank = the EOQ's time between orders. */
  reviewPeriods: z.coerce.number().int().min(1).max(52).optional(),
});
export type InventoryPolicyQuery = z.infer<typeof inventoryPolicyQuerySchema>;

const metricsSchema = {
  safetyStock: z.number(),
  z: z.number(),
  expectedFillRate: z.number(),
  cycleServiceLevel: z.number(),
  expectedBackordersPerCycle: z.number(),
  annualOrderingCost: z.number(),
  annualHoldingCost: z.number(),
  expectedAnnualCost: z.number(),
};

export const inventoryPolicyItemSchema = z.object({
  item: z.string(),
  name: z.string(),
  leadTimeDays: z.number(),
  /** On hand plus open purchase/production orders. */
  inventoryPosition: z.number(),
  historyPeriods: z.number().int(),
  meanPerPeriod: z.number(),
  /** σ of the one-step-ahead forecast error per period (SES backtest RMSE). */
  errorSdPerPeriod: z.number(),
  sQ: z.object({ reorderPoint: z.number(), orderQuantity: z.number(), ...metricsSchema }),
  RS: z.object({ reviewPeriods: z.number(), orderUpTo: z.number(), ...metricsSchema }),
  /** The position is at or below s: an order of Q is due now. */
  reorderNow: z.boolean(),
});
export type InventoryPolicyItem = z.infer<typeof inventoryPolicyItemSchema>;

export const inventoryPolicyResultSchema = z.object({
  /** Length of one demand period in days (median spacing of the history). */
  periodDays: z.number(),
  target: z.enum(INVENTORY_TARGETS),
  level: z.number(),
  items: z.array(inventoryPolicyItemSchema),
  /** Items without a policy and why (too little history, no demand). */
  skipped: z.array(z.object({ item: z.string(), reason: z.string() })),
});
export type InventoryPolicyResult = z.infer<typeof inventoryPolicyResultSchema>;
