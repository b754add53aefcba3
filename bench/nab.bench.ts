// NAB v1: (1) proves the TypeScript scorer on Numenta's published per-file results, (2) checks the
// null → 0 and perfect → 100 normalisation, (3) runs our detectors over all 58 files with one
// global threshold per profile (no per-file tuning) beside the published scoreboard.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DETECTOR_NAMES, NAB_PROFILE_NAMES, type NabProfileName } from "@clusterbrain/engine/monitor";
import { datasetPath } from "./lib/datasets.ts";
import { machineInfo, writeResults } from "./lib/results.ts";
import { loadNabCorpus } from "./nab/nab-data.ts";
import { type NabProfileResult, runDetectorOnSeries, scoreCorpus } from "./nab/nab-run.ts";
import { reproduceNumentaScores } from "./nab/reproduce.ts";
import { contextSensitivity } from "./nab/sensitivity.ts";

type Scoreboard = Record<string, Record<NabProfileName, number>>;

function verdict(
  ours: Record<string, { profiles: Record<NabProfileName, NabProfileResult> }>,
  published: Scoreboard,
): string {
  const best = Object.entries(ours).sort(
    (a, b) => b[1].profiles.standard.normalised - a[1].profiles.standard.normalised,
  )[0];
  if (!best) return "";
  const s = best[1].profiles.standard.normalised;
  const above = Object.entries(published)
    .filter(([, r]) => r.standard > s)
    .map(([n, r]) => `${n} ${r.standard.toFixed(1)}`);
  return `**Target standard ≥ 75: ${s >= 75 ? "reached" : "not reached"}.** Our best (${best[0]}) scores ${s.toFixed(1)}; published detectors above it: ${above.join(", ") || "none"}.`;
}

