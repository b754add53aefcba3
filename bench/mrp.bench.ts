// MRP explosion: our level-by-level typed-array engine vs a naive recursive explosion, same run.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type MrpPlan, runMrp } from "@clusterbrain/engine/mrp";
import { machineInfo, writeResults } from "./lib/results.ts";
import { generatePlan } from "./mrp/generate-plan.ts";
import { naiveMrp } from "./mrp/naive-mrp.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const heap = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
};
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Time and retained memory of one call; memory is measured while the result is still alive. */
function measure<T>(fn: () => T): { ms: number; heapMiB: number; rssMiB: number; result: T } {
  gc();
  const before = heap();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  const after = heap();
  return { ms, heapMiB: mib(after.heap - before.heap), rssMiB: mib(after.rss - before.rss), result };
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  const size = { items: quick ? 2000 : 10_000, levels: 5, periods: 52, seed: 20261127 };
  const runs = quick ? 3 : 7;
  const input = generatePlan(size);
  console.log(
    `generated ${input.items.length} items, ${input.bom.length} BOM lines, ${input.demand.length} demand records`,
  );

  runMrp(input); // warm-up: JIT the hot loops before timing
  const ours: Array<ReturnType<typeof measure<MrpPlan>>> = [];
  for (let k = 0; k < runs; k++) ours.push(measure(() => runMrp(input)));
  const plan = ours[ours.length - 1].result;
  const oursMs = median(ours.map((m) => m.ms));
  console.log(`ours: median ${oursMs.toFixed(1)} ms over ${runs} runs`);

  const naiveRuns = quick ? 3 : 1;
  const naive: Array<ReturnType<typeof measure<ReturnType<typeof naiveMrp>>>> = [];
  for (let k = 0; k < naiveRuns; k++) naive.push(measure(() => naiveMrp(input)));
  const naiveMs = median(naive.map((m) => m.ms));
  const baseline = naive[0].result;
  console.log(`naive: ${naiveMs.toFixed(1)} ms (${baseline.renets} re-nettings)`);

  // Same plan? Compare total planned receipts per item.
  const totals = new Map<string, number>();
  for (const o of plan.orders) totals.set(o.item, (totals.get(o.item) ?? 0) + o.quantity);
  let maxRelDiff = 0;
  for (const [item, orders] of baseline.orders) {
    const theirs = orders.reduce((s, o) => s + o.quantity, 0);
    const mine = totals.get(item) ?? 0;
    maxRelDiff = Math.max(maxRelDiff, Math.abs(theirs - mine) / Math.max(1, mine));
  }
  const sameOrderCount =
    [...baseline.orders.values()].reduce((s, o) => s + o.length, 0) === plan.orders.length;

  // Full pegging on request: trace 1,000 of the deepest orders back to sales orders.
  const deepest = plan.orders
    .filter((o) => plan.lowLevelCode[plan.itemIds.indexOf(o.item)] === plan.maxLevel)
    .slice(0, 1000);
  const t0 = performance.now();
  let pegCount = 0;
  for (const o of deepest) pegCount += plan.pegsOf(o.index).length;
  const pegMs = performance.now() - t0;

  const json = {
    machine: await machineInfo(),
    size: {
      ...size,
      bomLines: input.bom.length,
      demandRecords: input.demand.length,
      receipts: input.receipts?.length ?? 0,
    },
    target: { explosionMs: 1000 },
    ours: {
      medianMs: Math.round(oursMs * 10) / 10,
      runsMs: ours.map((m) => Math.round(m.ms * 10) / 10),
      retainedHeapMiB: median(ours.map((m) => m.heapMiB)),
      rssDeltaMiB: ours[0].rssMiB,
      plannedOrders: plan.orders.length,
      actionMessages: plan.actions.length,
      pegLinks: plan.pegLinkCount,
      maxLowLevelCode: plan.maxLevel,
    },
    naive: {
      medianMs: Math.round(naiveMs * 10) / 10,
      runs: naiveRuns,
      retainedHeapMiB: naive[0].heapMiB,
      rssDeltaMiB: naive[0].rssMiB,
      renets: baseline.renets,
    },
    samePlan: { orderCountEqual: sameOrderCount, maxRelativeDifferenceInPlannedTotals: maxRelDiff },
    pegging: { orders: deepest.length, demandPegs: pegCount, ms: Math.round(pegMs * 10) / 10 },
  };
  const md = `# MRP explosion benchmark

\`npm run bench -- mrp${quick ? " --quick" : ""}\` — synthetic, seeded (seed ${size.seed}): ${size.items.toLocaleString("en")} items in ${size.levels} layers
(one edge in ten skips a layer), ${input.bom.length.toLocaleString("en")} BOM lines, ${size.periods} periods,
${input.demand.length.toLocaleString("en")} demand records on the top layer, ${(input.receipts?.length ?? 0).toLocaleString("en")} scheduled receipts;
lot rules mixed (lot-for-lot, fixed, EOQ, POQ, min-max), lead times 0–3, safety stock, scrap.
Generator: \`bench/mrp/generate-plan.ts\`. Machine: ${json.machine.cpu}, ${json.machine.cores} cores, Node ${json.machine.node}
(shared with other jobs while measured, so times are upper bounds).

| | time | retained heap | RSS delta | notes |
|---|---:|---:|---:|---|
| **ours** — \`runMrp\`, level by level by low-level code, typed arrays | **${json.ours.medianMs} ms** (median of ${runs}) | ${json.ours.retainedHeapMiB} MiB | ${json.ours.rssDeltaMiB} MiB | includes validation, action messages, ${json.ours.pegLinks.toLocaleString("en")} pegging links |
| naive — recursive re-explosion, Map/object based, no low-level codes | ${json.naive.medianMs} ms (${naiveRuns === 1 ? "1 run" : `median of ${naiveRuns}`}) | ${json.naive.retainedHeapMiB} MiB | ${json.naive.rssDeltaMiB} MiB | ${json.naive.renets.toLocaleString("en")} item re-nettings; no pegging |
| target | < 1000 ms | | | |

- Speed-up over the naive explosion: **${(naiveMs / oursMs).toFixed(1)}×**; target ${oursMs < 1000 ? "met" : "NOT met"}.
- Same plan from both: order counts equal = ${sameOrderCount}; largest relative difference in an item's planned total = ${maxRelDiff.toExponential(2)}.
- Output: ${json.ours.plannedOrders.toLocaleString("en")} planned orders, ${json.ours.actionMessages.toLocaleString("en")} action messages, deepest low-level code ${json.ours.maxLowLevelCode}.
- Full pegging on request: ${deepest.length} orders of the deepest level traced to ${pegCount.toLocaleString("en")} (order, sales order) pairs in ${json.pegging.ms} ms.
- Retained heap = heapUsed + arrayBuffers after − before (after a forced GC, result alive).
`;
  writeResults(quick ? "mrp-quick" : "mrp", json, md);
}
