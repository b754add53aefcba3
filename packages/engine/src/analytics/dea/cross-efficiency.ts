import type { DenseLp, RowSense } from "../lp/dense-simplex.ts";
import type { DeaData } from "./dea-data.ts";
import { unitLabels, validateDeaData } from "./dea-data.ts";
import { denseSolver, EnvelopmentModel, type LpSolveFn } from "./envelopment.ts";

/**
 * How each rating unit's weights are chosen among its alternative optimal CCR weights:
 * "dual" takes the simplex duals as they come; "aggressive"/"benevolent" apply Doyle & Green's
 * (1994) secondary goal of minimising/maximising the other units' cross-efficiency.
 */
export type CrossEfficiencyMode = "dual" | "aggressive" | "benevolent";

export interface CrossEfficiencyResult {
  units: string[];
  mode: CrossEfficiencyMode;
  /** matrix[d][k]: unit k's efficiency under rating unit d's weights. */
  matrix: number[][];
  /** Mean over all raters, self-appraisal included (Sexton, Silkman & Hogan 1986). */
  meanIncludingSelf: number[];
  /** Mean over the other raters (peer appraisal); equals the self score when n = 1. */
  meanExcludingSelf: number[];
  ccr: number[];
  /** Each rater's multiplier weights (v for inputs, u for outputs). */
  weights: { v: number[]; u: number[] }[];
}

/**
 * The secondary-goal LP, solved through its dual so the small dense simplex stays wide and short
 * (m + s rows, n + 3 columns); the optimal duals are the weights (v, u).
 *   primal: min/max u·Ȳ  s.t. v·X̄ = 1, u·y_d − θ_d v·x_d = 0, u·y_j − v·x_j ≤ 0, u, v ≥ 0
 * where X̄, Ȳ sum the other units.
 */
function secondaryGoalWeights(
  data: DeaData,
  d: number,
  theta: number,
  mode: "aggressive" | "benevolent",
  solve: LpSolveFn,
): { v: number[]; u: number[] } | null {
  const n = data.inputs.length;
  const m = data.inputs[0].length;
  const s = data.outputs[0].length;
  const rows = m + s;
  const cols = 4 + n; // α⁺, α⁻, β⁺, β⁻, μ_j
  const a = new Float64Array(rows * cols);
  const xBar = new Float64Array(m);
  const yBar = new Float64Array(s);
  for (let j = 0; j < n; j++) {
    if (j === d) continue;
    for (let i = 0; i < m; i++) xBar[i] += data.inputs[j][i];
    for (let r = 0; r < s; r++) yBar[r] += data.outputs[j][r];
  }
  for (let i = 0; i < m; i++) {
    a[i] = xBar[i];
    a[rows + i] = -xBar[i];
    a[2 * rows + i] = -theta * data.inputs[d][i];
    a[3 * rows + i] = theta * data.inputs[d][i];
  }
  for (let r = 0; r < s; r++) {
    a[2 * rows + m + r] = data.outputs[d][r];
    a[3 * rows + m + r] = -data.outputs[d][r];
  }
  for (let j = 0; j < n; j++) {
    if (j === d) continue;
    const off = (4 + j) * rows;
    for (let i = 0; i < m; i++) a[off + i] = data.inputs[j][i];
    for (let r = 0; r < s; r++) a[off + m + r] = -data.outputs[j][r];
  }
  const b = new Float64Array(rows);
  const sign = mode === "aggressive" ? 1 : -1;
  for (let r = 0; r < s; r++) b[m + r] = sign * yBar[r];
  const c = new Float64Array(cols);
  c[0] = 1;
  c[1] = -1;
  const lp: DenseLp = {
    nRows: rows,
    nCols: cols,
    a,
    b,
    c,
    senses: new Array<RowSense>(rows).fill("le"),
    maximize: true,
  };
  const res = solve(lp);
  if (res.status !== "optimal") return null;
  const v = Array.from(res.duals.subarray(0, m), (w) => Math.max(0, w));
  const u = Array.from(res.duals.subarray(m), (w) => Math.max(0, w));
  return v.some((w) => w > 0) ? { v, u } : null;
}

export function crossEfficiency(
  data: DeaData,
  options: { mode?: CrossEfficiencyMode; solver?: LpSolveFn } = {},
): CrossEfficiencyResult {
  const { n } = validateDeaData(data);
  const mode = options.mode ?? "dual";
  const solve = options.solver ?? denseSolver;
  const model = new EnvelopmentModel(data, "crs", solve);
  const ccr: number[] = [];
  const matrix: number[][] = [];
  const raterWeights: { v: number[]; u: number[] }[] = [];
  for (let d = 0; d < n; d++) {
    const p = model.evaluate(data.inputs[d], data.outputs[d], "input", -1, false);
    ccr.push(p.efficiency);
    let weights = { v: p.v, u: p.u };
    if (mode !== "dual") weights = secondaryGoalWeights(data, d, p.efficiency, mode, solve) ?? weights;
    raterWeights.push(weights);
    const row: number[] = [];
    for (let k = 0; k < n; k++) {
      let num = 0;
      let den = 0;
      weights.u.forEach((w, r) => {
        num += w * data.outputs[k][r];
      });
      weights.v.forEach((w, i) => {
        den += w * data.inputs[k][i];
      });
      // A zero virtual input means unit k uses none of what d values: it is not rated (score 0 by convention).
      row.push(den > 0 ? Math.min(1, num / den) : 0);
    }
    matrix.push(row);
  }
  const meanIncludingSelf = ccr.map((_, k) => matrix.reduce((acc, row) => acc + row[k], 0) / n);
  const meanExcludingSelf = ccr.map((self, k) =>
    n === 1 ? self : (matrix.reduce((acc, row) => acc + row[k], 0) - matrix[k][k]) / (n - 1),
  );
  return {
    units: unitLabels(data),
    mode,
    matrix,
    meanIncludingSelf,
    meanExcludingSelf,
    ccr,
    weights: raterWeights,
  };
}
