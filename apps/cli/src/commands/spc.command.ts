import { readFileSync } from "node:fs";
import {
  type Interval,
  MonitorError,
  parseSeriesCsv,
  type SpcReport,
  spcReport,
} from "@clusterbrain/engine/monitor";
import type { RegisterCommand } from "./index.ts";

interface SpcCliOptions {
  baseline?: string;
  subgroup: string;
  chart: string;
  lsl?: string;
  usl?: string;
  maxRate?: string;
  json?: boolean;
}

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, got "${value}"`);
  return n;
}

const f = (x: number): string =>
  Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(4) : x.toFixed(4);
const ci = (i: Interval | null): string => (i ? `${f(i.estimate)}  [${f(i.lower)}, ${f(i.upper)}]` : "—");

/** Human-readable report; `--json` prints the SpcReport object instead. */
export function formatSpcReport(r: SpcReport): string {
  const c = r.chart;
  const out = [
    `chart ${c.kind} (subgroup ${c.subgroupSize}), limits from ${r.baselinePoints} baseline ${c.subgroupSize === 1 ? "points" : "subgroups"}, ${r.plottedPoints} plotted`,
    `  location    LCL ${f(c.location.lcl)}  CL ${f(c.location.center)}  UCL ${f(c.location.ucl)}`,
    `  dispersion  LCL ${f(c.dispersion.lcl)}  CL ${f(c.dispersion.center)}  UCL ${f(c.dispersion.ucl)}  (${r.dispersionOutOfLimits} out)`,
    `  sigma (within) ${f(c.sigmaWithin)}`,
    "rule violations:",
    ...(r.rules.length === 0
      ? ["  none"]
      : r.rules.map((v) => `  ${v.set} rule ${v.rule}: ${v.count} points, first at ${v.first.join(", ")}`)),
    `EWMA (λ 0.2, L 3) signals: ${r.ewmaSignals}; CUSUM (k 0.5, h 5) signals: up ${r.cusumSignals.up}, down ${r.cusumSignals.down}`,
  ];
  const spec = Object.entries(r.spec);
  if (spec.length) out.push(`spec violations: ${spec.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  if (r.capability) {
    const k = r.capability;
    out.push(
      `capability (n ${k.n}, ${Math.round(k.confidence * 100)} % CI):`,
      `  Cp  ${ci(k.cp)}`,
      `  Cpk ${ci(k.cpk)}`,
      `  Pp  ${ci(k.pp)}`,
      `  Ppk ${ci(k.ppk)}`,
      `  normality: Anderson–Darling A² ${f(k.normality.statistic)}, p ${f(k.normality.pValue)} → ${
        k.quotable
          ? "normal, indices quotable"
          : "NOT normal: do not quote these indices as fraction defective"
      }`,
    );
  }
  return out.join("\n");
}

export const registerSpc: RegisterCommand = (program) => {
  program
    .command("spc")
    .description(
      "Control-chart limits, Western Electric / Nelson rule violations and capability for a timestamp,value CSV",
    )
    .argument("<file>", "CSV with a timestamp,value header")
    .option("--baseline <n>", "points (or subgroups) that set the limits (default 100 points / 25 subgroups)")
    .option("--subgroup <n>", "subgroup size: 1 = individuals/MR, 2..25 = X̄ chart", "1")
    .option("--chart <kind>", "xbar-r | xbar-s (for subgroups)", "xbar-r")
    .option("--lsl <x>", "lower specification limit")
    .option("--usl <x>", "upper specification limit")
    .option("--max-rate <x>", "largest allowed |change| per timestamp unit (ms for dates)")
    .option("--json", "print the report as JSON")
    .action((file: string, opts: SpcCliOptions) => {
      if (opts.chart !== "xbar-r" && opts.chart !== "xbar-s")
        throw new Error(`unknown --chart ${opts.chart}`);
      try {
        const rows = parseSeriesCsv(readFileSync(file, "utf8"));
        const lsl = num(opts.lsl, "--lsl");
        const usl = num(opts.usl, "--usl");
        const maxRate = num(opts.maxRate, "--max-rate");
        const report = spcReport(
          rows.map((r) => r.timestamp),
          rows.map((r) => r.value),
          {
            baseline: num(opts.baseline, "--baseline"),
            subgroupSize: num(opts.subgroup, "--subgroup"),
            chart: opts.chart,
            spec:
              lsl === undefined && usl === undefined && maxRate === undefined
                ? undefined
                : { lsl, usl, maxRate },
          },
        );
        console.log(opts.json ? JSON.stringify(report, null, 2) : formatSpcReport(report));
      } catch (err) {
        if (err instanceof MonitorError) throw new Error(`${file}: ${err.message} [${err.code}]`);
        throw err;
      }
    });
};
