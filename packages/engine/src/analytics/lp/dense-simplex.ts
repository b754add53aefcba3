/**
 * A dense two-phase revised simplex for the small, wide LPs of DEA (a handful of rows, up to a few
 * thousand columns). The basis inverse is an explicit m×m Float64Array updated by elementary row
 * operations, pricing is Dantzig's rule with a switch to Bland's rule after a run of degenerate
 * pivots (DEA envelopment LPs are highly degenerate), and the final basic solution and duals are
 * recomputed from a fresh inverse so update errors do not reach the answer. Why not HiGHS for
 * every LP: its per-call overhead dominates LPs this small (see docs/analytics.md and the bench).
 */

import { computeColumn, iterateRefactored, pivot, type Tableau } from "./simplex-core.ts";
import { geometricRowScales, invertSmall } from "./small-matrix.ts";

export type RowSense = "le" | "ge" | "eq";

export interface DenseLp {
  nRows: number;
  nCols: number;
  /** Column-major constraint matrix: entry (i, j) is a[j * nRows + i]. */
  a: Float64Array;
  b: Float64Array;
  senses: readonly RowSense[];
  c: Float64Array;
  maximize?: boolean;
}

export type LpStatus = "optimal" | "infeasible" | "unbounded" | "iteration_limit";

export interface LpResult {
  status: LpStatus;
  /** Objective in the caller's sense (max or min); 0 unless status is optimal. */
  objective: number;
  x: Float64Array;
  /** Dual prices: the rate of change of the optimal objective per unit of b_i. */
  duals: Float64Array;
  /** Slack (≤ rows: b − a·x) or surplus (≥ rows: a·x − b) per row; 0 for equalities. */
  rowSlacks: Float64Array;
  iterations: number;
}

export interface SimplexOptions {
  maxIterations?: number;
  /**
   * Structural columns to price first (partial pricing). A full pass runs only when none of them
   * improves, so the optimum is unchanged; DEA passes the units that were peers in earlier LPs.
   */
  candidates?: Int32Array;
  /**
   * Precomputed geometric row scales (length nRows), e.g. from `geometricRowScales` once for a family
   * of LPs sharing most columns; skips the per-solve scaling passes. Columns are still equilibrated.
   */
  rowScale?: Float64Array;
  /**
   * Objective coefficients of the rows' own slack/surplus variables (length nRows; ignored on
   * equality rows). Lets a max-slack stage reuse ≤/≥ rows instead of adding slack columns.
   */
  slackCost?: Float64Array;
}

function failed(
  status: LpStatus,
  n: number,
  m: number,
  iterations: number,
): { result: LpResult; suspect: boolean } {
  return {
    result: {
      status,
      objective: 0,
      x: new Float64Array(n),
      duals: new Float64Array(m),
      rowSlacks: new Float64Array(m),
      iterations,
    },
    suspect: false,
  };
}

/**
 * Solves min/max c'x s.t. rows, x ≥ 0. A result that fails an independent feasibility check (or an
 * infeasible verdict reached with partial pricing) is re-solved once with full Bland pricing, so
 * numerical trouble costs time, not correctness.
 */
export function solveDenseLp(lp: DenseLp, options: SimplexOptions = {}): LpResult {
  const first = solveOnce(lp, options, false);
  const suspect = first.suspect || (first.result.status === "infeasible" && options.candidates !== undefined);
  if (!suspect) return first.result;
  const second = solveOnce(
    lp,
    { maxIterations: options.maxIterations, rowScale: options.rowScale, slackCost: options.slackCost },
    true,
  );
  second.result.iterations += first.result.iterations;
  return second.result;
}

