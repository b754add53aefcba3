import { AnalyticsError } from "../errors.ts";

/** "benefit": more is better (revenue, patents); "cost": less is better (energy per unit, defect rate). */
export type IndicatorDirection = "benefit" | "cost";

export interface Indicator {
  key: string;
  direction: IndicatorDirection;
  /** Labels for explanations. */
  zh?: string;
  en?: string;
}

/** Min–max normalisation aligned so 1 is always best; a constant indicator maps to 1 for every unit. */
export function normaliseIndicators(
  values: readonly (readonly number[])[],
  indicators: readonly Indicator[],
): number[][] {
  const n = values.length;
  const m = indicators.length;
  if (n === 0) throw new AnalyticsError("INVALID_INPUT", "no units to score");
  values.forEach((row, i) => {
    if (row.length !== m)
      throw new AnalyticsError(
        "DIMENSION_MISMATCH",
        `unit ${i + 1} has ${row.length} indicators, expected ${m}`,
        { row: i + 1 },
      );
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) {
        throw new AnalyticsError("NON_FINITE_VALUE", `unit ${i + 1}: ${indicators[j].key} is ${v}`, {
          row: i + 1,
          column: indicators[j].key,
        });
      }
    });
  });
  const out = values.map(() => new Array<number>(m).fill(1));
  for (let j = 0; j < m; j++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const row of values) {
      lo = Math.min(lo, row[j]);
      hi = Math.max(hi, row[j]);
    }
    if (hi === lo) continue;
    for (let i = 0; i < n; i++) {
      const r = (values[i][j] - lo) / (hi - lo);
      out[i][j] = indicators[j].direction === "benefit" ? r : 1 - r;
    }
  }
  return out;
}

/**
 * Entropy weights (熵权法): p_ij = r_ij / Σ_i r_ij, e_j = −Σ p ln p / ln n (0·ln 0 = 0), w_j ∝ 1 − e_j.
 * An indicator that does not vary carries no information and gets weight 0; if none varies, all
 * weights are equal. Needs n ≥ 2.
 */
export function entropyWeights(normalised: readonly (readonly number[])[]): {
  weights: number[];
  entropy: number[];
} {
  const n = normalised.length;
  if (n < 2) throw new AnalyticsError("INVALID_INPUT", "entropy weights need at least two units");
  const m = normalised[0].length;
  const entropy: number[] = [];
  for (let j = 0; j < m; j++) {
    const col = normalised.map((r) => r[j]);
    const total = col.reduce((a, b) => a + b, 0);
    const min = Math.min(...col);
    const max = Math.max(...col);
    if (total <= 0 || max === min) {
      entropy.push(1);
      continue;
    }
    let h = 0;
    for (const v of col) {
      const p = v / total;
      if (p > 0) h -= p * Math.log(p);
    }
    entropy.push(h / Math.log(n));
  }
  const d = entropy.map((e) => Math.max(0, 1 - e));
  const dsum = d.reduce((a, b) => a + b, 0);
  return { weights: dsum > 0 ? d.map((v) => v / dsum) : d.map(() => 1 / m), entropy };
}

export interface TopsisResult {
  /** Relative closeness D⁻/(D⁺ + D⁻) ∈ [0, 1]; 1 when every unit coincides with the ideal. */
  closeness: number[];
  dPlus: number[];
  dMinus: number[];
  /** 1 = best; ties share the better rank. */
  rank: number[];
}

/** TOPSIS (Hwang & Yoon 1981) on direction-aligned normalised indicators r ∈ [0,1] with weights w. */
export function topsis(normalised: readonly (readonly number[])[], weights: readonly number[]): TopsisResult {
  const m = weights.length;
  const best = new Array<number>(m).fill(Number.NEGATIVE_INFINITY);
  const worst = new Array<number>(m).fill(Number.POSITIVE_INFINITY);
  const v = normalised.map((row) => row.map((r, j) => r * weights[j]));
  for (const row of v) {
    row.forEach((x, j) => {
      best[j] = Math.max(best[j], x);
      worst[j] = Math.min(worst[j], x);
    });
  }
  const dist = (row: number[], ref: number[]) => Math.sqrt(row.reduce((a, x, j) => a + (x - ref[j]) ** 2, 0));
  const dPlus = v.map((row) => dist(row, best));
  const dMinus = v.map((row) => dist(row, worst));
  const closeness = dPlus.map((dp, i) => (dp + dMinus[i] > 0 ? dMinus[i] / (dp + dMinus[i]) : 1));
  return { closeness, dPlus, dMinus, rank: ranksDescending(closeness) };
}

/** Competition ranks (1 = highest value; ties share the better rank). */
export function ranksDescending(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v + 1e-12).length);
}
