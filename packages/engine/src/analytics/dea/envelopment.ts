import { AnalyticsError } from "../errors.ts";
import { type DenseLp, type LpResult, type RowSense, solveDenseLp } from "../lp/dense-simplex.ts";
import { geometricRowScales } from "../lp/small-matrix.ts";
import type { DeaData, Orientation, ReturnsToScale } from "./dea-data.ts";
import { technologyMatrix } from "./dea-data.ts";

/** A pluggable LP solver so tests and the bench can run the same models through HiGHS. */
export type LpSolveFn = (
  lp: DenseLp,
  candidates?: Int32Array,
  rowScale?: Float64Array,
  slackCost?: Float64Array,
) => LpResult;

export const denseSolver: LpSolveFn = (lp, candidates, rowScale, slackCost) =>
  solveDenseLp(lp, { candidates, rowScale, slackCost });

/** The result of projecting one point (x_o, y_o) onto a reference technology. */
export interface RadialPoint {
  status: "optimal" | "infeasible";
  /** θ (input orientation, ≤ 1 inside the set) or φ (output orientation, ≥ 1 inside the set). */
  efficiency: number;
  lambdas: Float64Array;
  slacksX: number[];
  slacksY: number[];
  /** Multiplier-form weights from the first-stage duals (v for inputs, u for outputs, u0 for VRS). */
  v: number[];
  u: number[];
  u0: number;
  lpCount: number;
}

/**
 * Reusable envelopment LPs over one reference technology. The technology block is built once; each
 * evaluation only rewrites the evaluated unit's column and right-hand side.
 */
export class EnvelopmentModel {
  readonly n: number;
  readonly m: number;
  readonly s: number;
  readonly rows: number;
  private readonly rts: ReturnsToScale;
  private readonly stage1: Float64Array;
  private readonly solve: LpSolveFn;
  private readonly peerSeen: Uint8Array;
  private candidates: Int32Array = new Int32Array(0);
  private candidateList: number[] = [];
  /** Row scales of the technology, computed once: every LP of this model shares those columns. */
  private readonly rowScale: Float64Array;

  constructor(reference: DeaData, rts: ReturnsToScale, solve: LpSolveFn = denseSolver) {
    this.n = reference.inputs.length;
    this.m = reference.inputs[0].length;
    this.s = reference.outputs[0].length;
    this.rts = rts;
    this.rows = this.m + this.s + (rts === "vrs" ? 1 : 0);
    this.solve = solve;
    this.peerSeen = new Uint8Array(this.n);
    const tech = technologyMatrix(reference, this.rows);
    this.stage1 = new Float64Array(this.rows * (this.n + 1));
    this.stage1.set(tech);
    if (rts === "vrs") for (let j = 0; j < this.n; j++) this.stage1[j * this.rows + this.rows - 1] = 1;
    this.rowScale = geometricRowScales(this.stage1, this.rows, this.n);
  }

  private senses(first: RowSense, second: RowSense): RowSense[] {
    const out: RowSense[] = [];
    for (let i = 0; i < this.m; i++) out.push(first);
    for (let r = 0; r < this.s; r++) out.push(second);
    if (this.rts === "vrs") out.push("eq");
    return out;
  }

  private remember(lambdas: Float64Array): void {
    for (let j = 0; j < this.n; j++) {
      if (lambdas[j] > 1e-12 && this.peerSeen[j] === 0) {
        this.peerSeen[j] = 1;
        this.candidateList.push(j);
        this.candidates = Int32Array.from(this.candidateList);
      }
    }
  }

