import type { DeaData, Orientation, PeerWeight, ReturnsToScale } from "./dea-data.ts";
import { unitLabels, validateDeaData } from "./dea-data.ts";
import { denseSolver, EnvelopmentModel, type LpSolveFn } from "./envelopment.ts";
import { peersOf } from "./radial.ts";

export interface SuperEfficiencyUnit {
  index: number;
  unit: string;
  /**
   * Andersen–Petersen score with the unit removed from its own reference set: θ (may exceed 1) for
   * input orientation, φ (may fall below 1) for output orientation. null when that LP is infeasible,
   * which can happen under VRS (Seiford & Zhu 1999); `status` says so, the value is never NaN.
   */
  efficiency: number | null;
  status: "optimal" | "infeasible";
  /** Peers in the reduced reference set; empty when the score was taken from `scores` without an LP. */
  peers: PeerWeight[];
}

export interface SuperEfficiencyResult {
  rts: ReturnsToScale;
  orientation: Orientation;
  units: SuperEfficiencyUnit[];
  lpCount: number;
}

export interface SuperEfficiencyOptions {
  rts?: ReturnsToScale;
  orientation?: Orientation;
  solver?: LpSolveFn;
  /**
   * The units' own radial scores under the same rts and orientation (e.g. from radialDea). An
   * inefficient unit is never its own peer, so its super-efficiency equals that score and needs no
   * LP (Andersen & Petersen 1993); only efficient units are re-solved.
   */
  scores?: readonly number[];
}

/** Andersen & Petersen (1993) super-efficiency, so efficient units can be ranked among themselves. */
export function superEfficiency(data: DeaData, options: SuperEfficiencyOptions = {}): SuperEfficiencyResult {
  validateDeaData(data);
  const rts = options.rts ?? "crs";
  const orientation = options.orientation ?? "input";
  const labels = unitLabels(data);
  const model = new EnvelopmentModel(data, rts, options.solver ?? denseSolver);
  let lpCount = 0;
  const units = data.inputs.map((xo, o): SuperEfficiencyUnit => {
    const known = options.scores?.[o];
    const inefficient =
      known !== undefined && (orientation === "input" ? known < 1 - 1e-9 : known > 1 + 1e-9);
    if (inefficient) return { index: o, unit: labels[o], efficiency: known, status: "optimal", peers: [] };
    const p = model.evaluate(xo, data.outputs[o], orientation, o, false);
    lpCount += p.lpCount;
    return {
      index: o,
      unit: labels[o],
      efficiency: p.status === "optimal" ? p.efficiency : null,
      status: p.status,
      peers: peersOf(p.lambdas, labels),
    };
  });
  return { rts, orientation, units, lpCount };
}