/** One solve; `suspect` flags a basis whose fresh basic solution is not feasible (x_B < 0). */
function solveOnce(
  lp: DenseLp,
  options: SimplexOptions,
  blandOnly: boolean,
): { result: LpResult; suspect: boolean } {
  const m = lp.nRows;
  const n = lp.nCols;
  const maxIterations = options.maxIterations ?? 50 * (m + n) + 1000;
  // Normalise rows to b >= 0; a >= row with zero rhs becomes a <= row so its slack can start basic.
  const sign = new Float64Array(m);
  const kind = new Uint8Array(m); // 0 le, 1 ge, 2 eq
  const b = new Float64Array(m);
  let nSlack = 0;
  let nArt = 0;
  for (let i = 0; i < m; i++) {
    const s = lp.senses[i];
    let k = s === "le" ? 0 : s === "ge" ? 1 : 2;
    let sg = 1;
    if (lp.b[i] < 0 || (lp.b[i] === 0 && k === 1)) {
      sg = -1;
      if (k !== 2) k = 1 - k;
    }
    sign[i] = sg;
    kind[i] = k;
    b[i] = lp.b[i] * sg;
    if (k !== 2) nSlack++;
    if (k !== 0) nArt++;
  }
  const nTotal = n + nSlack + nArt;
  const cols = new Float64Array(nTotal * m);
  // Scale: two geometric-mean passes shrink the spread of magnitudes, then columns are equilibrated
  // to max |a| = 1, so the absolute pivot and pricing tolerances mean the same thing whatever units
  // the data come in. (Plain reciprocals, not powers of two: a one-ulp change of a coefficient is
  // far below every tolerance, and log2/pow per column cost more than the simplex itself here.)
  const a = lp.a;
  const rowScale = options.rowScale ?? geometricRowScales(a, m, n);
  const colScale = new Float64Array(n).fill(1);
  for (let j = 0; j < n; j++) {
    const off = j * m;
    let mx = 0;
    for (let i = 0; i < m; i++) {
      const v = Math.abs(a[off + i] * rowScale[i]);
      if (v > mx) mx = v;
    }
    const cs = mx > 0 ? 1 / mx : 1;
    colScale[j] = cs;
    for (let i = 0; i < m; i++) cols[off + i] = a[off + i] * sign[i] * rowScale[i] * cs;
  }
  for (let i = 0; i < m; i++) b[i] *= rowScale[i];
  const basis = new Int32Array(m);
  const pos = new Int32Array(nTotal).fill(-1);
  const isArt = new Uint8Array(nTotal);
  let next = n;
  const slackCol = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    if (kind[i] !== 2) {
      slackCol[i] = next;
      cols[next * m + i] = kind[i] === 0 ? 1 : -1;
      if (kind[i] === 0) {
        basis[i] = next;
        pos[next] = i;
      }
      next++;
    }
  }
  for (let i = 0; i < m; i++) {
    if (kind[i] !== 0) {
      cols[next * m + i] = 1;
      isArt[next] = 1;
      basis[i] = next;
      pos[next] = i;
      next++;
    }
  }
  const binv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) binv[i * m + i] = 1;
  const t: Tableau = {
    m,
    nTotal,
    cols,
    basis,
    pos,
    binv,
    xB: Float64Array.from(b),
    blocked: new Uint8Array(nTotal),
    y: new Float64Array(m),
    w: new Float64Array(m),
    iterations: 0,
    nStructural: n,
    candidates: options.candidates ?? null,
    blandOnly,
    b,
  };

  if (nArt > 0) {
    const cost1 = new Float64Array(nTotal);
    for (let j = 0; j < nTotal; j++) cost1[j] = isArt[j];
    // Phase 1 is bounded below by 0, so an "unbounded" verdict can only be rounding: judge by the sum below.
    const st = iterateRefactored(t, cost1, b, maxIterations);
    if (st === "iteration_limit") return failed(st, n, m, t.iterations);
    let infeas = 0;
    let bScale = 1;
    for (let i = 0; i < m; i++) {
      if (isArt[basis[i]]) infeas += Math.abs(t.xB[i]);
      bScale = Math.max(bScale, b[i]);
    }
    if (infeas > 1e-9 * bScale) return failed("infeasible", n, m, t.iterations);
    // Drive zero-level artificials out of the basis; a row where none can leave is redundant.
    for (let r = 0; r < m; r++) {
      if (!isArt[basis[r]]) continue;
      let bestJ = -1;
      let bestV = 1e-9;
      for (let j = 0; j < nTotal; j++) {
        if (pos[j] >= 0 || isArt[j]) continue;
        let v = 0;
        for (let k = 0; k < m; k++) v += binv[r * m + k] * cols[j * m + k];
        if (Math.abs(v) > bestV) {
          bestV = Math.abs(v);
          bestJ = j;
        }
      }
      if (bestJ >= 0) {
        computeColumn(t, bestJ);
        pivot(t, r, bestJ);
      }
    }
    for (let j = 0; j < nTotal; j++) if (isArt[j]) t.blocked[j] = 1;
  }

  const cost2 = new Float64Array(nTotal);
  const dir = lp.maximize ? -1 : 1;
  for (let j = 0; j < n; j++) cost2[j] = dir * lp.c[j] * colScale[j];
  // A slack's value is the original row's slack/surplus whichever way the row was normalised; in the
  // scaled row it is multiplied by rowScale, so its cost is divided by it.
  if (options.slackCost) {
    for (let i = 0; i < m; i++)
      if (slackCol[i] >= 0) cost2[slackCol[i]] = (dir * options.slackCost[i]) / rowScale[i];
  }
  const st2 = iterateRefactored(t, cost2, b, maxIterations);
  if (st2 !== "optimal") return failed(st2, n, m, t.iterations);

  // Recompute x_B and duals from a fresh inverse of B to shed accumulated update error.
  const bMat = new Float64Array(m * m);
  for (let k = 0; k < m; k++) for (let i = 0; i < m; i++) bMat[i * m + k] = cols[basis[k] * m + i];
  const fresh = invertSmall(bMat, m) ?? binv;
  const x = new Float64Array(n);
  const rowSlacks = new Float64Array(m);
  const slackRow = new Int32Array(nTotal).fill(-1);
  for (let i = 0; i < m; i++) if (slackCol[i] >= 0) slackRow[slackCol[i]] = i;
  // Rows hold exactly by construction (B x_B = b); feasibility is x_B ≥ 0 and zero artificials.
  let worst = 0;
  // Judged against the right-hand side's size, not the largest basic value, which can dwarf a row.
  let xScale = 1;
  for (let i = 0; i < m; i++) xScale = Math.max(xScale, Math.abs(b[i]));
  for (let i = 0; i < m; i++) {
    const j = basis[i];
    let s = 0;
    for (let k = 0; k < m; k++) s += fresh[i * m + k] * b[k];
    worst = Math.max(worst, isArt[j] ? Math.abs(s) : -s);
    const row = slackRow[j];
    if (row >= 0) rowSlacks[row] = Math.max(0, s / rowScale[row]);
    if (j >= n) continue;
    s *= colScale[j];
    x[j] = s < 0 && s > -1e-9 ? 0 : s;
  }
  const duals = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += cost2[basis[k]] * fresh[k * m + i];
    duals[i] = dir * s * sign[i] * rowScale[i];
  }
  let objective = 0;
  for (let j = 0; j < n; j++) objective += lp.c[j] * x[j];
  if (options.slackCost) for (let i = 0; i < m; i++) objective += options.slackCost[i] * rowSlacks[i];
  return {
    result: { status: "optimal", objective, x, duals, rowSlacks, iterations: t.iterations },
    suspect: worst > 1e-9 * xScale,
  };
}
