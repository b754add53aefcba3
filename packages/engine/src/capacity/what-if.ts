import { CapacityError } from "./capacity.errors.ts";
import type { BalanceOptions, BalanceResult, CapacityInput, UtilisationReport } from "./capacity.types.ts";
import { balanceLoad } from "./load-balance.ts";
import { utilisationReport } from "./utilisation.ts";

/** A capacity change to test: a resource down (capacity 0) or scaled over a period range. */
export interface CapacityChange {
  resource: string;
  from: number;
  to: number;
  /** Share of capacity left: 0 = down (default), 0.5 = half a shift. */
  factor?: number;
}

/** A copy of the input with the changes applied; the input itself is left untouched. */
export function applyCapacityChanges(input: CapacityInput, changes: CapacityChange[]): CapacityInput {
  const resources = input.resources.map((r) => ({
    ...r,
    capacity: Array.isArray(r.capacity)
      ? [...r.capacity]
      : Array.from({ length: input.periods }, () => r.capacity as number),
  }));
  changes.forEach((c, i) => {
    const r = resources.find((x) => x.id === c.resource);
    if (!r)
      throw new CapacityError(
        "UNKNOWN_RESOURCE",
        `what-if names unknown resource ${JSON.stringify(c.resource)}`,
        `changes[${i}].resource`,
      );
    if (
      !Number.isInteger(c.from) ||
      !Number.isInteger(c.to) ||
      c.from < 0 ||
      c.to >= input.periods ||
      c.from > c.to
    ) {
      throw new CapacityError(
        "INVALID_PERIOD",
        `what-if period range ${c.from}–${c.to} is outside 0–${input.periods - 1}`,
        `changes[${i}]`,
      );
    }
    const factor = c.factor ?? 0;
    if (!(factor >= 0))
      throw new CapacityError(
        "INVALID_NUMBER",
        `what-if factor must be ≥ 0 (got ${factor})`,
        `changes[${i}].factor`,
      );
    for (let p = c.from; p <= c.to; p++) r.capacity[p] *= factor;
  });
  return { ...input, resources };
}

/** Where a share of an operation runs (empty list = unscheduled). */
export interface Placed {
  resource: string;
  period: number;
  fraction: number;
}

export interface WhatIfResult {
  base: BalanceResult;
  changed: BalanceResult;
  /** Today's balanced plan measured against the reduced capacity: the problem the change creates. */
  baseUnderChange: UtilisationReport;
  /** changed.after − base.after, utilisation per resource and period (null where either has no capacity). */
  utilisationDelta: Array<Array<number | null>>;
  loadDelta: number[][];
  peakDelta: number;
  /** Operations whose placement differs between the two balanced plans. */
  reassigned: Array<{ order: string; operation: number; before: Placed[]; after: Placed[] }>;
}

function placements(result: BalanceResult): Map<string, Placed[]> {
  const out = new Map<string, Placed[]>();
  for (const a of result.assignments) {
    const key = `${a.order}#${a.operation}`;
    const list = out.get(key) ?? [];
    list.push({ resource: a.resource, period: a.period, fraction: a.fraction });
    out.set(key, list);
  }
  for (const list of out.values())
    list.sort((x, y) => x.resource.localeCompare(y.resource) || x.period - y.period);
  return out;
}

const same = (x: Placed[] = [], y: Placed[] = []) =>
  x.length === y.length &&
  x.every(
    (p, i) =>
      p.resource === y[i].resource && p.period === y[i].period && Math.abs(p.fraction - y[i].fraction) < 1e-6,
  );

/** Balances the plan as is and with the changes, and reports what the changes cost. */
export async function whatIf(
  input: CapacityInput,
  changes: CapacityChange[],
  options: BalanceOptions = {},
): Promise<WhatIfResult> {
  const base = await balanceLoad(input, options);
  const changed = await balanceLoad(applyCapacityChanges(input, changes), {
    ...options,
    reference: base.assignments,
  });
  const utilisationDelta = changed.after.utilisation.map((row, r) =>
    row.map((u, p) => {
      const b = base.after.utilisation[r][p];
      return u === null || b === null ? null : u - b;
    }),
  );
  const loadDelta = changed.after.load.map((row, r) => row.map((l, p) => l - base.after.load[r][p]));
  const before = placements(base);
  const after = placements(changed);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const reassigned = keys
    .filter((key) => !same(before.get(key), after.get(key)))
    .map((key) => {
      const [order, operation] = key.split("#");
      return {
        order,
        operation: Number(operation),
        before: before.get(key) ?? [],
        after: after.get(key) ?? [],
      };
    });
  return {
    base,
    changed,
    baseUnderChange: utilisationReport(base.after.resources, changed.after.capacity, base.assignments),
    utilisationDelta,
    loadDelta,
    peakDelta: changed.after.peakUtilisation - base.after.peakUtilisation,
    reassigned,
  };
}
