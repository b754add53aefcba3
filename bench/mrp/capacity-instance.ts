import type { Assignment, CapacityInput } from "@clusterbrain/engine/capacity";
import { mulberry32 } from "@clusterbrain/engine/shared";

/**
 * A seeded EMS shop: `lines` pairs of interchangeable resources (the second of each pair ~30 %
 * slower), `days` periods of 8 h, orders with an SMT-like and a test-like operation, bunched on
 * a few busy days so the preferred plan is overloaded; each order may move up to ±2 days.
 */
export function capacityInstance(orders: number, days: number, seed: number): CapacityInput {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const resources = ["SMT-A", "SMT-B", "TEST-A", "TEST-B", "PACK-A", "PACK-B"].map((id) => ({
    id,
    capacity: 8,
  }));
  const busy = Array.from({ length: Math.max(1, Math.floor(days / 3)) }, () => int(0, days - 1));
  return {
    periods: days,
    resources,
    orders: Array.from({ length: orders }, (_, i) => {
      const day = rand() < 0.5 ? busy[int(0, busy.length - 1)] : int(0, days - 1);
      const first = int(0, 2) * 2;
      const op = (pair: number) => {
        const hours = int(1, 4);
        return {
          alternatives: [
            { resource: resources[pair].id, hours },
            { resource: resources[pair + 1].id, hours: Math.round(hours * 1.3 * 10) / 10 },
          ],
        };
      };
      return {
        id: `WO-${i}`,
        period: day,
        earliest: Math.max(0, day - 2),
        latest: Math.min(days - 1, day + 2),
        operations: [op(first), op((first + 2) % 6)],
      };
    }),
  };
}

/**
 * Baseline: the usual spreadsheet fix. Visit overloaded cells worst first and move whole
 * operations (largest first) to the least-loaded alternative cell in their window that still has
 * room; stop when no move helps.
 */
export function greedyLevelling(input: CapacityInput): Assignment[] {
  const cap = (r: string, p: number) => {
    const res = input.resources.find((x) => x.id === r)!;
    return Array.isArray(res.capacity) ? res.capacity[p] : res.capacity;
  };
  const load = new Map<string, number>();
  const key = (r: string, p: number) => `${r}@${p}`;
  const plan: Assignment[] = input.orders.flatMap((o) =>
    o.operations.map((op, k) => ({
      order: o.id,
      operation: k,
      resource: op.alternatives[0].resource,
      period: o.period,
      fraction: 1,
      hours: op.alternatives[0].hours,
      preferred: true,
    })),
  );
  for (const a of plan)
    load.set(key(a.resource, a.period), (load.get(key(a.resource, a.period)) ?? 0) + a.hours);
  const byOrder = new Map(input.orders.map((o) => [o.id, o]));
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    const over = [...load]
      .filter(([k, l]) => {
        const [r, p] = k.split("@");
        return l > cap(r, Number(p)) + 1e-9;
      })
      .sort((x, y) => y[1] - x[1]);
    for (const [cell] of over) {
      const ops = plan.filter((a) => key(a.resource, a.period) === cell).sort((x, y) => y.hours - x.hours);
      for (const a of ops) {
        const [r, p] = cell.split("@");
        if ((load.get(cell) ?? 0) <= cap(r, Number(p)) + 1e-9) break;
        const o = byOrder.get(a.order)!;
        let best: { resource: string; period: number; hours: number; util: number } | undefined;
        for (const alt of o.operations[a.operation].alternatives) {
          for (let q = o.earliest ?? o.period; q <= (o.latest ?? o.period); q++) {
            const c = cap(alt.resource, q);
            const l = (load.get(key(alt.resource, q)) ?? 0) + alt.hours;
            if (c <= 0 || l > c + 1e-9 || key(alt.resource, q) === cell) continue;
            if (!best || l / c < best.util)
              best = { resource: alt.resource, period: q, hours: alt.hours, util: l / c };
          }
        }
        if (!best) continue;
        load.set(cell, (load.get(cell) ?? 0) - a.hours);
        load.set(
          key(best.resource, best.period),
          (load.get(key(best.resource, best.period)) ?? 0) + best.hours,
        );
        a.resource = best.resource;
        a.period = best.period;
        a.hours = best.hours;
        a.preferred = false;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return plan;
}
