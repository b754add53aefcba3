import { CapacityError } from "./capacity.errors.ts";
import type { CapacityInput } from "./capacity.types.ts";

function nonNegative(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new CapacityError(
      "INVALID_NUMBER",
      `${path} must be a finite number ≥ 0 (got ${String(value)})`,
      path,
    );
  }
  return value;
}

function period(value: unknown, periods: number, path: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= periods) {
    throw new CapacityError(
      "INVALID_PERIOD",
      `${path} must be a period between 0 and ${periods - 1} (got ${String(value)})`,
      path,
    );
  }
  return value;
}

/** Capacity grid resource × period once the input has passed every check. */
export function validateCapacityInput(input: CapacityInput): number[][] {
  if (!Number.isInteger(input.periods) || input.periods < 1) {
    throw new CapacityError(
      "INVALID_PERIOD",
      `periods must be a whole number ≥ 1 (got ${input.periods})`,
      "periods",
    );
  }
  const resources = new Set<string>();
  const grid = input.resources.map((r, i) => {
    if (resources.has(r.id))
      throw new CapacityError("DUPLICATE_ID", `resource ${r.id} is listed twice`, `resources[${i}].id`);
    resources.add(r.id);
    if (Array.isArray(r.capacity)) {
      if (r.capacity.length !== input.periods) {
        throw new CapacityError(
          "INVALID_NUMBER",
          `resource ${r.id} gives ${r.capacity.length} capacities for ${input.periods} periods`,
          `resources[${i}].capacity`,
        );
      }
      return r.capacity.map((c, p) => nonNegative(c, `resources[${i}].capacity[${p}]`));
    }
    const c = nonNegative(r.capacity, `resources[${i}].capacity`);
    return Array.from({ length: input.periods }, () => c);
  });
  const orders = new Set<string>();
  input.orders.forEach((o, i) => {
    const at = `orders[${i}]`;
    if (orders.has(o.id))
      throw new CapacityError("DUPLICATE_ID", `order ${o.id} is listed twice`, `${at}.id`);
    orders.add(o.id);
    const p = period(o.period, input.periods, `${at}.period`);
    const lo = period(o.earliest ?? p, input.periods, `${at}.earliest`);
    const hi = period(o.latest ?? p, input.periods, `${at}.latest`);
    if (lo > p || p > hi) {
      throw new CapacityError(
        "INVALID_PERIOD",
        `order ${o.id}: need earliest ≤ period ≤ latest (${lo} ≤ ${p} ≤ ${hi})`,
        `${at}.period`,
      );
    }
    o.operations.forEach((op, k) => {
      if (op.alternatives.length === 0) {
        throw new CapacityError(
          "NO_ALTERNATIVE",
          `order ${o.id} operation ${k + 1} has no resource`,
          `${at}.operations[${k}]`,
        );
      }
      op.alternatives.forEach((a, j) => {
        const path = `${at}.operations[${k}].alternatives[${j}]`;
        if (!resources.has(a.resource)) {
          throw new CapacityError(
            "UNKNOWN_RESOURCE",
            `order ${o.id} uses unknown resource ${JSON.stringify(a.resource)}`,
            `${path}.resource`,
          );
        }
        nonNegative(a.hours, `${path}.hours`);
        if (a.cost !== undefined) nonNegative(a.cost, `${path}.cost`);
      });
    });
  });
  return grid;
}
