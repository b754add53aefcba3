// `npm run bench -- schedule [--quick] [--time S] [--family ta,mk] [--instances ta01-ta50] [--workers 2] [--render-only]`

import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import {
  parseBrandimarte,
  parseJobShop,
  type Schedule,
  validateSchedule,
} from "@clusterbrain/engine/schedule";
import { machineInfo, writeResults } from "./lib/results.ts";
import {
  ANCHOR_FILES,
  type AnchorName,
  type BenchInstance,
  loadAnchors,
  loadCatalog,
} from "./schedule/catalog.ts";
import { runPool } from "./schedule/pool.ts";
import { gap, loadPrevious, mergeRows, type ResultRow, renderMarkdown } from "./schedule/report.ts";

interface Args {
  quick: boolean;
  timeS: number;
  families: string[] | null;
  instances: string[] | null;
  workers: number;
}

function parseArgs(args: string[]): Args {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const quick = args.includes("--quick");
  const timeS = Number(value("--time") ?? (quick ? 2 : 10));
  if (!(timeS > 0)) throw new Error("--time must be a positive number of seconds");
  const families = value("--family")?.split(",") ?? null;
  const instances = value("--instances")?.split(",").flatMap(expandRange) ?? null;
  const workers = Number(value("--workers") ?? 2);
  return { quick, timeS, families, instances, workers };
}

/** "ta01-ta50" → ta01 … ta50; other names pass through. */
function expandRange(spec: string): string[] {
  const m = /^([a-z]+)(\d+)-\1?(\d+)$/.exec(spec);
  if (!m) return [spec];
  const width = m[2].length;
  const out: string[] = [];
  for (let i = Number(m[2]); i <= Number(m[3]); i++) out.push(`${m[1]}${String(i).padStart(width, "0")}`);
  return out;
}

const QUICK_SET = ["ft10", "la21", "ta01", "ta21", "ta41", "mk01", "mk06", "mk10"];

function select(catalog: BenchInstance[], a: Args): BenchInstance[] {
  let list = catalog;
  if (a.quick && !a.instances) list = list.filter((i) => QUICK_SET.includes(i.name));
  if (a.families) list = list.filter((i) => a.families!.includes(i.family));
  if (a.instances) list = list.filter((i) => a.instances!.includes(i.name));
  return list;
}

function validate(inst: BenchInstance, schedule: Schedule) {
  const text = readFileSync(inst.file, "utf8");
  const parsed = inst.format === "brandimarte" ? parseBrandimarte(text) : parseJobShop(text);
  return validateSchedule(parsed, schedule);
}

export async function run(args: string[]): Promise<void> {
  if (args.includes("--render-only")) {
    // Re-render schedule.md from schedule.json (e.g. after a report format change).
    writeResults(
      "schedule",
      loadPrevious(),
      renderMarkdown(loadPrevious(), Object.keys(ANCHOR_FILES) as AnchorName[]),
    );
    return;
  }
  const a = parseArgs(args);
  const catalog = loadCatalog();
  const chosen = select(catalog, a);
  if (chosen.length === 0) throw new Error("no instance matches the selection");
  const anchors = loadAnchors();
  const anchorNames = Object.keys(ANCHOR_FILES) as AnchorName[];
  const load = loadavg();
  const machine = await machineInfo();
  console.error(
    `schedule bench: ${chosen.length} instances × ${a.timeS} s on ${a.workers} worker threads ` +
      `(≈ ${Math.ceil((chosen.length * a.timeS) / a.workers / 60)} min); load average ${load.map((x) => x.toFixed(1)).join(" ")}`,
  );
  // Biggest first so the two lanes finish together.
  const bySize = [...chosen].sort((x, y) => y.bks - x.bks);
  const rows: ResultRow[] = [];
  const catalogByName = new Map(chosen.map((i) => [i.name, i]));
  await runPool(
    bySize.map((i) => ({
      name: i.name,
      file: i.file,
      format: i.format,
      timeLimitMs: a.timeS * 1000,
      seed: 1,
    })),
    a.workers,
    (job, reply) => {
      const inst = catalogByName.get(job.name)!;
      const anchorCells: ResultRow["anchors"] = {};
      for (const name of anchorNames) {
        const x = anchors[name].get(inst.name);
        if (x) anchorCells[name] = { ...x, gapPct: gap(x.ub, inst.bks) };
      }
      const base = {
        instance: inst.name,
        family: inst.family,
        timeLimitS: a.timeS,
        bks: inst.bks,
        anchors: anchorCells,
      };
      if (!reply.ok) {
        rows.push({
          ...base,
          makespan: null,
          gapPct: null,
          valid: false,
          violations: [],
          iterations: 0,
          elapsedS: 0,
          algorithm: "-",
          error: reply.error,
        });
        console.error(`${inst.name}: ERROR ${reply.error}`);
        return;
      }
      const report = validate(inst, reply.schedule);
      const makespan = report.makespan;
      const row: ResultRow = {
        ...base,
        makespan,
        gapPct: report.valid ? gap(makespan, inst.bks) : null,
        valid: report.valid,
        violations: report.violations.slice(0, 3).map((v) => v.message),
        iterations: reply.iterations,
        elapsedS: reply.elapsedMs / 1000,
        algorithm: reply.algorithm,
      };
      rows.push(row);
      console.error(
        `${inst.name.padEnd(6)} ${String(makespan).padStart(5)} bks ${String(inst.bks).padStart(5)} gap ${row.gapPct?.toFixed(2) ?? "INVALID"}% ` +
          `it ${reply.iterations} ${report.valid ? "" : report.violations[0]?.message}`,
      );
    },
  );
  const previous = loadPrevious();
  const key = String(a.timeS);
  const file = {
    description: "Job shop / FJSP gaps to best known upper bounds; see schedule.md",
    runs: {
      ...previous.runs,
      [key]: { machine, loadAverage: load, rows: mergeRows(previous.runs[key]?.rows ?? [], rows) },
    },
  };
  const md = renderMarkdown(file, anchorNames);
  if (a.quick) {
    console.log(
      renderMarkdown({ ...file, runs: { [key]: { machine, loadAverage: load, rows } } }, anchorNames),
    );
    console.error("quick mode: results printed only (bench/results/schedule.* untouched)");
    return;
  }
  writeResults("schedule", file, md);
}
