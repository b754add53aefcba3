import type { Assignment, UtilisationReport } from "./capacity.types.ts";

/** Load, utilisation, peak and overload of a set of assignments against a capacity grid. */
export function utilisationReport(
  resources: string[],
  capacity: number[][],
  assignments: Assignment[],
): UtilisationReport {
  const periods = capacity[0]?.length ?? 0;
  const row = new Map(resources.map((r, i) => [r, i]));
  const load = resources.map(() => new Array<number>(periods).fill(0));
  for (const a of assignments) load[row.get(a.resource)!][a.period] += a.hours;
  let peak = 0;
  let peakAt: UtilisationReport["peakAt"] = null;
  let overload = 0;
  const utilisation = load.map((cells, r) =>
    cells.map((l, p) => {
      const cap = capacity[r][p];
      overload += Math.max(0, l - cap);
      if (cap <= 0) return null;
      const u = l / cap;
      if (u > peak + 1e-12) {
        peak = u;
        peakAt = { resource: resources[r], period: p };
      }
      return u;
    }),
  );
  return {
    resources,
    periods,
    load,
    capacity,
    utilisation,
    peakUtilisation: peak,
    peakAt,
    overloadHours: overload,
  };
}
