import { type LotRule, lotQuantities, type MrpInput, resolveLotPolicy } from "@clusterbrain/engine/mrp";

interface NaiveOrder {
  receiptPeriod: number;
  releasePeriod: number;
  quantity: number;
  releaseQuantity: number;
}

interface NaiveItem {
  id: string;
  leadTime: number;
  lotRule?: LotRule;
  safetyStock: number;
  onHand: number;
  keep: number;
  gross: Float64Array;
  receipts: Array<{ period: number; quantity: number }>;
  children: Array<{ child: string; factor: number }>;
  /** What this item's current orders add to each child's gross requirements. */
  sent: Map<string, Float64Array>;
  orders: NaiveOrder[];
}

const EPS = 1e-9;

/**
 * The straightforward way to explode a BOM without low-level codes: walk down from each top
 * item, and every time an item's requirements change re-net it and push the change to its
 * children recursively. Items are keyed by id in Maps and orders are objects. It reaches the same
 * final plan as the level-by-level engine, but an item is re-netted once per path from a root.
 */
export function naiveMrp(input: MrpInput): { orders: Map<string, NaiveOrder[]>; renets: number } {
  const H = input.horizon ?? 1;
  const items = new Map<string, NaiveItem>();
  for (const it of input.items) {
    items.set(it.id, {
      id: it.id,
      leadTime: it.leadTime,
      lotRule: it.lotRule,
      safetyStock: it.safetyStock ?? 0,
      onHand: it.onHand ?? 0,
      keep: 1 - (it.scrap ?? 0),
      gross: new Float64Array(H),
      receipts: [],
      children: [],
      sent: new Map(),
      orders: [],
    });
  }
  const hasParent = new Set<string>();
  for (const line of input.bom) {
    items
      .get(line.parent)!
      .children.push({ child: line.child, factor: line.quantityPer * (1 + (line.scrap ?? 0)) });
    hasParent.add(line.child);
  }
  for (const d of input.demand) items.get(d.item)!.gross[d.period] += d.quantity;
  for (const r of input.receipts ?? [])
    items.get(r.item)!.receipts.push({ period: r.period, quantity: r.quantity });
  for (const it of items.values()) it.receipts.sort((a, b) => a.period - b.period);

  let renets = 0;
  const renet = (it: NaiveItem): void => {
    renets++;
    it.orders = net(it, H);
    const byChild = new Map<string, Float64Array>();
    for (const { child, factor } of it.children) {
      const add = byChild.get(child) ?? new Float64Array(H);
      for (const o of it.orders) add[Math.max(0, o.releasePeriod)] += o.releaseQuantity * factor;
      byChild.set(child, add);
    }
    for (const [child, add] of byChild) {
      const target = items.get(child)!;
      const old = it.sent.get(child);
      for (let t = 0; t < H; t++) target.gross[t] += add[t] - (old ? old[t] : 0);
      it.sent.set(child, add);
      renet(target);
    }
  };
  for (const it of items.values()) if (!hasParent.has(it.id)) renet(it);

  const orders = new Map<string, NaiveOrder[]>();
  for (const it of items.values()) orders.set(it.id, it.orders);
  return { orders, renets };
}

function net(it: NaiveItem, H: number): NaiveOrder[] {
  let total = 0;
  for (let t = 0; t < H; t++) total += it.gross[t];
  const policy = resolveLotPolicy(it.lotRule, total / H);
  const orders: NaiveOrder[] = [];
  const lots: number[] = [];
  let avail = it.onHand;
  let r = 0;
  for (let t = 0; t < H; t++) {
    avail -= it.gross[t];
    while (avail < it.safetyStock - EPS && r < it.receipts.length) avail += it.receipts[r++].quantity;
    if (avail < it.safetyStock - EPS) {
      lots.length = 0;
      lotQuantities(policy, it.safetyStock - avail, it.gross, 0, t, H, lots);
      for (const q of lots) {
        const started = it.keep < 1 ? Math.ceil(q / it.keep - EPS) : q;
        orders.push({
          receiptPeriod: t,
          releasePeriod: t - it.leadTime,
          quantity: q,
          releaseQuantity: started,
        });
        avail += q;
      }
    }
  }
  return orders;
}
