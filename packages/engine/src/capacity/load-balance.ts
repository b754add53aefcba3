import { CapacityError } from "./capacity.errors.ts";
import type { Assignment, BalanceOptions, BalanceResult, CapacityInput } from "./capacity.types.ts";
import { loadHighs } from "./highs-solver.ts";
import { buildLpModel, type LpStage } from "./lp-model.ts";
import { utilisationReport } from "./utilisation.ts";
import { validateCapacityInput } from "./validate-capacity.ts";

const EPS = 1e-7;

/** Every operation on its preferred (first) alternative in its preferred period. */
export function preferredAssignments(input: CapacityInput): Assignment[] {
  return input.orders.flatMap((o) =>
    o.operations.map((op, k) => ({
      order: o.id,
      operation: k,
      resource: op.alternatives[0].resource,
      period: o.period,
      fraction: 1,
      hours: op.alternatives[0].hours,
      preferred: true,
    })),
  );
}

/**
 * Levels load across resources and periods with HiGHS: operations may move to an alternative
 * resource or another period in their window. The objective ranks (1) scheduling all work,
 * (2) no overtime, (3) a low peak utilisation, overall and per resource, (4) few moves away from
 * the preferred resource and period. A first solve fixes (1) and (2) in hours (see lp-model.ts),
 * so when everything is scheduled the levelled plan has no more overtime hours than any other
 * complete plan on working cells — the preferred plan included, when it uses no down cell. LP splits work;
 * `integral` keeps operations whole (MIP).
 * Async only because HiGHS loads asynchronously; results are deterministic.
 */
export async function balanceLoad(
  input: CapacityInput,
  options: BalanceOptions = {},
): Promise<BalanceResult> {
  const capacity = validateCapacityInput(input);
  const resources = input.resources.map((r) => r.id);
  const before = utilisationReport(resources, capacity, preferredAssignments(input));
  const highs = await loadHighs();
  const budget = options.timeLimitSeconds ?? 30;
  const started = performance.now();
  const solve = (stage: LpStage, seconds: number) => {
    const model = buildLpModel(input, capacity, options, stage);
    const solution = highs.solve(model.text, {
      output_flag: false,
      time_limit: seconds,
      random_seed: 0,
      // A 1 % gap is ample for a rough-cut plan and keeps MIP solves short.
      mip_rel_gap: options.mipGap ?? 0.01,
    });
    const value = (name: string): number => {
      const col = solution.Columns[name];
      return col && "Primal" in col ? col.Primal : 0;
    };
    // A MIP stopped before its first incumbent still reports columns (all 0): only an answer that
    // places or leaves every operation in full is a solution.
    const share = model.unscheduled.map(value);
    for (const pl of model.placements) share[pl.job] += value(pl.name);
    const complete = share.every((x) => Math.abs(x - 1) <= 1e-6);
    const status = solution.Status;
    const usable = (status === "Optimal" || status === "Time limit reached") && complete;
    return { model, solution, status, usable, value };
  };
  // Stage 1 fixes what must not get worse (unscheduled work, then overtime hours); stage 2 levels
  // within that. Each stage gets half the time budget (LP solves take far less). A MIP that
  // finds no levelled plan in time keeps stage 1's plan, which is already as good on (1)–(2).
  // LP: stage 1 is exact (overtime hours only). MIP: a small levelling tie-break, since stage 2
  // may not find an integral plan in time and stage 1's plan is then the answer.
  const first = solve({ kind: "priority", tieBreak: options.integral ? 1e-3 : 0 }, budget / 2);
  if (!first.usable) {
    throw new CapacityError("SOLVER_FAILED", `HiGHS could not balance the load (status: ${first.status})`);
  }
  const sum = (names: string[]) => names.reduce((s, n) => s + first.value(n), 0);
  const remaining = Math.max(1, budget - (performance.now() - started) / 1000);
  const second = solve(
    { kind: "level", unscheduled: sum(first.model.unscheduled), overloadHours: sum(first.model.overloads) },
    remaining,
  );
  const { model, solution, value } = second.usable ? second : first;
  const status = second.usable ? second.status : "Time limit reached";

  const assignments: Assignment[] = [];
  for (const pl of model.placements) {
    const f = value(pl.name);
    if (f <= EPS) continue;
    const order = input.orders[pl.order];
    const alt = order.operations[pl.operation].alternatives[pl.alternative];
    assignments.push({
      order: order.id,
      operation: pl.operation,
      resource: resources[pl.resource],
      period: pl.period,
      fraction: f,
      hours: f * alt.hours,
      preferred: pl.preferred,
    });
  }
  const unscheduled = model.jobs
    .map((job, j) => ({
      order: input.orders[job.order].id,
      operation: job.operation,
      fraction: value(model.unscheduled[j]),
    }))
    .filter((u) => u.fraction > EPS);

  return {
    status: status === "Optimal" ? "optimal" : "time-limit",
    mode: options.integral ? "mip" : "lp",
    before,
    after: utilisationReport(resources, capacity, assignments),
    assignments,
    moves: assignments.filter((a) => !a.preferred),
    unscheduled,
    objective: solution.ObjectiveValue,
  };
}
