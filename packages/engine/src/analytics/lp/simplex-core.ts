/** The simplex iteration machinery behind solveDenseLp: basis updates, pricing, ratio test, refactoring. */
import type { LpStatus } from "./dense-simplex.ts";
import { invertSmall } from "./small-matrix.ts";

export const EPS_PIVOT = 1e-9;
const EPS_FEAS = 1e-9;
const EPS_COST = 1e-9;
const BLAND_AFTER = 30;
const REFACTOR_EVERY = 32;

export interface Tableau {
  m: number;
  nTotal: number;
  cols: Float64Array;
  basis: Int32Array;
  pos: Int32Array;
  binv: Float64Array;
  xB: Float64Array;
  blocked: Uint8Array;
  y: Float64Array;
  w: Float64Array;
  iterations: number;
  nStructural: number;
  candidates: Int32Array | null;
  blandOnly: boolean;
  /** Scaled right-hand side, for refactoring. */
  b: Float64Array;
}

export function pivot(t: Tableau, r: number, entering: number): void {
  const { m, binv, xB, w } = t;
  const piv = w[r];
  const rowR = r * m;
  for (let k = 0; k < m; k++) binv[rowR + k] /= piv;
  xB[r] /= piv;
  for (let i = 0; i < m; i++) {
    if (i === r) continue;
    const f = w[i];
    if (f === 0) continue;
    const rowI = i * m;
    for (let k = 0; k < m; k++) binv[rowI + k] -= f * binv[rowR + k];
    xB[i] -= f * xB[r];
  }
  t.pos[t.basis[r]] = -1;
  t.basis[r] = entering;
  t.pos[entering] = r;
}

export function computeColumn(t: Tableau, j: number): void {
  const { m, binv, cols, w } = t;
  const off = j * m;
  for (let i = 0; i < m; i++) {
    let s = 0;
    const rowI = i * m;
    for (let k = 0; k < m; k++) s += binv[rowI + k] * cols[off + k];
    w[i] = s;
  }
}

/** Runs simplex iterations for one phase; returns "optimal", "unbounded" or "iteration_limit". */
function iterate(t: Tableau, cost: Float64Array, maxIterations: number): LpStatus {
  const { m, nTotal, cols, basis, pos, binv, xB, blocked, y, w } = t;
  let degenerate = 0;
  while (t.iterations < maxIterations) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += cost[basis[k]] * binv[k * m + i];
      y[i] = s;
    }
    const bland = t.blandOnly || degenerate > BLAND_AFTER;
    let entering = -1;
    let bestD = -EPS_COST;
    const cand = t.candidates;
    if (cand !== null && !bland) {
      const total = cand.length + nTotal - t.nStructural;
      for (let q = 0; q < total; q++) {
        const j = q < cand.length ? cand[q] : t.nStructural + q - cand.length;
        if (pos[j] >= 0 || blocked[j] !== 0) continue;
        const off = j * m;
        let d = cost[j];
        for (let i = 0; i < m; i++) d -= y[i] * cols[off + i];
        if (d < bestD) {
          entering = j;
          bestD = d;
        }
      }
    }
    if (entering < 0) {
      for (let j = 0; j < nTotal; j++) {
        if (pos[j] >= 0 || blocked[j] !== 0) continue;
        const off = j * m;
        let d = cost[j];
        for (let i = 0; i < m; i++) d -= y[i] * cols[off + i];
        if (d < bestD) {
          entering = j;
          bestD = d;
          if (bland) break;
        }
      }
    }
    if (entering < 0) return "optimal";
    computeColumn(t, entering);
    // Harris two-pass ratio test: bound the step allowing a tiny infeasibility, then take the largest
    // pivot among rows within that bound; tiny pivots are what wreck a dense basis inverse.
    // Pivots are also judged against the column's largest entry: a 1e-9 pivot beside a 5e4 entry is noise.
    let wMax = 0;
    let anyPositive = false;
    for (let i = 0; i < m; i++) {
      wMax = Math.max(wMax, Math.abs(w[i]));
      if (w[i] > EPS_PIVOT) anyPositive = true;
    }
    const pivTol = Math.max(EPS_PIVOT, 1e-11 * wMax);
    let bound = Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      if (w[i] > pivTol) bound = Math.min(bound, (Math.max(xB[i], 0) + (bland ? 0 : EPS_FEAS)) / w[i]);
    }
    if (bound === Number.POSITIVE_INFINITY) {
      if (!anyPositive) return "unbounded";
      // Only unusable pivots: skip this column for the rest of the phase.
      blocked[entering] = 2;
      continue;
    }
    // Under Bland's rule the textbook minimum ratio with smallest-index ties keeps its anti-cycling
    // guarantee; otherwise Harris's bound lets the largest pivot win among near-ties.
    let r = -1;
    for (let i = 0; i < m; i++) {
      if (w[i] <= pivTol) continue;
      const ratio = Math.max(xB[i], 0) / w[i];
      if (bland ? ratio > bound * (1 + 1e-12) + 1e-300 : ratio > bound) continue;
      if (r < 0 || (bland ? basis[i] < basis[r] : w[i] > w[r])) r = i;
    }
    const step = Math.max(xB[r], 0) / w[r];
    degenerate = step < 1e-12 ? degenerate + 1 : 0;
    pivot(t, r, entering);
    t.iterations++;
    if (t.iterations % REFACTOR_EVERY === 0) refactor(t, t.b);
  }
  return "iteration_limit";
}

/** Recomputes B⁻¹ and x_B from scratch, discarding the drift of the product-form updates. */
function refactor(t: Tableau, b: Float64Array): void {
  const { m, cols, basis } = t;
  const bMat = new Float64Array(m * m);
  for (let k = 0; k < m; k++) for (let i = 0; i < m; i++) bMat[i * m + k] = cols[basis[k] * m + i];
  const fresh = invertSmall(bMat, m);
  if (!fresh) return;
  t.binv.set(fresh);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += fresh[i * m + k] * b[k];
    t.xB[i] = s;
  }
}

/** Runs a phase to optimality, then refactors and re-prices until a fresh inverse confirms it. */
export function iterateRefactored(
  t: Tableau,
  cost: Float64Array,
  b: Float64Array,
  maxIterations: number,
): LpStatus {
  const before = Float64Array.from(t.xB);
  for (let round = 0; round < 4; round++) {
    const st = iterate(t, cost, maxIterations);
    for (let j = 0; j < t.nTotal; j++) if (t.blocked[j] === 2) t.blocked[j] = 0;
    before.set(t.xB);
    refactor(t, b);
    if (st !== "optimal") return st;
    // Re-price only when the fresh inverse moved the solution: otherwise the optimum stands.
    let drift = 0;
    let scale = 1;
    for (let i = 0; i < t.m; i++) {
      drift = Math.max(drift, Math.abs(t.xB[i] - before[i]), -t.xB[i]);
      scale = Math.max(scale, Math.abs(t.xB[i]));
    }
    if (drift <= 1e-11 * scale) return st;
  }
  return iterate(t, cost, maxIterations);
}
