import type { BalanceOptions, CapacityInput } from "./capacity.types.ts";

/** One candidate placement of one operation: a column of the LP. */
export interface Placement {
  name: string;
  job: number;
  order: number;
  operation: number;
  alternative: number;
  resource: number;
  period: number;
  hours: number;
  preferred: boolean;
}

export interface LpModel {
  text: string;
  placements: Placement[];
  /** Name of the "unscheduled share" column of each job (order × operation). */
  unscheduled: string[];
  jobs: Array<{ order: number; operation: number }>;
}

// Objective weights, in priority order: schedule everything, then no overload, then a level peak,
// then stay where the planner put the work. Overload and peaks are in utilisation units.
const W_UNSCHEDULED = 10_000;
const W_OVERLOAD = 100;
const W_PEAK = 10;
const W_RESOURCE_PEAK = 1;
const W_MOVE = 0.01;

const num = (v: number): string => String(Number(v.toPrecision(12)));

function linear(terms: Array<[number, string]>): string {
  // A few terms per line keeps every line well inside LP-format line limits.
  const parts = terms.map(([c, v], i) => `${c < 0 ? "-" : i === 0 ? "" : "+"} ${num(Math.abs(c))} ${v}`);
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(" "));
  return lines.join("\n   ");
}

/**
 * Levelling model in CPLEX LP text: columns x = share of an operation placed on (resource,
 * period) in its window where there is capacity, u = share left unscheduled, over = overtime per
 * cell, U_r = peak utilisation of resource r, U = overall peak.
 */
export function buildLpModel(input: CapacityInput, capacity: number[][], options: BalanceOptions): LpModel {
  const shift = options.periodShiftCost ?? 0.5;
  const rIndex = new Map(input.resources.map((r, i) => [r.id, i]));
  const placements: Placement[] = [];
  const unscheduled: string[] = [];
  const jobs: LpModel["jobs"] = [];
  const objective: Array<[number, string]> = [];
  const rows: string[] = [];
  const cellTerms = new Map<number, Placement[]>();
  const R = input.resources.length;
  const P = input.periods;

  input.orders.forEach((o, oi) => {
    const lo = o.earliest ?? o.period;
    const hi = o.latest ?? o.period;
    o.operations.forEach((op, k) => {
      const job = jobs.length;
      jobs.push({ order: oi, operation: k });
      const assign: Array<[number, string]> = [];
      op.alternatives.forEach((alt, a) => {
        const r = rIndex.get(alt.resource)!;
        for (let p = lo; p <= hi; p++) {
          if (capacity[r][p] <= 0) continue;
          const pl: Placement = {
            name: `x${placements.length}`,
            job,
            order: oi,
            operation: k,
            alternative: a,
            resource: r,
            period: p,
            hours: alt.hours,
            preferred: a === 0 && p === o.period,
          };
          placements.push(pl);
          assign.push([1, pl.name]);
          const cost = (a === 0 ? 0 : (alt.cost ?? 1)) + shift * Math.abs(p - o.period);
          if (cost > 0) objective.push([W_MOVE * cost, pl.name]);
          const cell = r * P + p;
          const list = cellTerms.get(cell);
          if (list) list.push(pl);
          else cellTerms.set(cell, [pl]);
        }
      });
      const u = `u${job}`;
      unscheduled.push(u);
      assign.push([1, u]);
      objective.push([W_UNSCHEDULED, u]);
      rows.push(` asg${job}: ${linear(assign)} = 1`);
    });
  });

  objective.push([W_PEAK, "U"]);
  for (let r = 0; r < R; r++) {
    objective.push([W_RESOURCE_PEAK, `U${r}`]);
    rows.push(
      ` top${r}: ${linear([
        [1, `U${r}`],
        [-1, "U"],
      ])} <= 0`,
    );
  }
  for (const [cell, list] of [...cellTerms].sort((a, b) => a[0] - b[0])) {
    const r = Math.floor(cell / P);
    const p = cell % P;
    const cap = capacity[r][p];
    const over = `o${r}_${p}`;
    objective.push([W_OVERLOAD / cap, over]);
    const util: Array<[number, string]> = list
      .filter((pl) => pl.hours > 0)
      .map((pl) => [pl.hours / cap, pl.name]);
    if (util.length === 0) continue;
    rows.push(` pk${r}_${p}: ${linear([...util, [-1, `U${r}`]])} <= 0`);
    rows.push(
      ` ov${r}_${p}: ${linear([...list.filter((pl) => pl.hours > 0).map((pl): [number, string] => [pl.hours, pl.name]), [-1, over]])} <= ${num(cap)}`,
    );
  }

  const bounds = [
    ...placements.map((pl) => ` 0 <= ${pl.name} <= 1`),
    ...unscheduled.map((u) => ` 0 <= ${u} <= 1`),
  ];
  const text = [
    "Minimize",
    ` obj: ${linear(objective)}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds,
    ...(options.integral && placements.length > 0
      ? ["Generals", ` ${placements.map((pl) => pl.name).join(" ")}`]
      : []),
    "End",
  ].join("\n");
  return { text, placements, unscheduled, jobs };
}
