import { AnalyticsError } from "../errors.ts";

function checkPositiveTotal(values: readonly number[], what: string): number {
  if (values.length === 0) throw new AnalyticsError("INVALID_INPUT", `${what} is empty`);
  values.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new AnalyticsError("NON_FINITE_VALUE", `${what}[${i}] is ${v}`, { row: i + 1 });
    if (v < 0) throw new AnalyticsError("NEGATIVE_VALUE", `${what}[${i}] is negative (${v})`, { row: i + 1 });
  });
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new AnalyticsError("INVALID_INPUT", `${what} sums to zero`);
  return total;
}

function samePairs(a: readonly number[], b: readonly number[], what: string): void {
  if (a.length !== b.length) {
    throw new AnalyticsError("DIMENSION_MISMATCH", `${what}: ${a.length} values against ${b.length}`);
  }
}

/** Location quotient of industry i in region j: (e_ij / e_j) / (e_i / e). */
export function locationQuotient(eij: number, ej: number, ei: number, e: number): number {
  for (const [v, name] of [
    [ej, "regional total"],
    [ei, "industry total"],
    [e, "grand total"],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0)
      throw new AnalyticsError("INVALID_INPUT", `${name} must be > 0, got ${v}`);
  }
  if (!Number.isFinite(eij) || eij < 0)
    throw new AnalyticsError("INVALID_INPUT", `e_ij must be >= 0, got ${eij}`);
  return eij / ej / (ei / e);
}

/** Location quotients of every industry of one region against a reference economy (same industries). */
export function locationQuotients(regional: readonly number[], reference: readonly number[]): number[] {
  samePairs(regional, reference, "location quotients");
  const r = checkPositiveTotal(regional, "regional values");
  const n = checkPositiveTotal(reference, "reference values");
  return regional.map((v, i) => (reference[i] > 0 ? v / r / (reference[i] / n) : 0));
}

/** Gini coefficient of ratios R with the REAT formula G = 2/(n² R̄) Σ_k k (R_(k) − R̄), R sorted ascending. */
function giniOfRatios(ratios: number[]): number {
  const n = ratios.length;
  const sorted = [...ratios].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  if (mean === 0) return 0;
  return (2 / (n * n * mean)) * sorted.reduce((acc, r, k) => acc + (k + 1) * (r - mean), 0);
}

/** Gini specialisation of a region: inequality of its industries' location quotients (0 = like the reference). */
export function giniSpecialisation(regional: readonly number[], reference: readonly number[]): number {
  return giniOfRatios(locationQuotients(regional, reference));
}

/** Gini concentration of an industry: inequality across regions of (e_ij / e_i) / (e_j / e). */
export function giniConcentration(
  industryByRegion: readonly number[],
  totalByRegion: readonly number[],
): number {
  return giniOfRatios(locationQuotients(industryByRegion, totalByRegion));
}

/** Krugman (1991) specialisation index Σ |a_i/Σa − b_i/Σb| ∈ [0, 2]. */
export function krugmanIndex(a: readonly number[], b: readonly number[]): number {
  samePairs(a, b, "Krugman index");
  const ta = checkPositiveTotal(a, "first structure");
  const tb = checkPositiveTotal(b, "second structure");
  return a.reduce((acc, v, i) => acc + Math.abs(v / ta - b[i] / tb), 0);
}

export interface HerfindahlResult {
  /** Σ s_i² of shares. */
  hhi: number;
  /** (HHI − 1/n) / (1 − 1/n) ∈ [0, 1]; 0 for a single unit by convention. */
  standardised: number;
  /** 1 / HHI: the number of equal-sized units giving the same concentration. */
  equivalentNumber: number;
}

export function herfindahl(values: readonly number[]): HerfindahlResult {
  const total = checkPositiveTotal(values, "values");
  const n = values.length;
  const hhi = values.reduce((acc, v) => acc + (v / total) ** 2, 0);
  return { hhi, standardised: n > 1 ? (hhi - 1 / n) / (1 - 1 / n) : 0, equivalentNumber: 1 / hhi };
}
