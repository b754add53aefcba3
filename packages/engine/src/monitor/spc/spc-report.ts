import { MonitorError } from "../errors.ts";
import { type Capability, capability } from "./capability.ts";
import { EwmaChart, TabularCusum } from "./ewma-cusum.ts";
import {
  type ChartPair,
  individualsChart,
  subgroupRange,
  subgroupStdDev,
  toSubgroups,
  xbarRChart,
  xbarSChart,
} from "./spc-charts.ts";
import { evaluateRules, listViolations, type RuleSet } from "./spc-rules.ts";
import { checkSpecLimits, type SpecLimits, type SpecViolationKind } from "./spec-limits.ts";

export interface SpcReportOptions {
  /** Points (individuals) or subgroups used to set the limits; the rest is monitored against them. */
  readonly baseline?: number;
  /** 1 → individuals/MR; 2..25 → X̄-R (or X̄-S with chart "xbar-s"). */
  readonly subgroupSize?: number;
  readonly chart?: "xbar-r" | "xbar-s";
  readonly spec?: SpecLimits;
}

export interface RuleSummary {
  readonly set: RuleSet;
  readonly rule: number;
  readonly count: number;
  /** Plotted-point indices (points or subgroups), first ten. */
  readonly first: number[];
}

export interface SpcReport {
  readonly chart: ChartPair;
  readonly baselinePoints: number;
  readonly plottedPoints: number;
  readonly rules: RuleSummary[];
  readonly dispersionOutOfLimits: number;
  readonly ewmaSignals: number;
  readonly cusumSignals: { up: number; down: number };
  readonly spec: Partial<Record<SpecViolationKind, number>>;
  readonly capability: Capability | null;
}

/** Everything `clusterbrain spc` prints: limits from a baseline phase, then the whole series checked. */
export function spcReport(
  timestamps: readonly number[],
  values: readonly number[],
  opts: SpcReportOptions = {},
): SpcReport {
  const n = opts.subgroupSize ?? 1;
  const clean = values.filter((v) => Number.isFinite(v));
  if (clean.length < 2 * n) throw new MonitorError("EMPTY_INPUT", "too few finite values for a chart");
  let chart: ChartPair;
  let plotted: number[];
  let dispersion: number[];
  let baselinePoints: number;
  if (n === 1) {
    baselinePoints = Math.min(opts.baseline ?? 100, clean.length);
    chart = individualsChart(clean.slice(0, baselinePoints));
    plotted = clean;
    dispersion = clean.slice(1).map((v, i) => Math.abs(v - clean[i]));
  } else {
    const groups = toSubgroups(clean, n);
    baselinePoints = Math.min(opts.baseline ?? 25, groups.length);
    const base = groups.slice(0, baselinePoints);
    chart = opts.chart === "xbar-s" ? xbarSChart(base) : xbarRChart(base);
    plotted = groups.map((g) => g.reduce((s, x) => s + x, 0) / n);
    dispersion = groups.map(opts.chart === "xbar-s" ? subgroupStdDev : subgroupRange);
  }
  const masks = evaluateRules(plotted, chart.location.center, chart.location.sigma);
  const summary = new Map<string, RuleSummary & { first: number[] }>();
  for (const v of listViolations(masks)) {
    const key = `${v.set}:${v.rule}`;
    const s = summary.get(key) ?? { set: v.set, rule: v.rule, count: 0, first: [] };
    if (s.first.length < 10) s.first.push(v.index);
    summary.set(key, { ...s, count: s.count + 1 });
  }
  const ewma = new EwmaChart(chart.location.center, chart.location.sigma, 0.2, 3);
  const cusum = new TabularCusum(chart.location.center, chart.location.sigma, 0.5, 5);
  let ewmaSignals = 0;
  const cusumSignals = { up: 0, down: 0 };
  for (const x of plotted) {
    if (ewma.push(x).signal) ewmaSignals++;
    const c = cusum.push(x);
    if (c.signal) {
      cusumSignals[c.signal]++;
      cusum.reset();
    }
  }
  const spec: Partial<Record<SpecViolationKind, number>> = {};
  let cap: Capability | null = null;
  if (opts.spec) {
    for (const v of checkSpecLimits(timestamps, values, opts.spec)) spec[v.kind] = (spec[v.kind] ?? 0) + 1;
    if ((opts.spec.lsl !== undefined || opts.spec.usl !== undefined) && clean.length >= 8) {
      cap = capability(clean, opts.spec, chart.sigmaWithin);
    }
  }
  return {
    chart,
    baselinePoints,
    plottedPoints: plotted.length,
    rules: [...summary.values()].sort((a, b) => a.set.localeCompare(b.set) || a.rule - b.rule),
    dispersionOutOfLimits: dispersion.filter((d) => d > chart.dispersion.ucl || d < chart.dispersion.lcl)
      .length,
    ewmaSignals,
    cusumSignals,
    spec,
    capability: cap,
  };
}
