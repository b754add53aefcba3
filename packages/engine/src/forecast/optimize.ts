/**
 * Nelder–Mead simplex minimiser (Nelder & Mead 1965, standard coefficients 1, 2, 0.5, 0.5).
 * Derivative-free, so likelihoods with hard constraints can return Infinity outside the
 * admissible region. Deterministic: same start gives same answer.
 */
export interface NelderMeadOptions {
  maxIterations?: number;
  /** Stop when the spread of objective values in the simplex falls below this. */
  tolerance?: number;
  /** Initial step per coordinate (default 10% of |x| or 0.05). */
  step?: readonly number[];
}

export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  opts: NelderMeadOptions = {},
): Minimum {
  const n = x0.length;
  const maxIt = opts.maxIterations ?? 200 * n;
  const tol = opts.tolerance ?? 1e-8;
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += opts.step?.[i] ?? (p[i] !== 0 ? 0.1 * Math.abs(p[i]) : 0.05);
    simplex.push(p);
  }
  let values = simplex.map(f);
  let it = 0;
  for (; it < maxIt; it++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const s = order.map((i) => simplex[i]);
    const v = order.map((i) => values[i]);
    simplex.splice(0, simplex.length, ...s);
    values = v;
    const best = values[0];
    const worst = values[n];
    if (Number.isFinite(worst) && Math.abs(worst - best) <= tol * (Math.abs(best) + tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) {
        simplex[n] = xe;
        values[n] = fe;
      } else {
        simplex[n] = xr;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = xr;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const xc = along(outside ? -0.5 : 0.5);
      const fc = f(xc);
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = xc;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j]));
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[bi]) bi = i;
  return { x: simplex[bi], value: values[bi], iterations: it };
}
