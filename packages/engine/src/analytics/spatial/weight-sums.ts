import { AnalyticsError } from "../errors.ts";
import type { SpatialWeights } from "./weights.ts";

/** The weight moments of Cliff & Ord (1981): S0 = ΣΣw, S1 = ½ΣΣ(w_ij + w_ji)², S2 = Σ(w_i· + w_·i)². */
export function weightSums(w: SpatialWeights): { s0: number; s1: number; s2: number } {
  const key = (i: number, j: number) => i * w.n + j;
  const cell = new Map<number, number>();
  const rowSum = new Float64Array(w.n);
  const colSum = new Float64Array(w.n);
  let s0 = 0;
  for (let i = 0; i < w.n; i++) {
    w.neighbours[i].forEach((j, k) => {
      const v = w.values[i][k];
      cell.set(key(i, j), (cell.get(key(i, j)) ?? 0) + v);
      rowSum[i] += v;
      colSum[j] += v;
      s0 += v;
    });
  }
  let s1 = 0;
  for (const [k, v] of cell) {
    const i = Math.floor(k / w.n);
    const j = k - i * w.n;
    const back = cell.get(key(j, i)) ?? 0;
    s1 += (v + back) ** 2;
    // Pairs present only one way contribute their square twice over the ordered sum.
    if (back === 0) s1 += v * v;
  }
  s1 /= 2;
  let s2 = 0;
  for (let i = 0; i < w.n; i++) s2 += (rowSum[i] + colSum[i]) ** 2;
  return { s0, s1, s2 };
}

/** Deviations from the mean, checked: spatial statistics need n ≥ 4 finite values that are not all equal. */
export function centred(y: readonly number[], w: SpatialWeights, minimum = 4): Float64Array {
  if (y.length !== w.n) {
    throw new AnalyticsError(
      "DIMENSION_MISMATCH",
      `variable has ${y.length} values but weights cover ${w.n} units`,
    );
  }
  if (y.length < minimum)
    throw new AnalyticsError("INVALID_INPUT", `need at least ${minimum} units, got ${y.length}`);
  y.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new AnalyticsError("NON_FINITE_VALUE", `value ${i + 1} is ${v}`, { row: i + 1 });
  });
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const z = Float64Array.from(y, (v) => v - mean);
  if (z.every((v) => Math.abs(v) < 1e-15 * (Math.abs(mean) + 1))) {
    throw new AnalyticsError(
      "INVALID_INPUT",
      "the variable is constant, so spatial autocorrelation is undefined",
    );
  }
  return z;
}

/** Spatial lag (Wz)_i. */
export function spatialLag(w: SpatialWeights, z: Float64Array): Float64Array {
  const out = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    const nb = w.neighbours[i];
    const vals = w.values[i];
    let s = 0;
    for (let k = 0; k < nb.length; k++) s += vals[k] * z[nb[k]];
    out[i] = s;
  }
  return out;
}
