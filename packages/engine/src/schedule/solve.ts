import { SeededRandom } from "../shared/random.ts";
import { constructGifflerThompson } from "./constructive.ts";
import { Decoder } from "./decoder.ts";
import { ScheduleError } from "./errors.ts";
import { lowerBound } from "./lower-bound.ts";
import { type CompiledInstance, compileInstance } from "./model.ts";
import { SearchControl } from "./search-control.ts";
import { SequenceState, type SolutionSnapshot } from "./solution.ts";
import { tabuDecodeSearch } from "./tabu-decode.ts";
import { tabuGraphSearch } from "./tabu-graph.ts";
import type {
  ScheduleAlgorithm,
  ScheduleInstance,
  ScheduleObjective,
  SolveOptions,
  SolveResult,
  StopReason,
} from "./types.ts";

const DEFAULT_TIME_LIMIT_MS = 10_000;

/** The graph tabu search needs plain longest-path semantics: no setups, no calendars, makespan. */
export function graphSearchApplies(ci: CompiledInstance, objective: ScheduleObjective): boolean {
  return objective === "makespan" && ci.setup === null && !ci.hasDowntime;
}

/**
 * Anytime scheduling: a Giffler–Thompson start, then tabu search until the time limit, the
 * iteration limit, cancellation or a proven-optimal lower bound. Deterministic for a seed when
 * only an iteration limit is given.
 */
export function solveSchedule(instance: ScheduleInstance, options: SolveOptions = {}): SolveResult {
  const ci = compileInstance(instance);
  const objective = options.objective ?? "makespan";
  const algorithm = pickAlgorithm(ci, objective, options.algorithm ?? "auto");
  const timeLimitMs =
    options.timeLimitMs ??
    (options.iterationLimit !== undefined ? Number.POSITIVE_INFINITY : DEFAULT_TIME_LIMIT_MS);
  if (!(timeLimitMs >= 0))
    throw new ScheduleError("INVALID_OPTIONS", `timeLimitMs must be ≥ 0, got ${timeLimitMs}`);
  const iterationLimit = options.iterationLimit ?? Number.POSITIVE_INFINITY;
  if (!(iterationLimit >= 0)) {
    throw new ScheduleError("INVALID_OPTIONS", `iterationLimit must be ≥ 0, got ${iterationLimit}`);
  }
  const now = options.now ?? (() => performance.now());
  const bound = lowerBound(ci, objective);
  // Seed 0 maps to a fixed non-zero state, as the solver always did, so published runs replay.
  const ctl = new SearchControl(new SeededRandom((options.seed ?? 1) >>> 0 || 0x9e3779b9), {
    timeLimitMs,
    iterationLimit,
    signal: options.signal,
    onProgress: options.onProgress,
    progressIntervalMs: options.progressIntervalMs ?? 250,
    now,
    lowerBound: bound,
  });
  const initial = constructGifflerThompson(ci, objective);
  let best: SolutionSnapshot = initial;
  let iterations = 0;
  let stopReason: StopReason = "iterations";
  if (algorithm === "tabu-graph") {
    const out = tabuGraphSearch(ci, initial, ctl);
    ({ best, iterations, stopReason } = out);
  } else if (algorithm === "tabu-decode") {
    const out = tabuDecodeSearch(ci, initial, objective, ctl);
    ({ best, iterations, stopReason } = out);
  }
  const st = new SequenceState(ci);
  st.load(best);
  const decoder = new Decoder(ci);
  if (!decoder.decode(st)) throw new Error("solver produced a cyclic solution");
  const value = objective === "makespan" ? decoder.makespan : decoder.weightedTardiness;
  if (algorithm === "constructive" && value <= bound) stopReason = "lower-bound";
  return {
    schedule: decoder.toSchedule(st),
    objective: value,
    makespan: decoder.makespan,
    weightedTardiness: decoder.weightedTardiness,
    lowerBound: bound,
    iterations,
    elapsedMs: ctl.elapsedMs(),
    stopReason,
    algorithm,
  };
}

function pickAlgorithm(
  ci: CompiledInstance,
  objective: ScheduleObjective,
  requested: ScheduleAlgorithm,
): Exclude<ScheduleAlgorithm, "auto"> {
  if (requested === "auto") return graphSearchApplies(ci, objective) ? "tabu-graph" : "tabu-decode";
  if (requested === "tabu-graph" && !graphSearchApplies(ci, objective)) {
    throw new ScheduleError(
      "INVALID_OPTIONS",
      "tabu-graph handles makespan without setups or calendars; use tabu-decode or auto",
    );
  }
  return requested;
}
