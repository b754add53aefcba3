import { mulberry32 } from "../../shared/random.ts";
import { centred, spatialLag } from "./weight-sums.ts";
import type { SpatialWeights } from "./weights.ts";

export type LisaCluster = "HH" | "LH" | "LL" | "HL" | "not significant";

export interface LisaUnit {
  id: string;
  Ii: number;
  /** Moran scatterplot quadrant of (z_i, lag_i): HH high-high, LH, LL, HL. */
  quadrant: "HH" | "LH" | "LL" | "HL";
  p: number;
  cluster: LisaCluster;
}

export interface LisaOptions {
  permutations?: number;
  seed?: number;
  /** Significance level for naming a cluster. Default 0.05. */
  alpha?: number;
}

/**
 * Local Moran's I (Anselin 1995): I_i = z_i/m2 · Σ_j w_ij z_j, m2 = Σ z²/n, with conditional
 * permutation inference (the other n−1 values are redrawn around each unit) and folded pseudo p-values.
 */
export function localMoran(y: readonly number[], w: SpatialWeights, options: LisaOptions = {}): LisaUnit[] {
  const z = centred(y, w);
  const n = z.length;
  const permutations = options.permutations ?? 999;
  const alpha = options.alpha ?? 0.05;
  const rand = mulberry32(options.seed ?? 12345);
  const m2 = z.reduce((a, v) => a + v * v, 0) / n;
  const lag = spatialLag(w, z);
  const pool = new Float64Array(n - 1);
  return Array.from(z, (zi, i): LisaUnit => {
    const Ii = (zi / m2) * lag[i];
    const quadrant = zi >= 0 ? (lag[i] >= 0 ? "HH" : "HL") : lag[i] >= 0 ? "LH" : "LL";
    const k = w.neighbours[i].length;
    const vals = w.values[i];
    let above = 0;
    if (k > 0 && permutations > 0) {
      for (let r = 0, q = 0; r < n; r++) if (r !== i) pool[q++] = z[r];
      for (let p = 0; p < permutations; p++) {
        // Partial Fisher–Yates: the first k slots become a random draw without replacement.
        let s = 0;
        for (let t = 0; t < k; t++) {
          const j = t + Math.floor(rand() * (n - 1 - t));
          const tmp = pool[t];
          pool[t] = pool[j];
          pool[j] = tmp;
          s += vals[t] * pool[t];
        }
        if ((zi / m2) * s >= Ii) above++;
      }
    }
    const larger = Math.min(above, permutations - above);
    const pValue = k > 0 && permutations > 0 ? (larger + 1) / (permutations + 1) : 1;
    return { id: w.ids[i], Ii, quadrant, p: pValue, cluster: pValue <= alpha ? quadrant : "not significant" };
  });
}