  /** Evaluates (xo, yo); `exclude` drops one reference unit (Andersen–Petersen super-efficiency). */
  evaluate(
    xo: readonly number[],
    yo: readonly number[],
    orientation: Orientation,
    exclude = -1,
    slacks = true,
  ): RadialPoint {
    const { n, m, s, rows } = this;
    const a = this.stage1;
    const saved = exclude >= 0 ? a.slice(exclude * rows, (exclude + 1) * rows) : null;
    if (exclude >= 0) a.fill(0, exclude * rows, (exclude + 1) * rows);
    const b = new Float64Array(rows);
    const off = n * rows;
    a.fill(0, off, off + rows);
    if (orientation === "input") {
      for (let i = 0; i < m; i++) a[off + i] = -xo[i];
      for (let r = 0; r < s; r++) b[m + r] = yo[r];
    } else {
      for (let i = 0; i < m; i++) b[i] = xo[i];
      for (let r = 0; r < s; r++) a[off + m + r] = -yo[r];
    }
    if (this.rts === "vrs") b[rows - 1] = 1;
    const c = new Float64Array(n + 1);
    c[n] = 1;
    const lp: DenseLp = {
      nRows: rows,
      nCols: n + 1,
      a,
      b,
      c,
      senses: this.senses("le", "ge"),
      maximize: orientation === "output",
    };
    const res = this.solve(lp, this.candidates, this.rowScale);
    if (saved) a.set(saved, exclude * rows);
    if (res.status === "unbounded" && orientation === "output") {
      // Only possible when the reference set cannot produce any of y_o's positive outputs at x_o.
      return this.infeasible(1);
    }
    if (res.status === "infeasible") return this.infeasible(1);
    if (res.status !== "optimal") {
      throw new AnalyticsError("LP_ITERATION_LIMIT", `envelopment LP ended with status ${res.status}`);
    }
    const eff = res.x[n];
    const d = res.duals;
    const v: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < m; i++) v.push(clean(orientation === "input" ? -d[i] : d[i]));
    for (let r = 0; r < s; r++) u.push(clean(orientation === "input" ? d[m + r] : -d[m + r]));
    // u0 is free in sign (it signals the returns to scale), so it is only rounded, not clamped.
    const u0Raw = this.rts === "vrs" ? (orientation === "input" ? d[rows - 1] : -d[rows - 1]) : 0;
    const u0 = Math.abs(u0Raw) < 1e-10 ? 0 : u0Raw;
    let lambdas = res.x.subarray(0, n);
    let slacksX = new Array<number>(m).fill(0);
    let slacksY = new Array<number>(s).fill(0);
    let lpCount = 1;
    if (slacks) {
      const second = this.maxSlacks(xo, yo, orientation, eff, exclude);
      lpCount++;
      if (second) ({ lambdas, slacksX, slacksY } = second);
    }
    this.remember(lambdas);
    const cleaned = new Float64Array(n);
    for (let j = 0; j < n; j++) cleaned[j] = clean(lambdas[j]);
    return { status: "optimal", efficiency: eff, lambdas: cleaned, slacksX, slacksY, v, u, u0, lpCount };
  }

  private infeasible(lpCount: number): RadialPoint {
    return {
      status: "infeasible",
      efficiency: 0,
      lambdas: new Float64Array(this.n),
      slacksX: new Array<number>(this.m).fill(0),
      slacksY: new Array<number>(this.s).fill(0),
      v: new Array<number>(this.m).fill(0),
      u: new Array<number>(this.s).fill(0),
      u0: 0,
      lpCount,
    };
  }

  /**
   * Second stage: with the radial score fixed, maximise the sum of input and output slacks. The
   * stage-one rows are reused without the score column; the slacks are the rows' own slack and
   * surplus variables, which the solver prices directly (fewer columns and artificials than
   * explicit slack columns on equality rows).
   */
  private maxSlacks(
    xo: readonly number[],
    yo: readonly number[],
    orientation: Orientation,
    eff: number,
    exclude: number,
  ): { lambdas: Float64Array; slacksX: number[]; slacksY: number[] } | null {
    const { n, m, s, rows } = this;
    const a = this.stage1;
    const saved = exclude >= 0 ? a.slice(exclude * rows, (exclude + 1) * rows) : null;
    if (exclude >= 0) a.fill(0, exclude * rows, (exclude + 1) * rows);
    const b = new Float64Array(rows);
    for (let i = 0; i < m; i++) b[i] = orientation === "input" ? eff * xo[i] : xo[i];
    for (let r = 0; r < s; r++) b[m + r] = orientation === "input" ? yo[r] : eff * yo[r];
    if (this.rts === "vrs") b[rows - 1] = 1;
    const slackCost = new Float64Array(rows).fill(1);
    const lp: DenseLp = {
      nRows: rows,
      nCols: n,
      a,
      b,
      c: new Float64Array(n),
      senses: this.senses("le", "ge"),
      maximize: true,
    };
    const res = this.solve(lp, this.candidates, this.rowScale, slackCost);
    if (saved) a.set(saved, exclude * rows);
    // Rounding in the fixed score can make the second stage marginally infeasible; keep stage one then.
    if (res.status !== "optimal") return null;
    const slacksX: number[] = [];
    const slacksY: number[] = [];
    for (let i = 0; i < m; i++) slacksX.push(clean(res.rowSlacks[i]));
    for (let r = 0; r < s; r++) slacksY.push(clean(res.rowSlacks[m + r]));
    return { lambdas: res.x.subarray(0, n), slacksX, slacksY };
  }
}

/** Zeroes solver noise: slacks and weights are non-negative by definition, so negatives are rounding. */
export function clean(v: number): number {
  return v < 1e-10 ? 0 : v;
}
