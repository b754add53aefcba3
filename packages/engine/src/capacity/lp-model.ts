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
  /** Overtime column (hours) of each loaded cell. */
  overloads: string[];
  jobs: Array<{ order: number; operation: number }>;
}

// Objective weights, in priority order: schedule everything, no overtime, stay under the target
// utilisation, then trade a lower overall peak against moving work (one whole operation moved to
// an alternative costs as much as 10 points of peak). Utilisation terms are in units of 100 %.
const W_UNSCHEDULED = 10_000;
const W_OVERLOAD = 100;
const W_ABOVE_TARGET = 10;
const W_PEAK = 1;
const W_MOVE = 0.1;

const num = (v: number): string => String(Number(v.toPrecision(12)));

function linear(terms: Array<[number, string]>): string {
  // A few terms per line keeps every line well inside LP-format line limits.
  const parts = terms.map(([c, v], i) => `${c < 0 ? "-" : i === 0 ? "" : "+"} ${num(Math.abs(c))} ${v}`);
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(" "));
  return lines.join("\n   ");
}

/**
 * The levelling is solved in two stages so its first priorities hold exactly, whatever the
 * capacities: "priority" minimises unscheduled work, then overtime in hours; "level" keeps
 * those two at (or under) the priority stage's optimum and minimises the full weighted objective.
 * One weighted solve alone let a lower peak or fewer moves buy extra overtime hours, because
 * overtime there is weighed relative to each cell's capacity.
 */
export type LpStage =
  /** `tieBreak` > 0 adds the levelling objective at that scale, so a MIP that keeps this stage's plan is levelled too. */
  { kind: "priority"; tieBreak?: number } | { kind: "level"; unscheduled: number; overloadHours: number };

/** Slack on the stage-1 optimum carried into stage 2, so round-off cannot make it infeasible. */
const tolerance = (v: number) => 1e-7 * (1 + Math.abs(v));

/**
 * Levelling model in CPLEX LP text: columns x = share of an operation placed on (resource,
 * period) in its window where there is capacity, u = share left unscheduled, over = overtime per
 * cell, above = hours over the target utilisation per cell, U = overall peak utilisation.
 */
export function buildLpModel(
  input: CapacityInput,
  capacity: number[][],
  options: BalanceOptions,
  stage: LpStage = { kind: "priority" },
): LpModel {
  // Scale of the levelling terms: all of them when levelling, a tie-break (or none) in stage 1.
  const levelScale = stage.kind === "level" ? 1 : (stage.tieBreak ?? 0);
  const shift = options.periodShiftCost ?? 0.5;
  const kept = options.reference
    ? new Set(options.reference.map((a) => `${a.order}#${a.operation}#${a.resource}#${a.period}`))
    : undefined;
  const rIndex = new Map(input.resources.map((r, i) => [r.id, i]));
  const placements: Placement[] = [];
  const unscheduled: string[] = [];
  const jobs: LpModel["jobs"] = [];
  const objective: Array<[number, string]> = [];
  const rows: string[] = [];
  const cellTerms = new Map<number, Placement[]>();
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
          let cost = (a === 0 ? 0 : (alt.cost ?? 1)) + shift * Math.abs(p - o.period);
          if (kept) cost = kept.has(`${o.id}#${k}#${alt.resource}#${p}`) ? 0 : cost + 1;
          if (cost > 0 && levelScale > 0) objective.push([levelScale * W_MOVE * cost, pl.name]);
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

  // Always present (if only at 0), so the objective is never empty.
  objective.push([levelScale * W_PEAK, "U"]);
  const overs: Array<[number, string]> = [];
  const target = options.targetUtilisation ?? 0.85;
  for (const [cell, list] of [...cellTerms].sort((x, y) => x[0] - y[0])) {
    const r = Math.floor(cell / P);
    const p = cell % P;
    const cap = capacity[r][p];
    const hours: Array<[number, string]> = list.filter((pl) => pl.hours > 0).map((pl) => [pl.hours, pl.name]);
    if (hours.length === 0) continue;
    const over = `o${r}_${p}`;
    const above = `a${r}_${p}`;
    overs.push([1, over]);
    const hourWeight = stage.kind === "priority" ? 1 : 0;
    objective.push([hourWeight + (levelScale * W_OVERLOAD) / cap, over]);
    if (levelScale > 0) objective.push([(levelScale * W_ABOVE_TARGET) / cap, above]);
    rows.push(
      ` pk${r}_${p}: ${linear([...hours.map(([h, v]): [number, string] => [h / cap, v]), [-1, "U"]])} <= 0`,
    );
    rows.push(` ov${r}_${p}: ${linear([...hours, [-1, over]])} <= ${num(cap)}`);
    rows.push(` tg${r}_${p}: ${linear([...hours, [-1, above]])} <= ${num(target * cap)}`);
  }

  if (stage.kind === "level") {
    rows.push(
      ` usum: ${linear(unscheduled.map((u): [number, string] => [1, u]))} <= ${num(stage.unscheduled + tolerance(stage.unscheduled))}`,
    );
    if (overs.length > 0)
      rows.push(` osum: ${linear(overs)} <= ${num(stage.overloadHours + tolerance(stage.overloadHours))}`);
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
  return { text, placements, unscheduled, overloads: overs.map(([, v]) => v), jobs };
}
