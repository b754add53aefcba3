import { buildBomGraph } from "./bom-graph.ts";
import { GrowableFloat64, GrowableInt32 } from "./growable.ts";
import { lotQuantities, resolveLotPolicy } from "./lot-sizing.ts";
import type { ActionMessage, DemandPeg, MrpException, MrpInput, PlannedOrder } from "./mrp.types.ts";
import { PegLog } from "./pegging.ts";
import { validateInput } from "./validate-input.ts";

const EPS = 1e-9;

/**
 * Result of one regenerative MRP run. Per-period grids are row-major item × period
 * (value for item i, period t at [i * horizon + t]); use `rowOf` to read one item.
 */
export interface MrpPlan {
  horizon: number;
  itemIds: string[];
  lowLevelCode: Int32Array;
  maxLevel: number;
  grossRequirements: Float64Array;
  /** Open orders at the periods they are currently due. */
  scheduledReceipts: Float64Array;
  /** Projected available at period end, assuming the action messages are carried out. */
  projectedOnHand: Float64Array;
  netRequirements: Float64Array;
  plannedReceipts: Float64Array;
  /** Planned releases; releases already past due are shown in period 0. */
  plannedReleases: Float64Array;
  /** Planned orders as columns (index = order number), grouped by item in low-level-code order. */
  orderColumns: PlannedOrderColumns;
  /** The same orders as objects, built on first access. */
  readonly orders: PlannedOrder[];
  /** Period each scheduled receipt (input order) is needed, −1 if not needed at all. */
  receiptNeedPeriod: Int32Array;
  actions: ActionMessage[];
  exceptions: MrpException[];
  /** Top-level demand records an order serves (full pegging, computed on request). */
  pegsOf(order: number): DemandPeg[];
  /** Number of single-level pegging links stored. */
  pegLinkCount: number;
}

export interface PlannedOrderColumns {
  item: Int32Array;
  receiptPeriod: Int32Array;
  releasePeriod: Int32Array;
  quantity: Float64Array;
  releaseQuantity: Float64Array;
}

function materialiseOrders(c: PlannedOrderColumns, itemIds: string[]): PlannedOrder[] {
  const orders: PlannedOrder[] = [];
  for (let o = 0; o < c.item.length; o++) {
    orders.push({
      index: o,
      item: itemIds[c.item[o]],
      receiptPeriod: c.receiptPeriod[o],
      releasePeriod: c.releasePeriod[o],
      quantity: c.quantity[o],
      releaseQuantity: c.releaseQuantity[o],
    });
  }
  return orders;
}

export function rowOf(plan: MrpPlan, grid: Float64Array, item: string): Float64Array {
  const i = plan.itemIds.indexOf(item);
  if (i < 0) throw new RangeError(`unknown item ${item}`);
  return grid.subarray(i * plan.horizon, (i + 1) * plan.horizon);
}

/**
 * Regenerative MRP: items are planned level by level in low-level-code order, so every parent's
 * planned releases are final before a child is netted (Orlicky 1975). Per item: gross-to-net with
 * safety stock, scheduled receipts pulled in when needed (the reschedule assumption, which raises
 * expedite/defer/cancel messages), lot sizing, lead-time offsetting, then explosion into the
 * children's gross requirements at the release period.
 */
export interface MrpOptions {
  /** Keep the links that trace orders back to demand (default true); off saves time and memory. */
  pegging?: boolean;
}

