import { MrpError, type MrpErrorLocation } from "./mrp.errors.ts";
import type { LotRule, MrpInput } from "./mrp.types.ts";

/** The item index and horizon MRP works with once the input has passed every check. */
export interface ValidatedInput {
  itemIds: string[];
  index: Map<string, number>;
  horizon: number;
}

function finite(value: unknown, at: MrpErrorLocation, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MrpError("INVALID_NUMBER", `${what} must be a finite number (got ${String(value)})`, at);
  }
  return value;
}

function nonNegative(value: unknown, at: MrpErrorLocation, what: string): number {
  const v = finite(value, at, what);
  if (v < 0) throw new MrpError("NEGATIVE_QUANTITY", `${what} must not be negative (got ${v})`, at);
  return v;
}

function positive(value: unknown, at: MrpErrorLocation, what: string): number {
  const v = nonNegative(value, at, what);
  if (v === 0) throw new MrpError("INVALID_NUMBER", `${what} must be greater than 0`, at);
  return v;
}

function wholeNumber(value: unknown, at: MrpErrorLocation, what: string): number {
  const v = finite(value, at, what);
  if (!Number.isInteger(v) || v < 0) {
    throw new MrpError("INVALID_PERIOD", `${what} must be a whole number ≥ 0 (got ${v})`, at);
  }
  return v;
}

function checkLotRule(rule: LotRule, at: MrpErrorLocation, item: string): void {
  const where = (field: string): MrpErrorLocation => ({ ...at, field });
  switch (rule.kind) {
    case "lot-for-lot":
      return;
    case "fixed":
      positive(rule.quantity, where("lotSize"), `fixed lot size of ${item}`);
      return;
    case "eoq":
      positive(rule.setupCost, where("setupCost"), `EOQ setup cost of ${item}`);
      positive(rule.holdingCost, where("holdingCost"), `EOQ holding cost of ${item}`);
      return;
    case "poq": {
      const p = wholeNumber(rule.periods, where("periods"), `POQ periods of ${item}`);
      if (p < 1)
        throw new MrpError("INVALID_LOT_RULE", `POQ periods of ${item} must be at least 1`, where("periods"));
      return;
    }
    case "min-max": {
      const min = nonNegative(rule.min, where("min"), `minimum order of ${item}`);
      const max = positive(rule.max, where("max"), `maximum order of ${item}`);
      if (min > max) {
        throw new MrpError(
          "INVALID_LOT_RULE",
          `minimum order of ${item} (${min}) exceeds its maximum (${max})`,
          where("min"),
        );
      }
      return;
    }
    default:
      throw new MrpError("INVALID_LOT_RULE", `unknown lot rule for ${item}`, where("lotRule"));
  }
}

/** Rejects bad input with a typed error naming the record and field; returns the item index. */
export function validateInput(input: MrpInput): ValidatedInput {
  if (input.items.length === 0) throw new MrpError("EMPTY_INPUT", "no items given");
  const index = new Map<string, number>();
  const itemIds: string[] = [];
  input.items.forEach((item, i) => {
    const at = (field: string): MrpErrorLocation => ({ section: "items", index: i, field });
    if (typeof item.id !== "string" || item.id.trim() === "") {
      throw new MrpError("UNKNOWN_ITEM", "item id must be a non-empty string", at("id"));
    }
    if (index.has(item.id)) throw new MrpError("DUPLICATE_ITEM", `item ${item.id} is listed twice`, at("id"));
    index.set(item.id, i);
    itemIds.push(item.id);
    wholeNumber(item.leadTime, at("leadTime"), `lead time of ${item.id}`);
    nonNegative(item.safetyStock ?? 0, at("safetyStock"), `safety stock of ${item.id}`);
    nonNegative(item.onHand ?? 0, at("onHand"), `on-hand of ${item.id}`);
    const scrap = nonNegative(item.scrap ?? 0, at("scrap"), `scrap of ${item.id}`);
    if (scrap >= 1)
      throw new MrpError("INVALID_SCRAP", `scrap of ${item.id} must be below 1 (got ${scrap})`, at("scrap"));
    if (item.lotRule) checkLotRule(item.lotRule, { section: "items", index: i }, item.id);
  });

  const known = (id: string, at: MrpErrorLocation): void => {
    if (!index.has(id)) throw new MrpError("UNKNOWN_ITEM", `unknown item ${JSON.stringify(id)}`, at);
  };
  input.bom.forEach((line, i) => {
    const at = (field: string): MrpErrorLocation => ({ section: "bom", index: i, field });
    known(line.parent, at("parent"));
    known(line.child, at("child"));
    positive(line.quantityPer, at("quantityPer"), `quantity per of ${line.parent} → ${line.child}`);
    nonNegative(line.scrap ?? 0, at("scrap"), `component scrap of ${line.parent} → ${line.child}`);
  });

  let lastPeriod = -1;
  const records = [
    ["demand", input.demand],
    ["receipts", input.receipts ?? []],
  ] as const;
  for (const [section, list] of records) {
    list.forEach((rec, i) => {
      const at = (field: string): MrpErrorLocation => ({ section, index: i, field });
      known(rec.item, at("item"));
      const p = wholeNumber(rec.period, at("period"), `period of ${section} record for ${rec.item}`);
      nonNegative(rec.quantity, at("quantity"), `quantity of ${section} record for ${rec.item}`);
      if (p > lastPeriod) lastPeriod = p;
    });
  }
  let horizon = lastPeriod + 1;
  if (input.horizon !== undefined) {
    const at: MrpErrorLocation = { section: "horizon", index: 0 };
    horizon = wholeNumber(input.horizon, at, "horizon");
    if (horizon <= lastPeriod) {
      throw new MrpError(
        "INVALID_PERIOD",
        `horizon ${horizon} ends before period ${lastPeriod} used in the input`,
        at,
      );
    }
  }
  if (horizon < 1) horizon = 1;
  return { itemIds, index, horizon };
}
