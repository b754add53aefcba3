import { MonitorError } from "../errors.ts";
import { chiSquareQuantile, normalCdf, normalQuantile } from "./spc-stats.ts";

export interface Interval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface NormalityCheck {
  readonly test: "anderson-darling";
  /** A² with Stephens' small-sample adjustment A²(1 + 0.75/n + 2.25/n²). */
  readonly statistic: number;
  readonly pValue: number;
  readonly normal: boolean;
}

export interface Capability {
  readonly n: number;
  readonly mean: number;
  readonly sigmaWithin: number;
  readonly sigmaOverall: number;
  readonly cp: Interval | null;
  readonly cpk: Interval;
  readonly pp: Interval | null;
  readonly ppk: Interval;
  readonly confidence: number;
  readonly normality: NormalityCheck;
  /** False when the data fail the normality check: the indices then describe no real fraction defective. */
  readonly quotable: boolean;
}

/** Anderson–Darling test for normality with estimated mean and σ (D'Agostino & Stephens 1986, table 4.9). */
export function andersonDarling(values: readonly number[], alpha = 0.05): NormalityCheck {
  const n = values.length;
  if (n < 8) throw new MonitorError("EMPTY_INPUT", "the normality check needs at least 8 values");
  const x = [...values].sort((a, b) => a - b);
  const m = x.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1));
  let a2: number;
  if (sd === 0) a2 = Number.POSITIVE_INFINITY;
  else {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const fi = clampP(normalCdf((x[i] - m) / sd));
      const fj = clampP(normalCdf((x[n - 1 - i] - m) / sd));
      s += (2 * i + 1) * (Math.log(fi) + Math.log(1 - fj));
    }
    a2 = -n - s / n;
  }
  const a = a2 * (1 + 0.75 / n + 2.25 / (n * n));
  let p: number;
  // The quadratic fits are valid for moderate A²; beyond 10, p < 1e-23 and the fit turns upward.
  if (a >= 10) p = 0;
  else if (a >= 0.6) p = Math.exp(1.2937 - 5.709 * a + 0.0186 * a * a);
  else if (a >= 0.34) p = Math.exp(0.9177 - 4.279 * a - 1.38 * a * a);
  else if (a >= 0.2) p = 1 - Math.exp(-8.318 + 42.796 * a - 59.938 * a * a);
  else p = 1 - Math.exp(-13.436 + 101.14 * a - 223.73 * a * a);
  p = Math.min(1, Math.max(0, p));
  return { test: "anderson-darling", statistic: a, pValue: p, normal: p >= alpha };
}

const clampP = (p: number): number => Math.min(1 - 1e-15, Math.max(1e-15, p));

/**
 * Process capability. Cp/Cpk use the within (short-term) σ, Pp/Ppk the overall sample σ.
 * Intervals: Cp/Pp exact chi-square, Ĉp·√(χ²_{α/2,ν}/ν) … Ĉp·√(χ²_{1−α/2,ν}/ν) (Montgomery eq. 8.19);
 * Cpk/Ppk Bissell's (1990) normal approximation Ĉpk(1 ± z_{α/2}√(1/(9nĈpk²) + 1/(2(n−1)))).
 */
export function capability(
  values: readonly number[],
  spec: { lsl?: number; usl?: number },
  sigmaWithin: number,
  confidence = 0.95,
): Capability {
  const n = values.length;
  if (n < 8) throw new MonitorError("EMPTY_INPUT", "capability needs at least 8 values");
  if (spec.lsl === undefined && spec.usl === undefined)
    throw new MonitorError("BAD_PARAMETER", "give LSL, USL or both");
  if (spec.lsl !== undefined && spec.usl !== undefined && spec.lsl >= spec.usl) {
    throw new MonitorError("BAD_PARAMETER", "LSL must be below USL");
  }
  if (!(sigmaWithin > 0)) throw new MonitorError("BAD_PARAMETER", "within σ must be > 0");
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sigmaOverall = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const alpha = 1 - confidence;
  const nu = n - 1;
  const chiLo = Math.sqrt(chiSquareQuantile(alpha / 2, nu) / nu);
  const chiHi = Math.sqrt(chiSquareQuantile(1 - alpha / 2, nu) / nu);
  const z = normalQuantile(1 - alpha / 2);
  const twoSided = (sigma: number): Interval | null => {
    if (spec.lsl === undefined || spec.usl === undefined) return null;
    const c = (spec.usl - spec.lsl) / (6 * sigma);
    return { estimate: c, lower: c * chiLo, upper: c * chiHi };
  };
  const k = (sigma: number): Interval => {
    const up = spec.usl === undefined ? Number.POSITIVE_INFINITY : (spec.usl - mean) / (3 * sigma);
    const lo = spec.lsl === undefined ? Number.POSITIVE_INFINITY : (mean - spec.lsl) / (3 * sigma);
    const c = Math.min(up, lo);
    const half = z * Math.sqrt(1 / (9 * n) + (c * c) / (2 * nu));
    return { estimate: c, lower: c - half, upper: c + half };
  };
  const normality = andersonDarling(values, 0.05);
  return {
    n,
    mean,
    sigmaWithin,
    sigmaOverall,
    cp: twoSided(sigmaWithin),
    cpk: k(sigmaWithin),
    pp: sigmaOverall > 0 ? twoSided(sigmaOverall) : null,
    ppk: k(sigmaOverall > 0 ? sigmaOverall : sigmaWithin),
    confidence,
    normality,
    quotable: normality.normal,
  };
}
