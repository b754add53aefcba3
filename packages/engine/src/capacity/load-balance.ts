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
  const solve = (stage: LpStage) => {
    const model = buildLpModel(input, capacity, options, stage);
    const solution = highs.solve(model.text, {
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? 30,
      random_seed: 0,
      // A 1 % gap is ample for a rough-cut plan and keeps MIP solves short.
      mip_rel_gap: options.mipGap ?? 0.01,
    });
    const hasSolution = model.placements.every((pl) => {
      const col = solution.Columns[pl.name];
      return col !== undefined && "Primal" in col;
    });
    const status = solution.Status;
    const usable = status === "Optimal" || (status === "Time limit reached" && hasSolution);
    const value = (name: string): number => {
      const col = solution.Columns[name];
      return col && "Primal" in col ? col.Primal : 0;
    };
    return { model, solution, status, usable, value };
  };
  // Stage 1 fixes what must not get worse (unscheduled work, then overtime hours); stage 2 levels
  // within that. Both always have a solution (everything unscheduled is feasible).
  const first = solve({ kind: "priority" });
  if (!first.usable) {
    throw new CapacityError("SOLVER_FAILED", `HiGHS could not balance the load (status: ${first.status})`);
  }
  const sum = (names: string[]) => names.reduce((s, n) => s + first.value(n), 0);
  const { model, solution, status, usable, value } = solve({
    kind: "level",
    unscheduled: sum(first.model.unscheduled),
    overloadHours: sum(first.model.overloads),
  });
  if (!usable) {
    throw new CapacityError("SOLVER_FAILED", `HiGHS could not balance the load (status: ${status})`);
  }

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