export async function run(args: string[]): Promise<void> {
  const nabDir = datasetPath("nab");
  const quick = args.includes("--quick");
  const only = args.find((a) => a.startsWith("--detector="))?.slice("--detector=".length);

  const repro = reproduceNumentaScores(nabDir);
  const allMatch = repro.every((r) => r.match);
  console.log(
    `scorer reproduction: ${repro.filter((r) => r.match).length}/${repro.length} file × profile cases exact`,
  );

  const corpus = loadNabCorpus(nabDir, quick ? (n) => n.startsWith("realKnownCause/") : undefined);
  const points = corpus.reduce((s, c) => s + c.values.length, 0);

  // Normalisation anchors: a detector that never fires, and one that fires on every window's first row.
  const nullScores = corpus.map((s) => new Float64Array(s.values.length));
  const perfectScores = corpus.map((s) => {
    const a = new Float64Array(s.values.length);
    for (const w of s.windows) a[w.start] = 1;
    return a;
  });
  const nullResult = scoreCorpus(corpus, nullScores);
  const perfectResult = scoreCorpus(corpus, perfectScores);

  const ours: Record<string, { seconds: number; profiles: Record<NabProfileName, NabProfileResult> }> = {};
  for (const name of only ? [only] : DETECTOR_NAMES) {
    const t0 = performance.now();
    const scores = corpus.map((s) => runDetectorOnSeries(name, s));
    const t1 = performance.now();
    const profiles = scoreCorpus(corpus, scores);
    ours[name] = { seconds: (performance.now() - t0) / 1000, profiles };
    console.log(
      `${name}: ${NAB_PROFILE_NAMES.map((p) => `${p} ${profiles[p].normalised.toFixed(1)}`).join(", ")} ` +
        `(detect ${((t1 - t0) / 1000).toFixed(1)} s, score ${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
  }

  // One step either way per parameter (skip with --no-sensitivity while iterating).
  const sensitivity =
    args.includes("--no-sensitivity") || (only && only !== "context") ? [] : contextSensitivity(corpus);
  const base = ours.context?.profiles;
  const stepped = sensitivity.filter((r) => !r.change.includes("ablation")).map((r) => r.scores.standard);
  const neighbours = stepped.length
    ? `; moving any one parameter one step gives ${Math.min(...stepped).toFixed(1)}–${Math.max(...stepped).toFixed(1)} standard (section 4), so part of any lead over ARTime's 74.9 is the exact setting`
    : "";

  const published = JSON.parse(
    readFileSync(join(nabDir, "golden_results", "results", "final_results.json"), "utf8"),
  ) as Scoreboard;
  const machine = await machineInfo();
  const fmt = (x: number): string => x.toFixed(1);
  const board = [
    ...Object.entries(ours).map(([n, r]) => ({
      name: `**ours: ${n}**`,
      s: NAB_PROFILE_NAMES.map((p) => r.profiles[p].normalised),
    })),
    ...Object.entries(published).map(([n, r]) => ({ name: n, s: NAB_PROFILE_NAMES.map((p) => r[p]) })),
  ].sort((a, b) => b.s[0] - a.s[0]);
  const md = [
    "# NAB v1 benchmark",
    "",
    `Corpus: ${corpus.length} files, ${points.toLocaleString("en")} points${quick ? " (quick mode: realKnownCause only — not comparable to the scoreboard)" : ""}.`,
    "Scoring: our TypeScript reimplementation of the NAB scorer (anomaly windows, scaled sigmoid, three cost profiles, probationary 15 % / ≤ 750 rows, normalisation between the null and the perfect detector). One threshold per detector and profile for the whole corpus, found by an exact sweep; no per-file tuning. Detector parameters follow NAB conventions (warm-up = probationary period, rest period = a fifth of it, as contextOSE).",
    "",
    `**Honest reading:** the context detector's parameters (bands, levels, context order, window lengths, slow-channel shifts, alarm threshold) were chosen by running this benchmark on the NAB corpus itself — as the published entries' were — so its score is an optimistic estimate for unseen streams${neighbours}.`,
    "",
    "## 1. Scorer reproduction (Numenta HTM raw scores, realKnownCause, all three profiles)",
    "",
    `Numenta's raw anomaly scores (golden_results/results/numenta/realKnownCause) scored at Numenta's published threshold for each profile (config/thresholds.json), compared with numenta_<profile>_scores.csv. ${allMatch ? `**All ${repro.length} file × profile cases reproduce Score, TP, FP and FN exactly** (Score equal at the 12 significant digits NAB prints).` : "**MISMATCH** — see rows."}`,
    "",
    "| profile | threshold | file | published Score | ours | TP | FP | FN | exact |",
    "|---|---:|---|---:|---:|---:|---:|---:|:-:|",
    ...repro.map(
      (r) =>
        `| ${r.profile} | ${r.threshold.toFixed(6)} | ${r.file.replace("realKnownCause/", "")} | ${r.expected.score} | ${r.ours.score.toPrecision(12)} | ${r.expected.tp}/${r.ours.tp} | ${r.expected.fp}/${r.ours.fp} | ${r.expected.fn}/${r.ours.fn} | ${r.match ? "yes" : "NO"} |`,
    ),
    "",
    "(TP/FP/FN columns: published/ours.)",
    "",
    "## 2. Normalisation anchors",
    "",
    "| detector | standard | reward_low_FP | reward_low_FN |",
    "|---|---:|---:|---:|",
    `| null (never fires) | ${NAB_PROFILE_NAMES.map((p) => fmt(nullResult[p].normalised)).join(" | ")} |`,
    `| perfect (first row of every window) | ${NAB_PROFILE_NAMES.map((p) => fmt(perfectResult[p].normalised)).join(" | ")} |`,
    "",
    "## 3. Scoreboard (final normalised score; published rows from golden_results/results/final_results.json)",
    "",
    "| detector | standard | reward_low_FP | reward_low_FN |",
    "|---|---:|---:|---:|",
    ...board.map((b) => `| ${b.name} | ${b.s.map(fmt).join(" | ")} |`),
    "",
    verdict(ours, published),
    "",
    ...(sensitivity.length && base
      ? [
          "## 4. Sensitivity of the context detector (one parameter moved one step; defaults in docs/monitoring.md §3)",
          "",
          "| change | standard | reward_low_FP | reward_low_FN |",
          "|---|---:|---:|---:|",
          `| defaults | ${NAB_PROFILE_NAMES.map((p) => fmt(base[p].normalised)).join(" | ")} |`,
          ...sensitivity.map(
            (r) => `| ${r.change} | ${NAB_PROFILE_NAMES.map((p) => fmt(r.scores[p])).join(" | ")} |`,
          ),
          "",
        ]
      : []),
    "Run time (detect + score, all profiles): " +
      Object.entries(ours)
        .map(([n, r]) => `${n} ${r.seconds.toFixed(1)} s`)
        .join(", ") +
      ".",
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores shared, Node ${machine.node}, ${machine.date}.`,
  ].join("\n");
  console.log(md);
  writeResults(
    quick ? "nab-quick" : "nab",
    {
      files: corpus.length,
      points,
      reproduction: repro,
      allMatch,
      null: nullResult,
      perfect: perfectResult,
      ours,
      sensitivity,
      published,
      machine,
    },
    md,
  );
  if (!allMatch) process.exitCode = 1;
}
