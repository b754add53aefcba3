import type { CompiledInstance } from "./model.ts";
import type { ScheduleObjective } from "./types.ts";

/**
 * Simple valid lower bounds: the longest job (release + shortest possible durations), the most
 * loaded machine among ops with a single eligible machine, and total work spread over all
 * machines. Setups and calendars only delay, so the bound holds for rich instances too.
 */
export function lowerBound(ci: CompiledInstance, objective: ScheduleObjective): number {
  if (objective === "weightedTardiness") return 0;
  let bound = 0;
  let totalMin = 0;
  const load = new Float64Array(ci.machineCount);
  for (let j = 0; j < ci.jobCount; j++) {
    let t = ci.release[ci.jobStart[j]];
    for (let o = ci.jobStart[j]; o < ci.jobStart[j + 1]; o++) {
      let d = Number.POSITIVE_INFINITY;
      for (let a = ci.altStart[o]; a < ci.altStart[o + 1]; a++) d = Math.min(d, ci.altDuration[a]);
      t += d;
      totalMin += d;
      if (ci.altStart[o + 1] - ci.altStart[o] === 1) load[ci.altMachine[ci.altStart[o]]] += d;
    }
    bound = Math.max(bound, t);
  }
  for (let k = 0; k < ci.machineCount; k++) bound = Math.max(bound, load[k]);
  return Math.max(bound, totalMin / ci.machineCount);
}
