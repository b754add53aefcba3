/**
 * Public types of the MRP engine. Periods are 0-based bucket indices inside the engine;
 * files and the CLI show them 1-based.
 */

/** How a net requirement becomes an order quantity (see lot-sizing.ts for the exact rules). */
export type LotRule =
  | { kind: "lot-for-lot" }
  /** Order whole multiples of `quantity` (batch or pack size). */
  | { kind: "fixed"; quantity: number }
  /** Economic order quantity sqrt(2·D·S/H) with D the mean gross requirement per period. */
  | { kind: "eoq"; setupCost: number; holdingCost: number }
  /** Period order quantity: cover the net requirements of `periods` consecutive periods. */
  | { kind: "poq"; periods: number }
  /** Orders between `min` and `max`; a larger need is split into several orders. */
  | { kind: "min-max"; min: number; max: number };

export interface MrpItem {
  id: string;
  name?: string;
  /** Lead time in periods (release → receipt). */
  leadTime: number;
  lotRule?: LotRule;
  safetyStock?: number;
  onHand?: number;
  /** Assembly scrap: fraction of a started order that is lost (0 ≤ scrap < 1). */
  scrap?: number;
}

export interface BomLine {
  parent: string;
  child: string;
  /** Units of child per unit of parent started. */
  quantityPer: number;
  /** Component scrap: extra fraction of the child consumed (0 ≤ scrap). */
  scrap?: number;
}

export interface DemandRecord {
  /** Optional caller id (e.g. a sales order); defaults to "D<index+1>". */
  id?: string;
  item: string;
  period: number;
  quantity: number;
}

export interface ScheduledReceipt {
  id?: string;
  item: string;
  /** Period the open order is currently due. */
  period: number;
  quantity: number;
}

export interface MrpInput {
  items: MrpItem[];
  bom: BomLine[];
  demand: DemandRecord[];
  receipts?: ScheduledReceipt[];
  /** Number of periods; defaults to one past the latest demand or receipt period. */
  horizon?: number;
}

export interface PlannedOrder {
  /** Index in MrpPlan.orders. */
  index: number;
  item: string;
  /** Period the order must arrive (planned order receipt). */
  receiptPeriod: number;
  /** receiptPeriod − lead time; negative means the release is already past due. */
  releasePeriod: number;
  /** Good quantity received. */
  quantity: number;
  /** Quantity started (quantity grossed up for assembly scrap, whole units when scrap > 0). */
  releaseQuantity: number;
}

export type ActionKind = "release" | "expedite" | "defer" | "cancel";

export interface ActionMessage {
  kind: ActionKind;
  item: string;
  target: "planned-order" | "scheduled-receipt";
  /** Index into MrpPlan.orders or into the input receipts. */
  ref: number;
  quantity: number;
  /** Current period (release period for planned orders, due period for receipts). */
  fromPeriod: number;
  /** Period it should move to (need period); equals fromPeriod for release, absent for cancel. */
  toPeriod?: number;
}

export type ExceptionKind = "past-due-release" | "below-safety-stock-at-start";

/** Conditions a planner should look at; one per item and kind. */
export interface MrpException {
  kind: ExceptionKind;
  item: string;
  /** past-due-release: the earliest (most negative) release period; below-safety-stock: the shortfall. */
  value: number;
}

/** One top-level demand an order serves, in units of the demanded item. */
export interface DemandPeg {
  demand: number;
  demandId: string;
  item: string;
  period: number;
  quantity: number;
}
