import type { LotRule, MrpInput } from "@clusterbrain/engine/mrp";
import { mulberry32 } from "@clusterbrain/engine/shared";

export interface GeneratorOptions {
  items: number;
  levels: number;
  periods: number;
  seed: number;
}

/**
 * A layered synthetic BOM: items split evenly over `levels`; every item below the top gets one
 * parent in the level above plus random extra parents (about 2 children per parent in all; quantity per mostly 1; half the extra links go to a 2 % pool of
 * common parts, as passives are shared by most boards), and
 * one edge in ten skips a level so low-level codes differ from the layer. Top items carry
 * independent demand in most periods; lot rules, lead times, stock and receipts vary per item.
 */
export function generatePlan(opts: GeneratorOptions): MrpInput {
  const rand = mulberry32(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const perLevel = Math.floor(opts.items / opts.levels);
  const levelOf = (i: number) => Math.min(opts.levels - 1, Math.floor(i / perLevel));
  const firstOf = (l: number) => l * perLevel;
  const countOf = (l: number) => (l === opts.levels - 1 ? opts.items - firstOf(l) : perLevel);
  const id = (i: number) => `P${String(i).padStart(5, "0")}`;

  const items = Array.from({ length: opts.items }, (_, i) => {
    const r = rand();
    const lotRule: LotRule =
      r < 0.4
        ? { kind: "lot-for-lot" }
        : r < 0.55
          ? { kind: "fixed", quantity: int(1, 20) * 50 }
          : r < 0.7
            ? { kind: "eoq", setupCost: int(50, 500), holdingCost: int(1, 5) }
            : r < 0.85
              ? { kind: "poq", periods: int(2, 4) }
              : { kind: "min-max", min: int(0, 100), max: int(10, 100) * 100 };
    return {
      id: id(i),
      leadTime: int(0, 3),
      lotRule,
      safetyStock: rand() < 0.3 ? int(0, 50) : 0,
      onHand: int(0, 300),
      scrap: rand() < 0.1 ? 0.05 : 0,
    };
  });

  const bom: MrpInput["bom"] = [];
  const seen = new Set<string>();
  const link = (p: number, c: number) => {
    const key = `${p}/${c}`;
    if (seen.has(key)) return;
    seen.add(key);
    bom.push({
      parent: id(p),
      child: id(c),
      quantityPer: rand() < 0.7 ? 1 : int(2, 4),
      scrap: rand() < 0.1 ? 0.02 : 0,
    });
  };
  for (let c = perLevel; c < opts.items; c++) {
    const l = levelOf(c);
    link(firstOf(l - 1) + int(0, countOf(l - 1) - 1), c);
  }
  for (let p = 0; p < firstOf(opts.levels - 1); p++) {
    const l = levelOf(p);
    for (let k = int(0, 2); k > 0; k--) {
      const target = rand() < 0.1 && l + 2 < opts.levels ? int(l + 2, opts.levels - 1) : l + 1;
      // Half the extra links go to the 2 % of parts every design uses (passives, screws, solder).
      const pool = rand() < 0.5 ? Math.ceil(countOf(target) * 0.02) : countOf(target);
      link(p, firstOf(target) + int(0, pool - 1));
    }
  }

  const demand: MrpInput["demand"] = [];
  for (let i = 0; i < countOf(0); i++) {
    for (let t = 0; t < opts.periods; t++)
      if (rand() < 0.8) demand.push({ item: id(i), period: t, quantity: int(1, 100) });
  }
  const receipts: NonNullable<MrpInput["receipts"]> = [];
  for (let k = 0; k < Math.floor(opts.items / 5); k++) {
    receipts.push({
      item: id(int(0, opts.items - 1)),
      period: int(0, opts.periods - 1),
      quantity: int(10, 500),
    });
  }
  return { items, bom, demand, receipts, horizon: opts.periods };
}
