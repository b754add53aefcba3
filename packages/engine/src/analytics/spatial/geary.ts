import { normalPValues } from "../stats/normal.ts";
import { type PermutationInference, type PermutationOptions, permutationInference } from "./moran.ts";
import { centred, weightSums } from "./weight-sums.ts";
import type { SpatialWeights } from "./weights.ts";

export interface GearyResult {
  C: number;
  /** E[C] = 1; C < 1 signals positive spatial autocorrelation. */
  expected: number;
  varianceNormal: number;
  zNormal: number;
  pNormalOneTailed: number;
  pNormalTwoTailed: number;
  varianceRandomisation: number;
  zRandomisation: number;
  pRandomisationOneTailed: number;
  pRandomisationTwoTailed: number;
  permutation: PermutationInference | null;
}

function statistic(w: SpatialWeights, z: Float64Array, s0: number): number {
  const n = z.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const nb = w.neighbours[i];
    const vals = w.values[i];
    for (let k = 0; k < nb.length; k++) num += vals[k] * (z[i] - z[nb[k]]) ** 2;
    den += z[i] * z[i];
  }
  return ((n - 1) * num) / (2 * s0 * den);
}

/** Geary's (1954) contiguity ratio C = (n−1) ΣΣ w_ij (y_i − y_j)² / (2 S0 Σ z_i²), moments from Cliff & Ord (1981). */
export function gearyC(
  y: readonly number[],
  w: SpatialWeights,
  options: PermutationOptions = {},
): GearyResult {
  const z = centred(y, w);
  const n = z.length;
  const { s0, s1, s2 } = weightSums(w);
  const C = statistic(w, z, s0);
  const s02 = s0 * s0;
  const n2 = n * n;
  let m2 = 0;
  let m4 = 0;
  for (const v of z) {
    m2 += v * v;
    m4 += v ** 4;
  }
  const k = m4 / n / (m2 / n) ** 2;
  const varianceNormal = ((2 * s1 + s2) * (n - 1) - 4 * s02) / (2 * (n + 1) * s02);
  const a = (n - 1) * s1 * (n2 - 3 * n + 3 - (n - 1) * k);
  const b = 0.25 * (n - 1) * s2 * (n2 + 3 * n - 6 - (n2 - n + 2) * k);
  const c = s02 * (n2 - 3 - (n - 1) ** 2 * k);
  const varianceRandomisation = (a - b + c) / (n * (n - 2) * (n - 3) * s02);
  const zNormal = (C - 1) / Math.sqrt(varianceNormal);
  const zRandomisation = (C - 1) / Math.sqrt(varianceRandomisation);
  const pn = normalPValues(zNormal);
  const pr = normalPValues(zRandomisation);
  return {
    C,
    expected: 1,
    varianceNormal,
    zNormal,
    pNormalOneTailed: pn.oneTailed,
    pNormalTwoTailed: pn.twoTailed,
    varianceRandomisation,
    zRandomisation,
    pRandomisationOneTailed: pr.oneTailed,
    pRandomisationTwoTailed: pr.twoTailed,
    permutation: permutationInference(C, (perm) => statistic(w, perm, s0), z, options),
  };
}
