// Early warning on synthetic industrial streams: per fault kind, detection rate, median delay
// and false alarms per 10,000 in-control points for the per-tag automatic detector (default
// settings) beside a plain rolling z-score and the context detector with NAB settings; then the
// automatic detector's NAB score beside the NAB-tuned context detector's.
//   npm run bench -- warning [--seeds=30] [--tune] [--no-nab]
import { FAULT_KINDS, type FaultKind, STREAM_KINDS, syntheticStream } from "@clusterbrain/engine/monitor";
import { datasetPath } from "./lib/datasets.ts";
import { machineInfo, writeResults } from "./lib/results.ts";
import { loadNabCorpus } from "./nab/nab-data.ts";
import {
  type BenchDetector,
  DETECTORS,
  GRACE,
  LATE,
  runDetector,
  type StreamOutcome,
  scoreStream,
} from "./warning/evaluate.ts";
import { nabWarning } from "./warning/nab-warning.ts";

const LENGTH = 4 * 1440;
const LEARN = 1440;
/** Seeds the defaults were tuned on during development; the reported run uses other seeds. */
const TUNING_SEEDS = [1, 2, 3, 4];
const REPORT_SEED_BASE = 1000;

interface Row {
  readonly fault: FaultKind | "none";
  readonly streams: number;
  readonly caught: number;
  readonly delays: number[];
  readonly falseAlarms: number;
  readonly inControl: number;
}

