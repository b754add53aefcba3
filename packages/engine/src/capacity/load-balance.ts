import { CapacityError } from "./capacity.errors.ts";
import type { Assignment, BalanceOptions, BalanceResult, CapacityInput } from "./capacity.types.ts";
import { loadHighs } from "./highs-solver.ts";
import { buildLpModel } from "./lp-model.ts";
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
 * the preferred resource and period. LP splits work; `integral` keeps operations whole (MIP).
 * Async only because HiGHS loads asynchronously; results are deterministic.
 */
export async function balanceLoad(
  input: CapacityInput,
  options: BalanceOptions = {},
): Promise<BalanceResult> {
  const capacity = validateCapacityInput(input);
  const resources = input.resources.map((r) => r.id);
  const before = utilisationReport(resources, capacity, preferredAssignments(input));
  const model = buildLpModel(input, capacity, options);
  const highs = await loadHighs();
  const solution = highs.solve(model.text, {
    output_flag: false,
    time_limit: options.timeLimitSeconds ?? 30,
    random_seed: 0,
    // A 1 % gap is ample for a rough-cut plan and keeps MIP solves short.
    mip_rel_gap: options.mipGap ?? 0.01,
  });
  const status = solution.Status;
  const hasSolution = model.placements.every((pl) => {
    const col = solution.Columns[pl.name];
    return col !== undefined && "Primal" in col;
  });
  if (!(status === "Optimal" || (status === "Time limit reached" && hasSolution))) {
    throw new CapacityError("SOLVER_FAILED", `HiGHS could not balance the load (status: ${status})`);
  }
  const value = (name: string): number => {
    const col = solution.Columns[name];
    return col && "Primal" in col ? col.Primal : 0;
  };

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
