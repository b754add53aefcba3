import { MrpError, type MrpErrorLocation } from "./mrp.errors.ts";
import type { LotRule, MrpInput } from "./mrp.types.ts";

/** The item index and horizon MRP works with once the input has passed every check. */
export interface ValidatedInput {
  itemIds: string[];
  index: Map<string, number>;
  horizon: number;
}

type Section = MrpErrorLocation["section"];
type Check = "finite" | "non-negative" | "positive" | "whole";

/**
 * One numeric check. Messages and locations are built only on failure: validation runs over
 * every record of large plans, so the happy path must not allocate.
 */
function check(
  value: unknown,
  rule: Check,
  section: Section,
  index: number,
  field: string,
  what: string,
  owner: string,
): number {
  if (typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY) {
    if (rule === "whole" ? Number.isInteger(value) : rule !== "positive" || value > 0) return value;
  } else if (rule === "finite" && typeof value === "number" && Number.isFinite(value)) {
    return value;
  }
  return fail(value, rule, { section, index, field }, `${what} of ${owner}`);
}

function fail(value: unknown, rule: Check, at: MrpErrorLocation, subject: string): never {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MrpError("INVALID_NUMBER", `${subject} must be a finite number (got ${String(value)})`, at);
  }
  if (rule === "whole" && !Number.isInteger(value)) {
    throw new MrpError("INVALID_PERIOD", `${subject} must be a whole number ≥ 0 (got ${value})`, at);
  }
  if (value < 0) {
    throw new MrpError(
      rule === "whole" ? "INVALID_PERIOD" : "NEGATIVE_QUANTITY",
      `${subject} must not be negative (got ${value})`,
      at,
    );
  }
  throw new MrpError("INVALID_NUMBER", `${subject} must be greater than 0`, at);
}

function checkLotRule(rule: LotRule, index: number, item: string): void {
  switch (rule.kind) {
    case "lot-for-lot":
      return;
    case "fixed":
      check(rule.quantity, "positive", "items", index, "lotSize", "fixed lot size", item);
      return;
    case "eoq":
      check(rule.setupCost, "positive", "items", index, "setupCost", "EOQ setup cost", item);
      check(rule.holdingCost, "positive", "items", index, "holdingCost", "EOQ holding cost", item);
      return;
    case "poq":
      if (check(rule.periods, "whole", "items", index, "periods", "POQ periods", item) < 1) {
        throw new MrpError("INVALID_LOT_RULE", `POQ periods of ${item} must be at least 1`, {
          section: "items",
          index,
          field: "periods",
        });
      }
      return;
    case "min-max": {
      const min = check(rule.min, "non-negative", "items", index, "min", "minimum order", item);
      const max = check(rule.max, "positive", "items", index, "max", "maximum order", item);
      if (min > max) {
        throw new MrpError(
          "INVALID_LOT_RULE",
          `minimum order of ${item} (${min}) exceeds its maximum (${max})`,
          {
            section: "items",
            index,
            field: "min",
          },
        );
      }
      return;
    }
    default:
      throw new MrpError("INVALID_LOT_RULE", `unknown lot rule for ${item}`, {
        section: "items",
        index,
        field: "lotRule",
      });
  }
}

function known(index: Map<string, number>, id: string, section: Section, i: number, field: string): void {
  if (!index.has(id))
    throw new MrpError("UNKNOWN_ITEM", `unknown item ${JSON.stringify(id)}`, { section, index: i, field });
}

/** Rejects bad input with a typed error naming the record and field; returns the item index. */
export function validateInput(input: MrpInput): ValidatedInput {
  if (input.items.length === 0) throw new MrpError("EMPTY_INPUT", "no items given");
  const index = new Map<string, number>();
  const itemIds: string[] = [];
  for (let i = 0; i < input.items.length; i++) {
    const item = input.items[i];
    const id = item.id;
    if (typeof id !== "string" || id.trim() === "") {
      throw new MrpError("UNKNOWN_ITEM", "item id must be a non-empty string", {
        section: "items",
        index: i,
        field: "id",
      });
    }
    if (index.has(id))
      throw new MrpError("DUPLICATE_ITEM", `item ${id} is listed twice`, {
        section: "items",
        index: i,
        field: "id",
      });
    index.set(id, i);
    itemIds.push(id);
    check(item.leadTime, "whole", "items", i, "leadTime", "lead time", id);
    check(item.safetyStock ?? 0, "non-negative", "items", i, "safetyStock", "safety stock", id);
    check(item.onHand ?? 0, "non-negative", "items", i, "onHand", "on-hand", id);
    const scrap = check(item.scrap ?? 0, "non-negative", "items", i, "scrap", "scrap", id);
    if (scrap >= 1) {
      throw new MrpError("INVALID_SCRAP", `scrap of ${id} must be below 1 (got ${scrap})`, {
        section: "items",
        index: i,
        field: "scrap",
      });
    }
    if (item.lotRule) checkLotRule(item.lotRule, i, id);
  }

  for (let i = 0; i < input.bom.length; i++) {
    const line = input.bom[i];
    known(index, line.parent, "bom", i, "parent");
    known(index, line.child, "bom", i, "child");
    check(
      line.quantityPer,
      "positive",
      "bom",
      i,
      "quantityPer",
      "quantity per",
      `${line.parent} → ${line.child}`,
    );
    if (line.scrap !== undefined)
      check(
        line.scrap,
        "non-negative",
        "bom",
        i,
        "scrap",
        "component scrap",
        `${line.parent} → ${line.child}`,
      );
  }

  const what = {
    demand: ["demand period", "demand quantity"],
    receipts: ["receipt period", "receipt quantity"],
  } as const;
  let lastPeriod = -1;
  const sections = [
    ["demand", input.demand],
    ["receipts", input.receipts ?? []],
  ] as const;
  for (const [section, list] of sections) {
    for (let i = 0; i < list.length; i++) {
      const rec = list[i];
      known(index, rec.item, section, i, "item");
      const p = check(rec.period, "whole", section, i, "period", what[section][0], rec.item);
      check(rec.quantity, "non-negative", section, i, "quantity", what[section][1], rec.item);
      if (p > lastPeriod) lastPeriod = p;
    }
  }
  let horizon = lastPeriod + 1;
  if (input.horizon !== undefined) {
    horizon = check(input.horizon, "whole", "horizon", 0, "horizon", "horizon", "the plan");
    if (horizon <= lastPeriod) {
      throw new MrpError(
        "INVALID_PERIOD",
        `horizon ${horizon} ends before period ${lastPeriod} used in the input`,
        {
          section: "horizon",
          index: 0,
        },
      );
    }
  }
  return { itemIds, index, horizon: Math.max(1, horizon) };
}