const median = (a: number[]): number | null => {
  if (a.length === 0) return null;
  const s = [...a].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const LABEL: Record<BenchDetector, string> = {
  auto: "**per-tag auto (default)**",
  "rolling-z3": "rolling z-score (60 points), 3σ",
  "rolling-z4": "rolling z-score (60 points), 4σ",
  "context-nab": "context, NAB settings",
};

export async function run(args: string[]): Promise<void> {
  const tune = args.includes("--tune");
  const nSeeds = Number(args.find((a) => a.startsWith("--seeds="))?.slice(8) ?? 30);
  const seeds = tune ? TUNING_SEEDS : Array.from({ length: nSeeds }, (_, i) => REPORT_SEED_BASE + i + 1);
  const only = args.find((a) => a.startsWith("--detector="))?.slice(11);
  const detectors = only ? DETECTORS.filter((d) => d === only) : DETECTORS;
  const faults: (FaultKind | null)[] = [null, ...FAULT_KINDS];
  const rows: Record<string, Row[]> = {};
  const byKind: Record<string, Record<string, { fa: number; ic: number }>> = {};
  const chosen: Record<string, number> = {};
  let expected = 0;
  let expectedN = 0;
  const seconds: Record<string, number> = {};
  for (const det of detectors) {
    const t0 = performance.now();
    rows[det] = [];
    byKind[det] = {};
    for (const fault of faults) {
      const row = {
        fault: fault ?? ("none" as const),
        streams: 0,
        caught: 0,
        delays: [] as number[],
        falseAlarms: 0,
        inControl: 0,
      };
      for (const kind of STREAM_KINDS)
        for (const seed of seeds) {
          const s = syntheticStream(kind, fault, seed, { length: LENGTH, learn: LEARN });
          const r = runDetector(det, s, LEARN);
          const o: StreamOutcome = scoreStream(s, LEARN, r);
          row.streams++;
          if (o.detected) {
            row.caught++;
            row.delays.push(o.delay ?? 0);
          }
          row.falseAlarms += o.falseAlarms;
          row.inControl += o.inControl;
          byKind[det][kind] ??= { fa: 0, ic: 0 };
          const k = byKind[det][kind];
          k.fa += o.falseAlarms;
          k.ic += o.inControl;
          if (o.chosen) chosen[o.chosen] = (chosen[o.chosen] ?? 0) + 1;
          if (o.expectedPer10k !== undefined) {
            expected += o.expectedPer10k;
            expectedN++;
          }
        }
      rows[det].push(row);
    }
    seconds[det] = (performance.now() - t0) / 1000;
    const all = rows[det];
    const fa = all.reduce((s, r) => s + r.falseAlarms, 0);
    const ic = all.reduce((s, r) => s + r.inControl, 0);
    const caught = all.filter((r) => r.fault !== "none").reduce((s, r) => s + r.caught, 0);
    const total = all.filter((r) => r.fault !== "none").reduce((s, r) => s + r.streams, 0);
    console.log(
      `${det}: caught ${caught}/${total}, ${((fa / ic) * 1e4).toFixed(2)} false alarms per 10k (${seconds[det].toFixed(1)} s)`,
    );
  }

  const nab = args.includes("--no-nab") || only ? null : nabWarning(loadNabCorpus(datasetPath("nab")));
  if (nab)
    console.log(
      `NAB standard: alarms ${nab.alarms.standard.normalised.toFixed(1)}, swept ${nab.swept.standard.normalised.toFixed(1)}`,
    );

  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)} %` : "–");
  const per10k = (a: number, b: number): string => (b ? ((a / b) * 1e4).toFixed(2) : "–");
  const table = (det: string): string[] => {
    const rs = rows[det];
    const faulty = rs.filter((r) => r.fault !== "none");
    const sum = (f: (r: Row) => number, list = rs): number => list.reduce((s, r) => s + f(r), 0);
    return [
      "| fault | streams | caught | median delay (min) | false alarms / 10k in-control points |",
      "|---|---:|---:|---:|---:|",
      ...rs.map(
        (r) =>
          `| ${r.fault} | ${r.streams} | ${r.fault === "none" ? "–" : pct(r.caught, r.streams)} | ${median(r.delays) ?? "–"} | ${per10k(r.falseAlarms, r.inControl)} |`,
      ),
      `| **all** | ${sum((r) => r.streams)} | **${pct(
        sum((r) => r.caught, faulty),
        sum((r) => r.streams, faulty),
      )}** | ${median(faulty.flatMap((r) => r.delays)) ?? "–"} | **${per10k(
        sum((r) => r.falseAlarms),
        sum((r) => r.inControl),
      )}** |`,
    ];
  };
  const summary = detectors.map((det) => {
    const rs = rows[det];
    const faulty = rs.filter((r) => r.fault !== "none");
    const caught = faulty.reduce((s, r) => s + r.caught, 0);
    const total = faulty.reduce((s, r) => s + r.streams, 0);
    const worst = Math.min(...faulty.map((r) => r.caught / r.streams));
    const fa = rs.reduce((s, r) => s + r.falseAlarms, 0);
    const ic = rs.reduce((s, r) => s + r.inControl, 0);
    return { det, caught, total, worst, fa, ic };
  });
  const auto = summary.find((s) => s.det === "auto");
  const goal = auto
    ? `**Goal (≥ 90 % caught, < 1 false alarm per 10,000 in-control points) at default settings: ${auto.caught / auto.total >= 0.9 && (auto.fa / auto.ic) * 1e4 < 1 ? "met" : "not met"}** — ${pct(auto.caught, auto.total)} caught overall (worst fault kind ${(100 * auto.worst).toFixed(1)} %), ${per10k(auto.fa, auto.ic)} false alarms per 10k.`
    : "";
  const machine = await machineInfo();
  const md = [
    "# Early warning on synthetic industrial streams",
    "",
    `Streams: ${STREAM_KINDS.join(", ")} (models in packages/engine/src/monitor/warning/synthetic-streams.ts), 1-minute samples, ${LENGTH} points (4 days) each; every kind without a fault and with each of ${FAULT_KINDS.length} faults; seeds ${seeds[0]}–${seeds[seeds.length - 1]} (${seeds.length} per kind and fault). Every detector starts alarming after the first ${LEARN} points (one day), which the per-tag detector learns from and the others may use as warm-up.`,
    "",
    `Scoring: a fault is caught by an alarm between its first faulty point and ${LATE} points after its last (persistent faults: the end of the stream); the delay is measured from the first faulty point. False alarms are alarms outside that span and outside the ${GRACE} points after a temporary fault; they are divided by the in-control points after the learning day (the same exclusions). Fault sizes (in the stream's noise σ): spike ±6–8σ, level shift ±3σ, drift +4σ per 12 h, variance × 3, stuck 4 h, 3 dips of −5σ, 3 bursts of ±4σ, rhythm change (cycle period 24 h → 12 h or 30 → 18 min; without a cycle, AR φ 0.7 → 0 / 0.95 → 0.5 at equal variance).`,
    "",
    `**Honest reading:** the per-tag detector's defaults (channels and their λ/k, budget shares, safety factor 2, bootstrap mix, dead-band) were tuned by looking at seeds ${TUNING_SEEDS.join(", ")} (\`--tune\`); ${tune ? "THIS RUN USES THOSE TUNING SEEDS." : `this run uses seeds ${seeds[0]}–${seeds[seeds.length - 1]}, never looked at while tuning.`} The fault kinds and sizes were also chosen by us; a plant's own faults decide what matters.`,
    "",
    goal,
    "",
    ...detectors.flatMap((det) => [`## ${LABEL[det]}`, "", ...table(det), ""]),
    "## False alarms per 10k in-control points by stream kind",
    "",
    `| detector | ${STREAM_KINDS.join(" | ")} |`,
    `|---|${STREAM_KINDS.map(() => "---:").join("|")}|`,
    ...detectors.map(
      (det) =>
        `| ${LABEL[det]} | ${STREAM_KINDS.map((k) => per10k(byKind[det][k]?.fa ?? 0, byKind[det][k]?.ic ?? 0)).join(" | ")} |`,
    ),
    "",
    ...(auto
      ? [
          `Per-tag choice of the primary chart over all ${expectedN} streams: ${Object.entries(chosen)
            .map(([k, v]) => `${k} ${v}`)
            .join(
              ", ",
            )}. Mean expected false-alarm rate reported by the calibration: ${(expected / Math.max(1, expectedN)).toFixed(2)} per 10k (target 1 per 10k ÷ safety 2 = 0.5); observed ${per10k(auto.fa, auto.ic)}.`,
          "",
        ]
      : []),
    ...(nab
      ? [
          "## NAB v1 (58 files): per-tag automatic choice beside the NAB-tuned context detector",
          "",
          "The per-tag detector learns from each file's probationary part (15 %, ≤ 750 rows — the part NAB does not score) and then runs with its default target (ARL 10,000, no NAB tuning).",
          "",
          "| detector | standard | reward_low_FP | reward_low_FN |",
          "|---|---:|---:|---:|",
          "| context, NAB-tuned (bench/results/nab.md) | 75.7 | 69.6 | 79.8 |",
          `| per-tag auto, its own alarms (calibrated thresholds) | ${nab.alarms.standard.normalised.toFixed(1)} | ${nab.alarms.reward_low_FP_rate.normalised.toFixed(1)} | ${nab.alarms.reward_low_FN_rate.normalised.toFixed(1)} |`,
          `| per-tag auto, score r/(1+r) with NAB's threshold sweep | ${nab.swept.standard.normalised.toFixed(1)} | ${nab.swept.reward_low_FP_rate.normalised.toFixed(1)} | ${nab.swept.reward_low_FN_rate.normalised.toFixed(1)} |`,
          "",
          `The platform default (its own alarms) is **${(75.7 - nab.alarms.standard.normalised).toFixed(1)} points below** the NAB-tuned detector on the standard profile. It is not blind — ${nab.windowsHit} of ${nab.windows} windows get an alarm — but ${nab.alarmsOutside} of its ${nab.alarmsInWindows + nab.alarmsOutside} alarms fall outside the windows: NAB's web and cloud metrics are non-stationary and heavy-tailed, ≤ 750 rows do not show their in-control behaviour, and NAB's standard profile values one caught window like about nine false alarms, the opposite of the plant trade-off this detector is built for. The swept score is 0 because on these streams the statistics stay above their thresholds for long stretches after a change (the alarm fires once, the score stays high), and NAB counts every such row as a detection or a false positive. Chosen primaries: ${Object.entries(
            nab.chosen,
          )
            .map(([k, v]) => `${k} ${v}`)
            .join(
              ", ",
            )}.${nab.failed.length ? ` Files without a learnable baseline (no alarms): ${nab.failed.join("; ")}.` : ""} (${nab.seconds.toFixed(1)} s)`,
          "",
        ]
      : []),
    `Run time: ${detectors.map((d) => `${d} ${seconds[d].toFixed(1)} s`).join(", ")}. Machine: ${machine.cpu}, ${machine.cores} cores shared, Node ${machine.node}, ${machine.date}.`,
  ].join("\n");
  console.log(md);
  writeResults(
    tune ? "warning-tune" : seeds.length < 30 ? "warning-quick" : "warning",
    { seeds, rows, byKind, chosen, nab, machine },
    md,
  );
}
