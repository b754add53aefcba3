import { GrowableFloat64, GrowableInt32 } from "./growable.ts";

const EPS = 1e-9;

/**
 * Requirement elements (one per independent demand record and per parent planned order × child)
 * and the single-level links that say which planned order covers which element. Full pegging to
 * top-level demands follows these links upward on request, so the explosion itself stays linear.
 */
export class PegLog {
  readonly period = new GrowableInt32();
  readonly quantity = new GrowableFloat64();
  /** Parent planned order that created a dependent element, −1 for independent demand. */
  readonly parentOrder = new GrowableInt32();
  /** Independent demand record, −1 for dependent requirements. */
  readonly demand = new GrowableInt32();
  private readonly next = new GrowableInt32();
  private readonly head: Int32Array;
  private scratch = new Int32Array(256);
  private bucket = new Int32Array(0);

  readonly linkOrder = new GrowableInt32();
  readonly linkElement = new GrowableInt32();
  readonly linkQuantity = new GrowableFloat64();
  private linkStart: Int32Array | undefined;
  private linkSorted: Int32Array | undefined;
  private readonly cache = new Map<number, Map<number, number>>();

  constructor(itemCount: number) {
    this.head = new Int32Array(itemCount).fill(-1);
  }

  addElement(item: number, period: number, quantity: number, parentOrder: number, demand: number): void {
    const e = this.period.push(period);
    this.quantity.push(quantity);
    this.parentOrder.push(parentOrder);
    this.demand.push(demand);
    this.next.push(this.head[item]);
    this.head[item] = e;
  }

  /** Elements of one item sorted by period, then creation order (independent demand first). */
  elementsOf(item: number, horizon: number): Int32Array {
    let count = 0;
    for (let e = this.head[item]; e !== -1; e = this.next.data[e]) count++;
    if (this.scratch.length < count) this.scratch = new Int32Array(Math.max(count, this.scratch.length * 2));
    if (this.bucket.length < horizon + 1) this.bucket = new Int32Array(horizon + 1);
    const bucket = this.bucket;
    bucket.fill(0, 0, horizon + 1);
    const period = this.period.data;
    for (let e = this.head[item]; e !== -1; e = this.next.data[e]) bucket[period[e] + 1]++;
    for (let t = 0; t < horizon; t++) bucket[t + 1] += bucket[t];
    // The list runs newest first; filling each period's slots from the back keeps creation order.
    for (let t = 0; t < horizon; t++) bucket[t] = bucket[t + 1];
    const out = this.scratch;
    for (let e = this.head[item]; e !== -1; e = this.next.data[e]) out[--bucket[period[e]]] = e;
    return out.subarray(0, count);
  }

  /**
   * FIFO pegging for one item: supplies in arrival order (on hand, then scheduled receipts at the
   * periods they are used, then planned orders) are consumed by the item's requirements in
   * period order. Only planned-order links are kept; they are what pegging needs upward.
   */
  pegItem(
    item: number,
    horizon: number,
    onHand: number,
    receiptPeriods: readonly number[],
    receiptQuantities: readonly number[],
    orderFrom: number,
    orderTo: number,
    orderPeriod: Int32Array,
    orderQuantity: Float64Array,
  ): void {
    const elements = this.elementsOf(item, horizon);
    const quantity = this.quantity.data;
    let ri = 0;
    let oi = orderFrom;
    let supplyOrder = -1; // −1 = on hand or a scheduled receipt
    let remaining = onHand;
    for (let n = 0; n < elements.length; n++) {
      const e = elements[n];
      let need = quantity[e];
      while (need > EPS) {
        if (remaining <= EPS) {
          if (ri < receiptPeriods.length && (oi >= orderTo || receiptPeriods[ri] <= orderPeriod[oi])) {
            remaining = receiptQuantities[ri++];
            supplyOrder = -1;
          } else if (oi < orderTo) {
            supplyOrder = oi;
            remaining = orderQuantity[oi++];
          } else {
            return; // supply exhausted (only rounding dust can be left unpegged)
          }
          continue;
        }
        const take = Math.min(need, remaining);
        if (supplyOrder >= 0) {
          this.linkOrder.push(supplyOrder);
          this.linkElement.push(e);
          this.linkQuantity.push(take);
        }
        need -= take;
        remaining -= take;
      }
    }
  }

  /** Groups links by order once all items are pegged (counting sort). */
  finish(orderCount: number): void {
    const start = new Int32Array(orderCount + 1);
    const order = this.linkOrder.data;
    const n = this.linkOrder.length;
    for (let l = 0; l < n; l++) start[order[l] + 1]++;
    for (let o = 0; o < orderCount; o++) start[o + 1] += start[o];
    const fill = start.slice(0, orderCount);
    const sorted = new Int32Array(n);
    for (let l = 0; l < n; l++) sorted[fill[order[l]]++] = l;
    this.linkStart = start;
    this.linkSorted = sorted;
  }

  get linkCount(): number {
    return this.linkOrder.length;
  }

  /**
   * Top-level demand records an order serves, with quantities in the demanded item's units:
   * a link covering x of a parent order's requirement Q serves x/Q of everything that parent
   * serves. Results are cached per order, so shared parents (common parts) are resolved once.
   */
  demandsOf(order: number): Map<number, number> {
    const cached = this.cache.get(order);
    if (cached) return cached;
    const start = this.linkStart;
    const sorted = this.linkSorted;
    if (!start || !sorted) throw new Error("PegLog.finish() must run before pegging queries");
    const out = new Map<number, number>();
    for (let k = start[order]; k < start[order + 1]; k++) {
      const l = sorted[k];
      const e = this.linkElement.data[l];
      const q = this.linkQuantity.data[l];
      const d = this.demand.data[e];
      if (d >= 0) {
        out.set(d, (out.get(d) ?? 0) + q);
        continue;
      }
      const share = q / this.quantity.data[e];
      for (const [dd, x] of this.demandsOf(this.parentOrder.data[e]))
        out.set(dd, (out.get(dd) ?? 0) + x * share);
    }
    this.cache.set(order, out);
    return out;
  }
}
