import { AnalyticsError } from "../errors.ts";
import type { DenseLp, RowSense } from "../lp/dense-simplex.ts";
import type { DeaData, PeerWeight, ReturnsToScale } from "./dea-data.ts";
import { unitLabels, validateDeaData } from "./dea-data.ts";
import { clean, denseSolver, type LpSolveFn } from "./envelopment.ts";
import { peersOf } from "./radial.ts";

export interface SbmUnitResult {
  index: number;
  unit: string;
  /** Tone's ρ in (0, 1]; 1 exactly when the unit is Pareto–Koopmans efficient. */
  efficiency: number;
  /** The Charnes–Cooper scale t of the linearised programme (β in the Enhanced Russell Graph form). */
  t: number;
  slacksX: number[];
  slacksY: number[];
  peers: PeerWeight[];
  targetsX: number[];
  targetsY: number[];
}

export interface SbmResult {
  rts: ReturnsToScale;
  units: SbmUnitResult[];
  lpCount: number;
}

export interface SbmOptions {
  rts?: ReturnsToScale;
  solver?: LpSolveFn;
}

/**
 * Non-oriented slacks-based measure (Tone 2001), linearised by Charnes–Cooper:
 *   min t − (1/m) Σ S⁻_i/x_io  s.t.  t + (1/s) Σ S⁺_r/y_ro = 1,  XΛ + S⁻ = t x_o,  YΛ − S⁺ = t y_o.
 * Convention for zero data (Tone 2001, §4): a zero x_io or y_ro drops its term and the average
 * runs over the remaining inputs/outputs.
 */
export function sbm(data: DeaData, options: SbmOptions = {}): SbmResult {
  const { n, m, s } = validateDeaData(data);
  const rts = options.rts ?? "crs";
  const solve = options.solver ?? denseSolver;
  const labels = unitLabels(data);
  const vrs = rts === "vrs";
  const rows = 1 + m + s + (vrs ? 1 : 0);
  const cols = 1 + n + m + s; // t, Λ, S⁻, S⁺
  const a = new Float64Array(rows * cols);
  for (let j = 0; j < n; j++) {
    const off = (1 + j) * rows;
    for (let i = 0; i < m; i++) a[off + 1 + i] = data.inputs[j][i];
    for (let r = 0; r < s; r++) a[off + 1 + m + r] = data.outputs[j][r];
    if (vrs) a[off + rows - 1] = 1;
  }
  for (let i = 0; i < m; i++) a[(1 + n + i) * rows + 1 + i] = 1;
  for (let r = 0; r < s; r++) a[(1 + n + m + r) * rows + 1 + m + r] = -1;
  const senses = new Array<RowSense>(rows).fill("eq");
  const b = new Float64Array(rows);
  b[0] = 1;
  const units = data.inputs.map((xo, o): SbmUnitResult => {
    const yo = data.outputs[o];
    const c = new Float64Array(cols);
    c[0] = 1;
    a[0] = 1;
    for (let i = 0; i < m; i++) a[1 + i] = -xo[i];
    for (let r = 0; r < s; r++) a[1 + m + r] = -yo[r];
    if (vrs) a[rows - 1] = -1;
    const mPos = xo.filter((v) => v > 0).length;
    const sPos = yo.filter((v) => v > 0).length;
    for (let i = 0; i < m; i++) c[1 + n + i] = xo[i] > 0 ? -1 / (mPos * xo[i]) : 0;
    for (let r = 0; r < s; r++) a[(1 + n + m + r) * rows] = yo[r] > 0 ? 1 / (sPos * yo[r]) : 0;
    const lp: DenseLp = { nRows: rows, nCols: cols, a, b, c, senses };
    const res = solve(lp);
    if (res.status !== "optimal") {
      throw new AnalyticsError(
        "LP_INFEASIBLE",
        `SBM LP for unit ${labels[o]} ended with status ${res.status}`,
        {
          unit: labels[o],
          row: o + 1,
        },
      );
    }
    const t = res.x[0];
    const lambdas = new Float64Array(n);
    for (let j = 0; j < n; j++) lambdas[j] = clean(res.x[1 + j] / t);
    const slacksX = xo.map((_, i) => clean(res.x[1 + n + i] / t));
    const slacksY = yo.map((_, r) => clean(res.x[1 + n + m + r] / t));
    return {
      index: o,
      unit: labels[o],
      efficiency: Math.min(1, res.objective),
      t,
      slacksX,
      slacksY,
      peers: peersOf(lambdas, labels),
      targetsX: xo.map((x, i) => x - slacksX[i]),
      targetsY: yo.map((y, r) => y + slacksY[r]),
    };
  });
  return { rts, units, lpCount: n };
}