export function runMrp(input: MrpInput, options: MrpOptions = {}): MrpPlan {
  const pegging = options.pegging ?? true;
  const { itemIds, index, horizon: H } = validateInput(input);
  const graph = buildBomGraph(itemIds, index, input.bom);
  const N = itemIds.length;
  const items = input.items;
  const receipts = input.receipts ?? [];

  const gross = new Float64Array(N * H);
  const scheduled = new Float64Array(N * H);
  const projected = new Float64Array(N * H);
  const net = new Float64Array(N * H);
  const plannedReceipts = new Float64Array(N * H);
  const plannedReleases = new Float64Array(N * H);
  const peg = new PegLog(N);

  for (let k = 0; k < input.demand.length; k++) {
    const d = input.demand[k];
    const i = index.get(d.item)!;
    gross[i * H + d.period] += d.quantity;
    if (pegging) peg.addElement(i, d.period, d.quantity, -1, k);
  }

  // Receipts grouped by item in due order (stable), as CSR.
  const receiptStart = new Int32Array(N + 1);
  const receiptItem = new Int32Array(receipts.length);
  for (let k = 0; k < receipts.length; k++) {
    const r = receipts[k];
    receiptItem[k] = index.get(r.item)!;
    receiptStart[receiptItem[k] + 1]++;
    scheduled[receiptItem[k] * H + r.period] += r.quantity;
  }
  for (let i = 0; i < N; i++) receiptStart[i + 1] += receiptStart[i];
  const receiptFill = receiptStart.slice(0, N);
  const receiptList = new Int32Array(receipts.length);
  const byDue = Array.from(receipts.keys()).sort((a, b) => receipts[a].period - receipts[b].period || a - b);
  for (const k of byDue) receiptList[receiptFill[receiptItem[k]]++] = k;
  const receiptNeedPeriod = new Int32Array(receipts.length).fill(-1);

  const oItem = new GrowableInt32();
  const oReceipt = new GrowableInt32();
  const oRelease = new GrowableInt32();
  const oQty = new GrowableFloat64();
  const oRelQty = new GrowableFloat64();
  const lots: number[] = [];
  const usedPeriods: number[] = [];
  const usedQuantities: number[] = [];
  const exceptions: MrpException[] = [];
  const { childStart, childIndex, childFactor } = graph;

  for (let pos = 0; pos < N; pos++) {
    const i = graph.processingOrder[pos];
    const item = items[i];
    const base = i * H;
    const ss = item.safetyStock ?? 0;
    const onHand = item.onHand ?? 0;
    const lead = item.leadTime;
    const keep = 1 - (item.scrap ?? 0);
    let total = 0;
    for (let t = 0; t < H; t++) total += gross[base + t];
    const policy = resolveLotPolicy(item.lotRule, total / H);
    if (onHand < ss - EPS)
      exceptions.push({ kind: "below-safety-stock-at-start", item: item.id, value: ss - onHand });

    let avail = onHand;
    let nextReceipt = receiptStart[i];
    const receiptEnd = receiptStart[i + 1];
    const firstOrder = oItem.length;
    let earliestRelease = 0;
    usedPeriods.length = 0;
    usedQuantities.length = 0;
    for (let t = 0; t < H; t++) {
      avail += plannedReceipts[base + t] - gross[base + t];
      while (avail < ss - EPS && nextReceipt < receiptEnd) {
        const k = receiptList[nextReceipt++];
        receiptNeedPeriod[k] = t;
        avail += receipts[k].quantity;
        usedPeriods.push(t);
        usedQuantities.push(receipts[k].quantity);
      }
      if (avail < ss - EPS) {
        const shortfall = ss - avail;
        net[base + t] = shortfall;
        lots.length = 0;
        lotQuantities(policy, shortfall, gross, base, t, H, lots);
        const release = t - lead;
        if (release < earliestRelease) earliestRelease = release;
        for (const q of lots) {
          // Scrap grosses the start quantity up; whole units so the good yield still covers q.
          const started = keep < 1 ? Math.ceil(q / keep - EPS) : q;
          oItem.push(i);
          oReceipt.push(t);
          oRelease.push(release);
          oQty.push(q);
          oRelQty.push(started);
          plannedReceipts[base + t] += q;
          plannedReleases[base + Math.max(release, 0)] += started;
          avail += q;
        }
      }
      projected[base + t] = avail;
    }
    if (earliestRelease < 0)
      exceptions.push({ kind: "past-due-release", item: item.id, value: earliestRelease });
    const lastOrder = oItem.length;
    if (pegging)
      peg.pegItem(i, H, onHand, usedPeriods, usedQuantities, firstOrder, lastOrder, oReceipt.data, oQty.data);

    // Children need their components when the parent order is released (past due → now).
    for (let o = firstOrder; o < lastOrder; o++) {
      const r = oRelease.data[o];
      const p = Math.max(r, 0);
      const started = oRelQty.data[o];
      for (let k = childStart[i]; k < childStart[i + 1]; k++) {
        const c = childIndex[k];
        const q = started * childFactor[k];
        gross[c * H + p] += q;
        if (pegging) peg.addElement(c, p, q, o, -1);
      }
    }
  }
  const orderCount = oItem.length;
  peg.finish(orderCount);

  const columns: PlannedOrderColumns = {
    item: oItem.view(),
    receiptPeriod: oReceipt.view(),
    releasePeriod: oRelease.view(),
    quantity: oQty.view(),
    releaseQuantity: oRelQty.view(),
  };
  const actions = actionMessages(columns, itemIds, input, receiptNeedPeriod);
  let orders: PlannedOrder[] | undefined;
  const demand = input.demand;
  return {
    horizon: H,
    itemIds,
    lowLevelCode: graph.lowLevelCode,
    maxLevel: graph.maxLevel,
    grossRequirements: gross,
    scheduledReceipts: scheduled,
    projectedOnHand: projected,
    netRequirements: net,
    plannedReceipts,
    plannedReleases,
    orderColumns: columns,
    get orders(): PlannedOrder[] {
      orders ??= materialiseOrders(columns, itemIds);
      return orders;
    },
    receiptNeedPeriod,
    actions,
    exceptions,
    pegLinkCount: peg.linkCount,
    pegsOf(order: number): DemandPeg[] {
      if (!pegging) throw new RangeError("pegging was switched off for this run");
      return [...peg.demandsOf(order)]
        .sort((a, b) => a[0] - b[0])
        .map(([k, quantity]) => ({
          demand: k,
          demandId: demand[k].id ?? `D${k + 1}`,
          item: demand[k].item,
          period: demand[k].period,
          quantity,
        }));
    },
  };
}

/**
 * Release: a planned order whose release period is now (0). Expedite: a planned order already
 * past due, or a scheduled receipt needed before it is due. Defer: a receipt due before it is
 * needed. Cancel: a receipt not needed within the horizon.
 */
function actionMessages(
  c: PlannedOrderColumns,
  itemIds: string[],
  input: MrpInput,
  needPeriod: Int32Array,
): ActionMessage[] {
  const actions: ActionMessage[] = [];
  for (let o = 0; o < c.item.length; o++) {
    const release = c.releasePeriod[o];
    if (release > 0) continue;
    actions.push({
      kind: release === 0 ? "release" : "expedite",
      item: itemIds[c.item[o]],
      target: "planned-order",
      ref: o,
      quantity: c.releaseQuantity[o],
      fromPeriod: release,
      toPeriod: 0,
    });
  }
  const receipts = input.receipts ?? [];
  for (let k = 0; k < receipts.length; k++) {
    const r = receipts[k];
    const need = needPeriod[k];
    const base = {
      item: r.item,
      target: "scheduled-receipt" as const,
      ref: k,
      quantity: r.quantity,
      fromPeriod: r.period,
    };
    if (need < 0) actions.push({ kind: "cancel", ...base });
    else if (need < r.period) actions.push({ kind: "expedite", ...base, toPeriod: need });
    else if (need > r.period) actions.push({ kind: "defer", ...base, toPeriod: need });
  }
  return actions;
}
