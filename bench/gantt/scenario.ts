import type { ScenarioDetail } from "@clusterbrain/contracts";

/** Deterministic 32-bit PRNG (mulberry32), so every size is the same plan in every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A synthetic schedule shaped like the solver's output: `bars / 10` orders × 10 operations on
 * `machines` machines, each operation after its predecessor and after its machine is free (plus a
 * setup), nightly downtime 22:00–06:00 on every machine. Only the Gantt's input, not a valid plan.
 */
export function benchScenario(bars: number, machines: number, seed: number): ScenarioDetail {
  const r = rng(seed);
  const jobs = Math.ceil(bars / 10);
  const free = new Array<number>(machines).fill(0);
  const operations: ScenarioDetail["operations"] = [];
  const jobList: ScenarioDetail["jobs"] = [];
  for (let j = 0; j < jobs; j++) {
    let ready = Math.floor(r() * 600);
    const ops: ScenarioDetail["jobs"][number]["operations"] = [];
    for (let o = 0; o < 10 && operations.length < bars; o++) {
      const machine = Math.floor(r() * machines);
      const duration = 30 + Math.floor(r() * 210);
      const setup = r() < 0.3 ? 20 : 0;
      const start = Math.max(ready, free[machine]) + setup;
      const end = start + duration;
      free[machine] = end;
      ready = end;
      ops.push({ seq: (o + 1) * 10, name: `OP${o + 1}`, alternatives: [{ machine, duration }] });
      operations.push({
        job: j,
        op: o,
        machine,
        start,
        end,
        setup,
        locked: r() < 0.02,
        affected: r() < 0.01,
      });
    }
    jobList.push({
      orderNo: `MO-${String(j + 1).padStart(5, "0")}`,
      item: `ITEM-${j % 37}`,
      quantity: 10 + (j % 90),
      dueDate: "2026-12-31",
      due: ready + 1440,
      priority: 1 + (j % 3),
      family: `F${j % 5}`,
      operations: ops,
    });
  }
  const horizon = Math.max(...free) + 1440;
  const nights = Array.from({ length: Math.ceil(horizon / 1440) }, (_, d) => ({
    start: d * 1440 + 1320,
    end: d * 1440 + 1800,
  }));
  return {
    id: "bench",
    name: `bench ${bars}`,
    objective: "makespan",
    timeLimitSeconds: 5,
    status: "ready",
    jobId: null,
    parentId: null,
    published: false,
    origin: "2026-12-07",
    kpis: null,
    error: null,
    createdAt: "2026-12-07T00:00:00Z",
    machines: Array.from({ length: machines }, (_, m) => ({
      code: `M${String(m + 1).padStart(2, "0")}`,
      name: `Machine ${m + 1}`,
      workCentre: `WC${m % 4}`,
    })),
    jobs: jobList,
    skipped: [],
    operations,
    downtime: Array.from({ length: machines }, () => nights),
    canUndo: false,
  };
}
