import { mulberry32 } from "../../shared/random.ts";
import { normalPValues } from "../stats/normal.ts";
import { shuffleInPlace } from "../stats/shuffle.ts";
import { centred, spatialLag, weightSums } from "./weight-sums.ts";
import type { SpatialWeights } from "./weights.ts";

export interface PermutationOptions {
  /** Number of random permutations (0 = none). Default 999. */
  permutations?: number;
  seed?: number;
}

export interface PermutationInference {
  permutations: number;
  seed: number;
  /** Pseudo p-value, folded one-sided as in esda: (min(#≥, #≤) + 1) / (permutations + 1). */
  p: number;
  mean: number;
  sd: number;
  z: number;
}

export interface MoranResult {
  I: number;
  expected: number;
  /** Normal-approximation (total randomness) inference. */
  varianceNormal: number;
  zNormal: number;
  pNormalOneTailed: number;
  pNormalTwoTailed: number;
  /** Randomisation-assumption inference (uses the sample kurtosis). */
  varianceRandomisation: number;
  zRandomisation: number;
  pRandomisationOneTailed: number;
  pRandomisationTwoTailed: number;
  permutation: PermutationInference | null;
}

function statistic(w: SpatialWeights, z: Float64Array, s0: number): number {
  const lag = spatialLag(w, z);
  let num = 0;
  let den = 0;
  for (let i = 0; i < z.length; i++) {
    num += z[i] * lag[i];
    den += z[i] * z[i];
  }
  return (z.length / s0) * (num / den);
}

export function permutationInference(
  observed: number,
  stat: (perm: Float64Array) => number,
  base: Float64Array,
  options: PermutationOptions,
): PermutationInference | null {
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 12345;
  if (permutations <= 0) return null;
  const rand = mulberry32(seed);
  const perm = Float64Array.from(base);
  let above = 0;
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < permutations; k++) {
    shuffleInPlace(perm, rand);
    const v = stat(perm);
    if (v >= observed) above++;
    sum += v;
    sumSq += v * v;
  }
  const larger = Math.min(above, permutations - above);
  const mean = sum / permutations;
  const sd = Math.sqrt(Math.max(0, sumSq / permutations - mean * mean));
  return {
    permutations,
    seed,
    p: (larger + 1) / (permutations + 1),
    mean,
    sd,
    z: sd > 0 ? (observed - mean) / sd : 0,
  };
}

/**
 * Global Moran's I (Moran 1950; moments from Cliff & Ord 1981):
 * I = n/S0 · z'Wz / z'z, E[I] = −1/(n−1), with normal, randomisation and permutation inference.
 */
export function moranI(
  y: readonly number[],
  w: SpatialWeights,
  options: PermutationOptions = {},
): MoranResult {
  const z = centred(y, w);
  const n = z.length;
  const { s0, s1, s2 } = weightSums(w);
  const I = statistic(w, z, s0);
  const expected = -1 / (n - 1);
  const s02 = s0 * s0;
  const n2 = n * n;
  const varianceNormal = (n2 * s1 - n * s2 + 3 * s02) / ((n2 - 1) * s02) - expected * expected;
  let m2 = 0;
  let m4 = 0;
  for (const v of z) {
    m2 += v * v;
    m4 += v ** 4;
  }
  const k = m4 / n / (m2 / n) ** 2;
  const varianceRandomisation =
    (n * ((n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02) - k * ((n2 - n) * s1 - 2 * n * s2 + 6 * s02)) /
      ((n - 1) * (n - 2) * (n - 3) * s02) -
    expected * expected;
  const zNormal = (I - expected) / Math.sqrt(varianceNormal);
  const zRandomisation = (I - expected) / Math.sqrt(varianceRandomisation);
  const pn = normalPValues(zNormal);
  const pr = normalPValues(zRandomisation);
  return {
    I,
    expected,
    varianceNormal,
    zNormal,
    pNormalOneTailed: pn.oneTailed,
    pNormalTwoTailed: pn.twoTailed,
    varianceRandomisation,
    zRandomisation,
    pRandomisationOneTailed: pr.oneTailed,
    pRandomisationTwoTailed: pr.twoTailed,
    permutation: permutationInference(I, (perm) => statistic(w, perm, s0), z, options),
  };
}
