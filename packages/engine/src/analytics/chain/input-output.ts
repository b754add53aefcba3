import { AnalyticsError } from "../errors.ts";
import { invertSmall } from "../lp/small-matrix.ts";

/** A symmetric input–output table: flows[i][j] is what sector j buys from sector i. */
export interface IoTable {
  sectors: readonly string[];
  flows: readonly (readonly number[])[];
  /** Output x_j by column (the P1 row): the denominator of the technical coefficients. */
  output: readonly number[];
  /** Output x_i by row (total use) for the Ghosh model; defaults to `output`. */
  rowOutput?: readonly number[];
  /** Gross value added per sector (B1G), for value-added multipliers. */
  valueAdded?: readonly number[];
  /** Compensation of employees per sector (D1), for income multipliers. */
  compensation?: readonly number[];
  /** Employment per sector (any unit, e.g. 1000 persons), for employment multipliers. */
  employment?: readonly number[];
}

export type SectorClass = "key" | "backward" | "forward" | "weak";

export interface RatioMultiplier {
  /** Σ_i r_i L_ij with r = coefficient per unit of output: the total effect per unit of final demand. */
  effect: number[];
  /** Type I multiplier: effect_j / r_j (direct + indirect over direct); 0 where r_j = 0. */
  typeI: number[];
}

export interface IoResult {
  sectors: string[];
  /** Technical coefficients A_ij = Z_ij / x_j (a sector with zero output gets a zero column). */
  technicalCoefficients: number[][];
  leontiefInverse: number[][];
  /** Simple output multipliers = column sums of L (= raw backward linkages). */
  outputMultipliers: number[];
  backwardLinkages: number[];
  /** Ghosh forward linkages: row sums of (I − B)⁻¹, B_ij = Z_ij / x_i. */
  forwardLinkages: number[];
  /** Rasmussen (1956) power and sensitivity of dispersion: linkages over their mean. */
  normalisedBackward: number[];
  normalisedForward: number[];
  /** Both normalised linkages > 1: key; only backward: backward-oriented; only forward; neither: weak. */
  sectorClass: SectorClass[];
  valueAddedMultipliers?: RatioMultiplier;
  incomeMultipliers?: RatioMultiplier;
  employmentMultipliers?: RatioMultiplier;
}

function checkVector(v: readonly number[] | undefined, n: number, name: string): void {
  if (v === undefined) return;
  if (v.length !== n)
    throw new AnalyticsError("DIMENSION_MISMATCH", `${name} has ${v.length} entries, expected ${n}`);
  v.forEach((x, i) => {
    if (!Number.isFinite(x))
      throw new AnalyticsError("NON_FINITE_VALUE", `${name}[${i}] is ${x}`, { row: i + 1 });
  });
}

function inverseOf(mat: number[][], what: string): number[][] {
  const n = mat.length;
  const flat = new Float64Array(n * n);
  mat.forEach((row, i) => {
    row.forEach((v, j) => {
      flat[i * n + j] = v;
    });
  });
  const inv = invertSmall(flat, n);
  if (!inv)
    throw new AnalyticsError(
      "SINGULAR_MATRIX",
      `${what} is singular (a sector may consume all its own output)`,
    );
  return Array.from({ length: n }, (_, i) => Array.from(inv.subarray(i * n, (i + 1) * n)));
}

function ratioMultiplier(values: readonly number[], x: readonly number[], L: number[][]): RatioMultiplier {
  const n = x.length;
  const r = values.map((v, i) => (x[i] > 0 ? v / x[i] : 0));
  const effect = Array.from({ length: n }, (_, j) => r.reduce((acc, ri, i) => acc + ri * L[i][j], 0));
  return { effect, typeI: effect.map((e, j) => (r[j] !== 0 ? e / r[j] : 0)) };
}

/** Leontief demand-driven and Ghosh supply-driven analysis of one table (Miller & Blair 2009, ch. 2, 6, 12). */
export function inputOutput(table: IoTable): IoResult {
  const n = table.sectors.length;
  if (n === 0) throw new AnalyticsError("INVALID_INPUT", "the table has no sectors");
  if (table.flows.length !== n || table.flows.some((r) => r.length !== n)) {
    throw new AnalyticsError("DIMENSION_MISMATCH", `flows must be ${n}×${n}`);
  }
  table.flows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (!Number.isFinite(v))
        throw new AnalyticsError("NON_FINITE_VALUE", `flow ${i + 1},${j + 1} is ${v}`, { row: i + 1 });
      if (v < 0) {
        throw new AnalyticsError(
          "NEGATIVE_VALUE",
          `flow ${table.sectors[i]}→${table.sectors[j]} is negative`,
          {
            row: i + 1,
            column: table.sectors[j],
          },
        );
      }
    });
  });
  checkVector(table.output, n, "output");
  checkVector(table.rowOutput, n, "rowOutput");
  checkVector(table.valueAdded, n, "valueAdded");
  checkVector(table.compensation, n, "compensation");
  checkVector(table.employment, n, "employment");
  const x = table.output;
  const xr = table.rowOutput ?? x;
  x.forEach((v, j) => {
    if (v < 0 || (v === 0 && table.flows.some((r) => r[j] !== 0))) {
      throw new AnalyticsError("INVALID_INPUT", `sector ${table.sectors[j]} has inputs but output ${v}`, {
        column: table.sectors[j],
      });
    }
  });
  const A = table.flows.map((row) => row.map((z, j) => (x[j] > 0 ? z / x[j] : 0)));
  const L = inverseOf(
    A.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - a)),
    "I − A",
  );
  const B = table.flows.map((row, i) => row.map((z) => (xr[i] > 0 ? z / xr[i] : 0)));
  const G = inverseOf(
    B.map((row, i) => row.map((b, j) => (i === j ? 1 : 0) - b)),
    "I − B",
  );
  const colSums = Array.from({ length: n }, (_, j) => L.reduce((acc, row) => acc + row[j], 0));
  const forward = G.map((row) => row.reduce((a, b) => a + b, 0));
  const meanB = colSums.reduce((a, b) => a + b, 0) / n;
  const meanF = forward.reduce((a, b) => a + b, 0) / n;
  const normalisedBackward = colSums.map((v) => v / meanB);
  const normalisedForward = forward.map((v) => v / meanF);
  const sectorClass = normalisedBackward.map((b, i): SectorClass => {
    const f = normalisedForward[i];
    return b > 1 && f > 1 ? "key" : b > 1 ? "backward" : f > 1 ? "forward" : "weak";
  });
  return {
    sectors: [...table.sectors],
    technicalCoefficients: A,
    leontiefInverse: L,
    outputMultipliers: colSums,
    backwardLinkages: [...colSums],
    forwardLinkages: forward,
    normalisedBackward,
    normalisedForward,
    sectorClass,
    valueAddedMultipliers: table.valueAdded ? ratioMultiplier(table.valueAdded, x, L) : undefined,
    incomeMultipliers: table.compensation ? ratioMultiplier(table.compensation, x, L) : undefined,
    employmentMultipliers: table.employment ? ratioMultiplier(table.employment, x, L) : undefined,
  };
}
