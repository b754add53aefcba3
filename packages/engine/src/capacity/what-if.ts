import { CapacityError } from "./capacity.errors.ts";
import type { BalanceOptions, BalanceResult, CapacityInput } from "./capacity.types.ts";
import { balanceLoad } from "./load-balance.ts";

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

export interface WhatIfResult {
  base: BalanceResult;
  changed: BalanceResult;
  /** changed.after − base.after, utilisation per resource and period (null where either has no capacity). */
  utilisationDelta: Array<Array<number | null>>;
  loadDelta: number[][];
  peakDelta: number;
  /** Operations whose placement differs between the two balanced plans. */
  reassigned: Array<{ order: string; operation: number; before: string; after: string }>;
}

function placementKey(result: BalanceResult): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const a of result.assignments) {
    const key = `${a.order}#${a.operation}`;
    const list = out.get(key) ?? [];
    list.push(`${a.resource}@${a.period}${a.fraction < 1 - 1e-6 ? `×${a.fraction.toFixed(2)}` : ""}`);
    out.set(key, list);
  }
  return new Map([...out].map(([k, v]) => [k, v.sort().join(" + ")]));
}

/** Balances the plan as is and with the changes, and reports what the changes cost. */
export async function whatIf(
  input: CapacityInput,
  changes: CapacityChange[],
  options: BalanceOptions = {},
): Promise<WhatIfResult> {
  const base = await balanceLoad(input, options);
  const changed = await balanceLoad(applyCapacityChanges(input, changes), options);
  const utilisationDelta = changed.after.utilisation.map((row, r) =>
    row.map((u, p) => {
      const b = base.after.utilisation[r][p];
      return u === null || b === null ? null : u - b;
    }),
  );
  const loadDelta = changed.after.load.map((row, r) => row.map((l, p) => l - base.after.load[r][p]));
  const before = placementKey(base);
  const after = placementKey(changed);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const reassigned = keys
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => {
      const [order, operation] = key.split("#");
      return {
        order,
        operation: Number(operation),
        before: before.get(key) ?? "unscheduled",
        after: after.get(key) ?? "unscheduled",
      };
    });
  return {
    base,
    changed,
    utilisationDelta,
    loadDelta,
    peakDelta: changed.after.peakUtilisation - base.after.peakUtilisation,
    reassigned,
  };
}