export interface SuperSbmUnit {
  index: number;
  unit: string;
  /** ρ < 1 for SBM-inefficient units; Tone's (2002) super-SBM δ ≥ 1 for efficient ones; null if infeasible. */
  efficiency: number | null;
  status: "optimal" | "infeasible";
}

/**
 * Super-SBM (Tone 2002): each SBM-efficient unit is removed from the reference set and its distance
 * to the remaining frontier, min (1/m Σ x̄_i/x_io) / (1/s Σ ȳ_r/y_ro) with x̄ ≥ x_o, ȳ ≤ y_o,
 * is its score. Linearised with the same Charnes–Cooper transform as SBM.
 */
export function superSbm(
  data: DeaData,
  options: SbmOptions = {},
): { rts: ReturnsToScale; units: SuperSbmUnit[] } {
  const base = sbm(data, options);
  const { n, m, s } = validateDeaData(data);
  const solve = options.solver ?? denseSolver;
  const vrs = (options.rts ?? "crs") === "vrs";
  const rows = 1 + 2 * (m + s) + (vrs ? 1 : 0);
  const cols = 1 + n + m + s; // t, Λ, X̄, Ȳ
  const senses: RowSense[] = ["eq"];
  for (let i = 0; i < m; i++) senses.push("le");
  for (let r = 0; r < s; r++) senses.push("ge");
  for (let i = 0; i < m; i++) senses.push("ge");
  for (let r = 0; r < s; r++) senses.push("le");
  if (vrs) senses.push("eq");
  const b = new Float64Array(rows);
  b[0] = 1;
  const units = base.units.map((u, o): SuperSbmUnit => {
    if (u.efficiency < 1 - 1e-9)
      return { index: o, unit: u.unit, efficiency: u.efficiency, status: "optimal" };
    const xo = data.inputs[o];
    const yo = data.outputs[o];
    const a = new Float64Array(rows * cols);
    const c = new Float64Array(cols);
    const mPos = xo.filter((v) => v > 0).length;
    const sPos = yo.filter((v) => v > 0).length;
    for (let j = 0; j < n; j++) {
      if (j === o) continue;
      const off = (1 + j) * rows;
      for (let i = 0; i < m; i++) a[off + 1 + i] = data.inputs[j][i];
      for (let r = 0; r < s; r++) a[off + 1 + m + r] = data.outputs[j][r];
      if (vrs) a[off + rows - 1] = 1;
    }
    for (let i = 0; i < m; i++) a[1 + m + s + i] = -xo[i];
    for (let r = 0; r < s; r++) a[1 + 2 * m + s + r] = -yo[r];
    if (vrs) a[rows - 1] = -1;
    for (let i = 0; i < m; i++) {
      const off = (1 + n + i) * rows;
      a[off + 1 + i] = -1;
      a[off + 1 + m + s + i] = 1;
      c[1 + n + i] = xo[i] > 0 ? 1 / (mPos * xo[i]) : 0;
    }
    for (let r = 0; r < s; r++) {
      const off = (1 + n + m + r) * rows;
      a[off] = yo[r] > 0 ? 1 / (sPos * yo[r]) : 0;
      a[off + 1 + m + r] = -1;
      a[off + 1 + 2 * m + s + r] = 1;
    }
    const res = solve({ nRows: rows, nCols: cols, a, b, c, senses });
    if (res.status !== "optimal") return { index: o, unit: u.unit, efficiency: null, status: "infeasible" };
    return { index: o, unit: u.unit, efficiency: Math.max(1, res.objective), status: "optimal" };
  });
  return { rts: base.rts, units };
}
