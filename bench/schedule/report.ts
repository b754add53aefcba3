import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnchorName } from "./catalog.ts";

export interface ResultRow {
  instance: string;
  family: string;
  timeLimitS: number;
  makespan: number | null;
  bks: number;
  gapPct: number | null;
  valid: boolean;
  violations: string[];
  iterations: number;
  elapsedS: number;
  algorithm: string;
  error?: string;
  anchors: Partial<Record<AnchorName, { ub: number; time: number | null; gapPct: number }>>;
}

export interface ResultsFile {
  description: string;
  runs: Record<
    string,
    { machine: Record<string, string | number>; loadAverage: number[]; rows: ResultRow[] }
  >;
}

const resultsPath = join(dirname(fileURLToPath(import.meta.url)), "..", "results", "schedule.json");

/** Previous results, so a subset run (one family, one time limit) updates rows instead of clobbering. */
export function loadPrevious(): ResultsFile {
  if (!existsSync(resultsPath)) return { description: "", runs: {} };
  return JSON.parse(readFileSync(resultsPath, "utf8")) as ResultsFile;
}

export function mergeRows(previous: ResultRow[], fresh: ResultRow[]): ResultRow[] {
  const byName = new Map(previous.map((r) => [r.instance, r]));
  for (const r of fresh) byName.set(r.instance, r);
  return [...byName.values()].sort(
    (a, b) => familyOrder(a.family) - familyOrder(b.family) || a.instance.localeCompare(b.instance),
  );
}

const FAMILY_ORDER = ["ft", "la", "ta", "mk"];
const familyOrder = (f: string) => FAMILY_ORDER.indexOf(f);

export const gap = (value: number, bks: number) => (100 * (value - bks)) / bks;

interface Group {
  label: string;
  filter: (r: ResultRow) => boolean;
}

function groups(): Group[] {
  const taRange = (lo: number, hi: number) => (r: ResultRow) =>
    r.family === "ta" && Number(r.instance.slice(2)) >= lo && Number(r.instance.slice(2)) <= hi;
  const mkRange = (lo: number, hi: number) => (r: ResultRow) =>
    r.family === "mk" && Number(r.instance.slice(2)) >= lo && Number(r.instance.slice(2)) <= hi;
  return [
    { label: "ft", filter: (r) => r.family === "ft" },
    { label: "la", filter: (r) => r.family === "la" },
    { label: "ta01–10 (15×15)", filter: taRange(1, 10) },
    { label: "ta11–20 (20×15)", filter: taRange(11, 20) },
    { label: "ta21–30 (20×20)", filter: taRange(21, 30) },
    { label: "ta31–40 (30×15)", filter: taRange(31, 40) },
    { label: "ta41–50 (30×20)", filter: taRange(41, 50) },
    { label: "**ta01–50**", filter: taRange(1, 50) },
    { label: "ta51–80 (50×15 … 100×20)", filter: taRange(51, 80) },
    { label: "**mk01–10**", filter: mkRange(1, 10) },
    { label: "mk11–15", filter: mkRange(11, 15) },
  ];
}

const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? "–" : x.toFixed(digits);
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : null);

export function renderMarkdown(file: ResultsFile, anchorNames: AnchorName[]): string {
  const out: string[] = [
    "# Scheduling benchmark (job shop ft/la/ta, Brandimarte FJSP mk)",
    "",
    "Gap = 100·(makespan − best known upper bound)/BKS; BKS from ScheduleOpt `bks_scheduleopt.json`.",
    "Ours: `solveSchedule` (GT start + tabu search, one thread per instance, seed 1), every schedule",
    "re-checked by the independent validator. Anchors: the upper bounds CP-SAT, CP Optimizer and",
    "OptalCP reached in ScheduleOpt's published runs (`results_*.json`, Intel i7-1185G7, their own",
    "time limits, mostly ~10 s; gap computed on the same instances as ours). Regenerate with",
    "`npm run bench -- schedule [--time S] [--family ta] [--instances ta01-ta50]`.",
    "",
    "Iterations/s show how much CPU the solver really got (about 60 000/s on ta41, 30×20, on a free",
    "core of this machine; a few thousand when the cores are shared). Subset runs merge into this",
    "file, so each section names the machine state of its latest run: compare its it/s column",
    "before trusting a gap. Instances that stop early reached the lower bound (proven optimal).",
    "",
  ];
  for (const [limit, run] of Object.entries(file.runs).sort((a, b) => Number(a[0]) - Number(b[0]))) {
    const invalid = run.rows.filter((r) => !r.valid).length;
    out.push(`## ${limit} s per instance`, "");
    out.push(
      `Machine: ${run.machine.cpu}, ${run.machine.cores} cores, Node ${run.machine.node}, ${run.machine.date}; ` +
        `load average at start ${run.loadAverage.map((x) => x.toFixed(1)).join(" / ")} (2 solver threads on 2 cores). ` +
        `${run.rows.length} instances, ${invalid} invalid or failed.`,
      "",
    );
    const head = [
      "group",
      "n",
      "ours mean",
      "ours max",
      "ours it/s (median)",
      ...anchorNames.map((a) => `${a} mean`),
    ];
    out.push(`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
    for (const g of groups()) {
      const rows = run.rows.filter(g.filter);
      if (rows.length === 0) continue;
      const ours = rows.map((r) => r.gapPct).filter((x): x is number => x !== null);
      const anchorCells = anchorNames.map((a) => {
        const gaps = rows.map((r) => r.anchors[a]?.gapPct).filter((x): x is number => x !== undefined);
        return gaps.length === rows.length
          ? `${fmt(mean(gaps))}%`
          : gaps.length
            ? `${fmt(mean(gaps))}% (${gaps.length})`
            : "–";
      });
      const rates = rows.map((r) => (r.elapsedS > 0 ? r.iterations / r.elapsedS : 0)).sort((x, y) => x - y);
      const rate = Math.round(rates[Math.floor(rates.length / 2)]);
      out.push(
        `| ${g.label} | ${rows.length} | ${fmt(mean(ours))}% | ${fmt(max(ours))}% | ${rate} | ${anchorCells.join(" | ")} |`,
      );
    }
    out.push("", "<details><summary>Per instance</summary>", "");
    const ph = ["instance", "BKS", "ours", "gap %", "iterations", ...anchorNames.map((a) => `${a} (gap %)`)];
    out.push(`| ${ph.join(" | ")} |`, `|${ph.map(() => "---").join("|")}|`);
    for (const r of run.rows) {
      const anchors = anchorNames.map((a) => {
        const x = r.anchors[a];
        return x ? `${x.ub} (${fmt(x.gapPct)})` : "–";
      });
      const ours = r.valid ? String(r.makespan) : `INVALID ${r.error ?? r.violations[0] ?? ""}`;
      out.push(
        `| ${r.instance} | ${r.bks} | ${ours} | ${fmt(r.gapPct)} | ${r.iterations} | ${anchors.join(" | ")} |`,
      );
    }
    out.push("", "</details>", "");
  }
  return out.join("\n");
}
