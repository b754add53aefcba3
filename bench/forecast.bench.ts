// M4 Hourly + Weekly: our forecasters scored exactly as M4 scores, beside the published table.
// `npm run bench -- forecast [--quick [N]] [--only Hourly|Weekly] [--methods a,b] | [--render]`

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Contender, evaluate, type MethodScore } from "./forecast/evaluate.ts";
import { FREQUENCIES, loadM4, loadPublished, type M4Series } from "./forecast/m4-data.ts";
import { type FrequencyReport, renderMarkdown, reproduction } from "./forecast/report.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const resultsFile = join(dirname(fileURLToPath(import.meta.url)), "results", "forecast.json");

const CONTENDERS: Contender[] = [
  { label: "Naive2", method: "naive2", periods: "m4" },
  { label: "sNaive", method: "snaive", periods: "m4" },
  { label: "SES", method: "ses", periods: "m4" },
  { label: "Naive", method: "naive", periods: "m4" },
  { label: "Holt", method: "holt", periods: "m4" },
  { label: "Damped", method: "damped", periods: "m4" },
  { label: "Theta", method: "theta", periods: "m4" },
  { label: "ETS (AICc)", method: "ets", periods: "m4" },
  { label: "Combo (ETS, Theta, Damped)", method: "combo", periods: "data" },
  { label: "MSTL + SES", method: "mstl", periods: "data" },
  { label: "Auto (validated choice)", method: "auto", periods: "data" },
  { label: "Auto without --period (CLI default)", method: "auto", periods: "infer" },
];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Every k-th series, so a quick run still spans the whole (ordered by domain) file. */
function spread<T>(xs: readonly T[], count: number): T[] {
  if (count >= xs.length) return xs.slice();
  return Array.from({ length: count }, (_, i) => xs[Math.floor((i * xs.length) / count)]);
}

/** Replaces (or appends) the given rows per frequency in the committed results and re-renders. */
function mergeRows(fresh: FrequencyReport[]): void {
  const saved = JSON.parse(readFileSync(resultsFile, "utf8")) as {
    machine: Record<string, string | number>;
    reports: FrequencyReport[];
  };
  for (const rep of fresh) {
    const target = saved.reports.find((r) => r.freq.name === rep.freq.name);
    if (!target || rep.seriesCount !== target.seriesCount)
      throw new Error(`--merge needs a full ${rep.freq.name} run`);
    for (const s of rep.scores.filter((x) => x.method !== "Naive2")) {
      const at = target.scores.findIndex((x) => x.method === s.method);
      if (at >= 0) target.scores[at] = s;
      else target.scores.push(s);
    }
  }
  writeResults("forecast", saved, renderMarkdown(saved.reports, false, saved.machine));
}

/** `--render`: rebuild forecast.md from the committed forecast.json without recomputing. */
function rerender(): void {
  const saved = JSON.parse(readFileSync(resultsFile, "utf8")) as {
    machine: Record<string, string | number>;
    reports: FrequencyReport[];
  };
  writeResults("forecast", saved, renderMarkdown(saved.reports, false, saved.machine));
}

export async function run(args: string[]): Promise<void> {
  if (args.includes("--render")) return rerender();
  const quick = args.includes("--quick");
  const quickN = Number(option(args, "--quick")) || 40;
  const only = option(args, "--only");
  const wanted = option(args, "--methods")?.split(",");
  const contenders = CONTENDERS.filter(
    (c) => !wanted || c.label === "Naive2" || wanted.includes(c.method) || wanted.includes(c.label),
  );
  // `--merge` with `--methods`: a full-series run of some rows replaces just those rows in the
  // committed results (the other rows keep their earlier run; the seconds column says when).
  const merge = args.includes("--merge") && wanted !== undefined && !quick;
  const reports: FrequencyReport[] = [];
  for (const freq of FREQUENCIES.filter((f) => !only || f.name === only)) {
    const all: M4Series[] = loadM4(freq.name);
    const series = quick ? spread(all, quickN) : all;
    console.error(`${freq.name}: ${series.length} of ${all.length} series, horizon ${freq.horizon}`);
    const scores: MethodScore[] = [];
    for (const c of contenders) {
      const s = evaluate(series, freq, c);
      scores.push(s);
      console.error(
        `  ${c.label.padEnd(28)} sMAPE ${s.smape.toFixed(3)}  MASE ${s.mase.toFixed(3)}  ` +
          `cov80 ${(100 * s.coverage80).toFixed(1)}%  cov95 ${(100 * s.coverage95).toFixed(1)}%  ${s.seconds.toFixed(1)}s`,
      );
    }
    const published = loadPublished(freq.name);
    const report: FrequencyReport = {
      freq,
      seriesCount: series.length,
      totalSeries: all.length,
      scores,
      published,
    };
    for (const line of reproduction(report)) console.error(`  ${line.text}`);
    reports.push(report);
  }
  if (merge) return mergeRows(reports);
  const md = renderMarkdown(reports, quick, await machineInfo());
  // Only a full run (all series, all methods) may replace the committed results.
  if (quick || only || wanted) console.log(md);
  else writeResults("forecast", { machine: await machineInfo(), reports }, md);
}
