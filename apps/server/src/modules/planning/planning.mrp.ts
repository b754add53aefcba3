import type {
  PlanningBomLine,
  PlanningCustomerOrder,
  PlanningItem,
  PlanningMrpResult,
  PlanningOpenOrder,
  PlanningStock,
} from "@clusterbrain/contracts";
import {
  type BomLine,
  type DemandRecord,
  type LotRule,
  MrpError,
  type MrpItem,
  runMrp,
  type ScheduledReceipt,
} from "@clusterbrain/engine/mrp";
import { ConflictError } from "../../errors/index.ts";
import { addMonths } from "./planning.forecast.ts";

/** Everything one MRP run reads, already validated by the contracts' schemas. */
export interface MrpMasterData {
  items: PlanningItem[];
  bom: PlanningBomLine[];
  stock: PlanningStock[];
  openOrders: PlanningOpenOrder[];
  customerOrders: PlanningCustomerOrder[];
  /** Planned forecast quantity (override or mean) per item and date. */
  forecasts: { item: string; date: string; quantity: number }[];
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const DAYS_PER_PERIOD = 30;

function lotRule(item: PlanningItem): LotRule {
  const q = item.lotQuantity ?? 1;
  switch (item.lotRule) {
    case "fixed":
      return { kind: "fixed", quantity: q };
    case "poq":
      return { kind: "poq", periods: q };
    case "min-max":
      return { kind: "min-max", min: q, max: item.lotMax ?? q };
    default:
      return { kind: "lot-for-lot" };
  }
}

/** Per parent, the lines of the newest BOM version in effect on `date`. */
export function effectiveBom(lines: readonly PlanningBomLine[], date: string): PlanningBomLine[] {
  const live = lines.filter(
    (l) => l.effectiveFrom <= date && (l.effectiveTo === undefined || l.effectiveTo >= date),
  );
  const chosen = new Map<string, { from: string; version: string }>();
  for (const l of live) {
    const c = chosen.get(l.parent);
    if (!c || l.effectiveFrom > c.from || (l.effectiveFrom === c.from && l.version > c.version))
      chosen.set(l.parent, { from: l.effectiveFrom, version: l.version });
  }
  return live.filter((l) => chosen.get(l.parent)?.version === l.version);
}

/**
 * A regenerative MRP over monthly buckets from `start` (YYYY-MM-01): customer orders are demand as
 * themselves (so pegging names them); the forecast adds only what the orders of that month do not
 * already consume, rounded up to whole units. Lead times are whole months (days / 30, rounded up);
 * due dates before the start fall in the first bucket; a release before the start is shown at its
 * real (past) month and flagged past due.
 */
export function planMrp(data: MrpMasterData, start: string, horizon: number): PlanningMrpResult {
  const s = monthIndex(start);
  const periods = Array.from({ length: horizon }, (_, p) => addMonths(start, p));
  if (data.items.length === 0) return { periods, plannedOrders: [], actions: [], exceptions: [] };
  const bucket = (date: string) => Math.max(0, monthIndex(date) - s);
  const dateOf = (p: number) => addMonths(start, p);

  const onHand = new Map<string, number>();
  for (const st of data.stock) onHand.set(st.item, (onHand.get(st.item) ?? 0) + st.quantity);
  const items: MrpItem[] = data.items.map((it) => ({
    id: it.code,
    name: it.name,
    leadTime: Math.ceil(it.leadTimeDays / DAYS_PER_PERIOD),
    lotRule: lotRule(it),
    safetyStock: it.safetyStock,
    onHand: onHand.get(it.code) ?? 0,
  }));
  const bom: BomLine[] = effectiveBom(data.bom, start).map((l) => ({
    parent: l.parent,
    child: l.component,
    quantityPer: l.qtyPer,
  }));

  const demand: DemandRecord[] = [];
  const ordered = new Map<string, number>();
  for (const o of data.customerOrders) {
    const p = bucket(o.dueDate);
    if (p >= horizon) continue;
    demand.push({ id: o.orderNo, item: o.item, period: p, quantity: o.quantity });
    ordered.set(`${o.item}|${p}`, (ordered.get(`${o.item}|${p}`) ?? 0) + o.quantity);
  }
  for (const f of data.forecasts) {
    const p = monthIndex(f.date) - s;
    if (p < 0 || p >= horizon) continue;
    const rest = Math.ceil(f.quantity - (ordered.get(`${f.item}|${p}`) ?? 0) - 1e-9);
    if (rest > 0)
      demand.push({
        id: `forecast ${f.item} ${dateOf(p).slice(0, 7)}`,
        item: f.item,
        period: p,
        quantity: rest,
      });
  }
  const receipts: ScheduledReceipt[] = data.openOrders
    .filter((o) => bucket(o.dueDate) < horizon)
    .map((o) => ({ id: o.orderNo, item: o.item, period: bucket(o.dueDate), quantity: o.quantity }));

  let plan: ReturnType<typeof runMrp>;
  try {
    plan = runMrp({ items, bom, demand, receipts, horizon });
  } catch (err) {
    if (err instanceof MrpError) throw new ConflictError(`MRP: ${err.message}`);
    throw err;
  }
  return {
    periods,
    plannedOrders: plan.orders.map((o) => ({
      index: o.index,
      item: o.item,
      releaseDate: dateOf(o.releasePeriod),
      receiptDate: dateOf(o.receiptPeriod),
      pastDue: o.releasePeriod < 0,
      quantity: o.quantity,
      pegs: plan.pegsOf(o.index).map((g) => ({
        demandId: g.demandId,
        item: g.item,
        date: dateOf(g.period),
        quantity: g.quantity,
      })),
    })),
    actions: plan.actions.map((a) => ({
      kind: a.kind,
      item: a.item,
      orderNo: a.target === "scheduled-receipt" ? (receipts[a.ref]?.id ?? null) : null,
      quantity: a.quantity,
      fromDate: dateOf(a.fromPeriod),
      toDate: a.toPeriod === undefined ? null : dateOf(a.toPeriod),
    })),
    exceptions: plan.exceptions.map((e) => ({ kind: e.kind, item: e.item, value: e.value })),
  };
}
