import { mrpJobInputSchema } from "@clusterbrain/contracts";
import { type LotRule, type MrpInput, runMrp } from "@clusterbrain/engine/mrp";
import type { KindRunner } from "../job.protocol.ts";
import { mulberry32 } from "./random.ts";

/**
 * A layered synthetic BOM: items split evenly over `levels`, each below the top with one parent
 * in the level above (plus a random second one), mixed lot rules and lead times, and demand on
 * the top level in most periods. Enough to exercise a real MRP run from the web without a file.
 */
export function generateMrpInput(items: number, levels: number, periods: number, seed: number): MrpInput {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const depth = Math.min(levels, items);
  const perLevel = Math.max(1, Math.floor(items / depth));
  const levelOf = (i: number) => Math.min(depth - 1, Math.floor(i / perLevel));
  const id = (i: number) => `P${String(i).padStart(5, "0")}`;
  const rules: LotRule[] = [
    { kind: "lot-for-lot" },
    { kind: "fixed", quantity: 100 },
    { kind: "poq", periods: 3 },
    { kind: "eoq", setupCost: 200, holdingCost: 2 },
  ];
  const bom: MrpInput["bom"] = [];
  for (let c = perLevel; c < items; c++) {
    const above = levelOf(c) - 1;
    const first = above * perLevel;
    const parent = first + int(0, perLevel - 1);
    bom.push({ parent: id(parent), child: id(c), quantityPer: int(1, 3) });
    const other = first + int(0, perLevel - 1);
    if (rand() < 0.5 && other !== parent) {
      bom.push({ parent: id(other), child: id(c), quantityPer: 1 });
    }
  }
  const demand: MrpInput["demand"] = [];
  for (let i = 0; i < Math.min(perLevel, items); i++) {
    for (let t = 0; t < periods; t++)
      if (rand() < 0.7) demand.push({ item: id(i), period: t, quantity: int(5, 60) });
  }
  return {
    items: Array.from({ length: items }, (_, i) => ({
      id: id(i),
      leadTime: int(0, 2),
      lotRule: rules[int(0, rules.length - 1)],
      onHand: int(0, 100),
    })),
    bom,
    demand,
    horizon: periods,
  };
}

/** One regenerative MRP run (fast per item, so progress is start and end; cancel applies before it starts). */
export const runMrpJob: KindRunner = async (raw, ctx) => {
  const input = mrpJobInputSchema.parse(raw);
  const problem =
    input.source === "generated"
      ? generateMrpInput(input.items, input.levels, input.periods, input.seed)
      : // The engine validates every record and names the bad one (MrpError), so the shape is its to check.
        (input.problem as unknown as MrpInput);
  ctx.progress(0.05, `${problem.items.length} items`);
  if (ctx.cancelRequested()) return { cancelled: true, result: null };
  const plan = runMrp(problem, { pegging: false });
  const orders = plan.orders;
  return {
    cancelled: false,
    result: {
      horizon: plan.horizon,
      items: plan.itemIds.length,
      maxLevel: plan.maxLevel,
      orderCount: orders.length,
      actionCount: plan.actions.length,
      exceptionCount: plan.exceptions.length,
      orders: orders.slice(0, 1000),
      exceptions: plan.exceptions.slice(0, 200),
    },
  };
};
