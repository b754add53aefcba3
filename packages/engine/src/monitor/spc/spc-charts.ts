import { MonitorError } from "../errors.ts";
import { chartConstants } from "./spc-constants.ts";

/** Limits of one chart: the plotted statistic's center line and its ±3σ limits. */
export interface Limits {
  readonly center: number;
  /** Standard deviation of the plotted statistic (so zones are center ± k·sigma). */
  readonly sigma: number;
  readonly lcl: number;
  readonly ucl: number;
}

/** A pair of charts: location (individuals / X̄) and dispersion (MR / R / S), from a baseline phase. */
export interface ChartPair {
  readonly kind: "individuals" | "xbar-r" | "xbar-s";
  readonly location: Limits;
  readonly dispersion: Limits;
  /** Estimated process standard deviation (within subgroups / short term). */
  readonly sigmaWithin: number;
  readonly subgroupSize: number;
}

function finite(values: readonly number[], what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw new MonitorError("EMPTY_INPUT", `${what}: value ${i} is not finite`);
  }
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Individuals and moving-range chart: σ̂ = MR̄/d2(2), limits x̄ ± 3σ̂, MR chart D3·MR̄..D4·MR̄. */
export function individualsChart(baseline: readonly number[]): ChartPair {
  if (baseline.length < 2)
    throw new MonitorError("EMPTY_INPUT", "an individuals chart needs ≥ 2 baseline points");
  finite(baseline, "baseline");
  const k = chartConstants(2);
  let mrSum = 0;
  for (let i = 1; i < baseline.length; i++) mrSum += Math.abs(baseline[i] - baseline[i - 1]);
  const mrBar = mrSum / (baseline.length - 1);
  const center = mean(baseline);
  const sigma = mrBar / k.d2;
  return {
    kind: "individuals",
    location: { center, sigma, lcl: center - 3 * sigma, ucl: center + 3 * sigma },
    dispersion: { center: mrBar, sigma: k.d3 * sigma, lcl: k.D3 * mrBar, ucl: k.D4 * mrBar },
    sigmaWithin: sigma,
    subgroupSize: 1,
  };
}

function checkSubgroups(subgroups: readonly (readonly number[])[]): number {
  if (subgroups.length < 2)
    throw new MonitorError("EMPTY_INPUT", "a subgroup chart needs ≥ 2 baseline subgroups");
  const n = subgroups[0].length;
  subgroups.forEach((g, i) => {
    if (g.length !== n)
      throw new MonitorError("BAD_SUBGROUP", `subgroup ${i} has ${g.length} values, expected ${n}`);
    finite(g, `subgroup ${i}`);
  });
  return n;
}

export function subgroupRange(g: readonly number[]): number {
  let lo = g[0];
  let hi = g[0];
  for (const x of g) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi - lo;
}

export function subgroupStdDev(g: readonly number[]): number {
  const m = mean(g);
  return Math.sqrt(g.reduce((s, x) => s + (x - m) ** 2, 0) / (g.length - 1));
}

/** X̄-R chart: X̄ limits x̿ ± A2·R̄, R chart D3·R̄..D4·R̄, σ̂ = R̄/d2. */
export function xbarRChart(subgroups: readonly (readonly number[])[]): ChartPair {
  const n = checkSubgroups(subgroups);
  const k = chartConstants(n);
  const xbarbar = mean(subgroups.map(mean));
  const rBar = mean(subgroups.map(subgroupRange));
  const sigmaWithin = rBar / k.d2;
  return {
    kind: "xbar-r",
    location: {
      center: xbarbar,
      sigma: sigmaWithin / Math.sqrt(n),
      lcl: xbarbar - k.A2 * rBar,
      ucl: xbarbar + k.A2 * rBar,
    },
    dispersion: { center: rBar, sigma: k.d3 * sigmaWithin, lcl: k.D3 * rBar, ucl: k.D4 * rBar },
    sigmaWithin,
    subgroupSize: n,
  };
}

/** X̄-S chart: X̄ limits x̿ ± A3·s̄, S chart B3·s̄..B4·s̄, σ̂ = s̄/c4. */
export function xbarSChart(subgroups: readonly (readonly number[])[]): ChartPair {
  const n = checkSubgroups(subgroups);
  const k = chartConstants(n);
  const xbarbar = mean(subgroups.map(mean));
  const sBar = mean(subgroups.map(subgroupStdDev));
  const sigmaWithin = sBar / k.c4;
  return {
    kind: "xbar-s",
    location: {
      center: xbarbar,
      sigma: sigmaWithin / Math.sqrt(n),
      lcl: xbarbar - k.A3 * sBar,
      ucl: xbarbar + k.A3 * sBar,
    },
    dispersion: {
      center: sBar,
      sigma: sigmaWithin * Math.sqrt(1 - k.c4 * k.c4),
      lcl: k.B3 * sBar,
      ucl: k.B4 * sBar,
    },
    sigmaWithin,
    subgroupSize: n,
  };
}

/** Splits a stream into consecutive subgroups of size n, dropping an incomplete tail. */
export function toSubgroups(values: readonly number[], n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + n <= values.length; i += n) out.push(values.slice(i, i + n));
  return out;
}
