import type { DeaData, Orientation } from "../dea/dea-data.ts";
import { unitLabels, validateDeaData } from "../dea/dea-data.ts";
import { denseSolver, EnvelopmentModel, type LpSolveFn } from "../dea/envelopment.ts";
import { AnalyticsError } from "../errors.ts";

/** The same units observed in consecutive periods (one DeaData per period, units in the same order). */
export interface Panel {
  periods: readonly string[];
  data: readonly DeaData[];
}

export interface MalmquistRow {
  unit: string;
  from: string;
  to: string;
  /** Malmquist productivity index; > 1 is growth. M = EC × TC. */
  M: number;
  /** Efficiency change (catch-up), CRS. */
  EC: number;
  /** Technical change (frontier shift), geometric mean of the two periods' technologies. */
  TC: number;
  /** Pure efficiency change under VRS; EC = PEC × SEC (Färe, Grosskopf, Norris & Zhang 1994). */
  PEC: number;
  /** Scale efficiency change. */
  SEC: number;
}

export interface MalmquistOptions {
  orientation?: Orientation;
  solver?: LpSolveFn;
}

/**
 * Malmquist index between adjacent periods with contemporaneous CRS frontiers and the geometric-mean
 * reference technology (Färe et al. 1994). Distances are Farrell efficiencies (θ, or 1/φ for output
 * orientation), so values above 1 mean improvement.
 */
export function malmquist(panel: Panel, options: MalmquistOptions = {}): MalmquistRow[] {
  const T = panel.data.length;
  if (T < 2 || panel.periods.length !== T) {
    throw new AnalyticsError("INVALID_INPUT", "Malmquist needs at least two periods, one label per period");
  }
  const n = panel.data[0].inputs.length;
  panel.data.forEach((d, t) => {
    validateDeaData(d);
    if (d.inputs.length !== n) {
      throw new AnalyticsError(
        "DIMENSION_MISMATCH",
        `period ${panel.periods[t]} has ${d.inputs.length} units, expected ${n}`,
      );
    }
  });
  const orientation = options.orientation ?? "input";
  const solve = options.solver ?? denseSolver;
  const labels = unitLabels(panel.data[0]);
  const crs = panel.data.map((d) => new EnvelopmentModel(d, "crs", solve));
  const vrs = panel.data.map((d) => new EnvelopmentModel(d, "vrs", solve));
  const distance = (models: EnvelopmentModel[], tech: number, obs: number, o: number): number => {
    const p = models[tech].evaluate(
      panel.data[obs].inputs[o],
      panel.data[obs].outputs[o],
      orientation,
      -1,
      false,
    );
    if (p.status !== "optimal" || p.efficiency <= 0) {
      throw new AnalyticsError(
        "LP_INFEASIBLE",
        `unit ${labels[o]} in ${panel.periods[obs]} cannot be evaluated against the ${panel.periods[tech]} frontier`,
        { unit: labels[o] },
      );
    }
    return orientation === "input" ? p.efficiency : 1 / p.efficiency;
  };
  const rows: MalmquistRow[] = [];
  for (let t = 0; t + 1 < T; t++) {
    for (let o = 0; o < n; o++) {
      const dtt = distance(crs, t, t, o);
      const dt1 = distance(crs, t, t + 1, o);
      const d1t = distance(crs, t + 1, t, o);
      const d11 = distance(crs, t + 1, t + 1, o);
      const EC = d11 / dtt;
      const TC = Math.sqrt((dt1 / d11) * (dtt / d1t));
      const PEC = distance(vrs, t + 1, t + 1, o) / distance(vrs, t, t, o);
      rows.push({
        unit: labels[o],
        from: panel.periods[t],
        to: panel.periods[t + 1],
        M: EC * TC,
        EC,
        TC,
        PEC,
        SEC: EC / PEC,
      });
    }
  }
  return rows;
}
