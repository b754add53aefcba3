import { MonitorError } from "../errors.ts";

/**
 * Control-chart constants for subgroup size n = 2..25. d2 and d3 are the mean and standard
 * deviation of the relative range W = R/σ of n normal values (Montgomery, "Introduction to
 * Statistical Quality Control", Appendix VI); everything else is derived from them and from c4.
 */
const D2 = [
  1.1284, 1.6926, 2.0588, 2.3259, 2.5344, 2.7044, 2.8472, 2.97, 3.0775, 3.173, 3.258, 3.336, 3.407, 3.472,
  3.532, 3.588, 3.64, 3.689, 3.735, 3.778, 3.819, 3.858, 3.895, 3.931,
];
const D3_TABLE = [
  0.8525, 0.8884, 0.8798, 0.8641, 0.848, 0.8332, 0.8198, 0.8078, 0.7971, 0.787, 0.778, 0.77, 0.763, 0.756,
  0.75, 0.744, 0.739, 0.733, 0.729, 0.724, 0.72, 0.716, 0.712, 0.708,
];

export interface ChartConstants {
  readonly n: number;
  readonly d2: number;
  readonly d3: number;
  readonly c4: number;
  readonly A2: number;
  readonly A3: number;
  readonly D3: number;
  readonly D4: number;
  readonly B3: number;
  readonly B4: number;
}

/** ln Γ(x) by the Lanczos approximation (g = 7, 9 terms), accurate to ~1e-15 for x > 0. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** c4(n) = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2): E[s] = c4·σ for n normal values. */
export function c4(n: number): number {
  return Math.sqrt(2 / (n - 1)) * Math.exp(logGamma(n / 2) - logGamma((n - 1) / 2));
}

export function chartConstants(n: number): ChartConstants {
  if (!Number.isInteger(n) || n < 2 || n > 25) {
    throw new MonitorError("BAD_SUBGROUP", `subgroup size must be an integer 2..25, got ${n}`);
  }
  const d2 = D2[n - 2];
  const d3 = D3_TABLE[n - 2];
  const cc4 = c4(n);
  const sRatio = (3 * Math.sqrt(1 - cc4 * cc4)) / cc4;
  return {
    n,
    d2,
    d3,
    c4: cc4,
    A2: 3 / (d2 * Math.sqrt(n)),
    A3: 3 / (cc4 * Math.sqrt(n)),
    D3: Math.max(0, 1 - (3 * d3) / d2),
    D4: 1 + (3 * d3) / d2,
    B3: Math.max(0, 1 - sRatio),
    B4: 1 + sRatio,
  };
}
