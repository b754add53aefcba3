/**
 * HiGHS (WebAssembly) as a reference solver for the same DenseLp the engine's own simplex solves.
 * Lives in bench/ because loading the wasm binary is file I/O, which the engine must not do.
 */
import type { DenseLp, LpResult, LpStatus } from "@clusterbrain/engine/analytics";
import highsLoader from "highs";

export type LpSolver = (lp: DenseLp, slackCost?: Float64Array) => LpResult;

export async function loadHighsLpSolver(): Promise<LpSolver> {
  const highs = await highsLoader();
  const codes = highs.constants.modelStatus;
  const solveWithSlackColumns = (lp: DenseLp, slackCost: Float64Array, solve: LpSolver): LpResult => {
    // HiGHS has no costs on row slacks: add them as explicit columns on equality rows instead.
    const { nRows: m, nCols: n } = lp;
    const a = new Float64Array(m * (n + m));
    a.set(lp.a.subarray(0, m * n));
    const c = new Float64Array(n + m);
    c.set(lp.c.subarray(0, n));
    for (let i = 0; i < m; i++) {
      if (lp.senses[i] === "eq") continue;
      a[(n + i) * m + i] = lp.senses[i] === "le" ? 1 : -1;
      c[n + i] = slackCost[i];
    }
    const r = solve({ ...lp, nCols: n + m, a, c, senses: lp.senses.map(() => "eq") });
    const rowSlacks = Float64Array.from({ length: m }, (_, i) => (lp.senses[i] === "eq" ? 0 : r.x[n + i]));
    return { ...r, x: r.x.slice(0, n), rowSlacks };
  };
  const solve: LpSolver = (lp: DenseLp, slackCost?: Float64Array): LpResult => {
    if (slackCost) return solveWithSlackColumns(lp, slackCost, solve);
    const { nRows: m, nCols: n } = lp;
    // The dense column-major matrix maps to CSC by dropping zeros.
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        const v = lp.a[j * m + i];
        if (v !== 0) {
          indices.push(i);
          values.push(v);
        }
      }
      starts.push(indices.length);
    }
    const rowLower = new Float64Array(m);
    const rowUpper = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const s = lp.senses[i];
      rowLower[i] = s === "le" ? -highs.infinity : lp.b[i];
      rowUpper[i] = s === "ge" ? highs.infinity : lp.b[i];
    }
    const res = highs.raw.lpCall({
      numCols: n,
      numRows: m,
      sense: lp.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
      colCost: lp.c,
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(highs.infinity),
      rowLower,
      rowUpper,
      matrix: { format: "csc", numRows: m, numCols: n, starts, indices, values },
    });
    if (res.status === -1) {
      return {
        status: "infeasible",
        objective: 0,
        x: new Float64Array(n),
        duals: new Float64Array(m),
        rowSlacks: new Float64Array(m),
        iterations: 0,
      };
    }
    const out = res.value;
    const status: LpStatus =
      out.modelStatus === codes.optimal
        ? "optimal"
        : out.modelStatus === codes.unbounded
          ? "unbounded"
          : out.modelStatus === codes.infeasible
            ? "infeasible"
            : "iteration_limit";
    const x = Float64Array.from(out.solution.colValue);
    let objective = 0;
    for (let j = 0; j < n; j++) objective += lp.c[j] * x[j];
    const act = out.solution.rowValue;
    const rowSlacks = Float64Array.from({ length: m }, (_, i) =>
      lp.senses[i] === "le"
        ? Math.max(0, lp.b[i] - act[i])
        : lp.senses[i] === "ge"
          ? Math.max(0, act[i] - lp.b[i])
          : 0,
    );
    return { status, objective, x, duals: Float64Array.from(out.solution.rowDual), rowSlacks, iterations: 0 };
  };
  return solve;
}
