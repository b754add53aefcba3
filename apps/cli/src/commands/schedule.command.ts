import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import {
  parseBrandimarte,
  parseJobShop,
  renderGanttHtml,
  ScheduleError,
  type ScheduleInstance,
  type ScheduleObjective,
  solveSchedule,
  validateSchedule,
} from "@clusterbrain/engine/schedule";
import { SingleBar } from "cli-progress";
import type { RegisterCommand } from "./index.ts";

interface ScheduleCliOptions {
  time: string;
  seed: string;
  iterations?: string;
  format: string;
  objective: string;
  gantt?: string;
  json?: boolean;
}

/** Job shop (`n m` + pairs) or Brandimarte (`n m [flex]` + per-op machine lists); auto tries both. */
function loadInstance(file: string, format: string): ScheduleInstance {
  const text = readFileSync(file, "utf8");
  const name = basename(file).replace(/\.[^.]*$/, "");
  if (format === "jobshop") return parseJobShop(text, name);
  if (format === "brandimarte") return parseBrandimarte(text, name);
  if (format !== "auto") throw new Error(`unknown --format ${format}; use auto, jobshop or brandimarte`);
  try {
    return parseJobShop(text, name);
  } catch (jobShopError) {
    try {
      return parseBrandimarte(text, name);
    } catch {
      throw jobShopError;
    }
  }
}

function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a number ≥ 0, got "${value}"`);
  return n;
}

export const registerSchedule: RegisterCommand = (program) => {
  program
    .command("schedule")
    .description("Solve a job shop / flexible job shop instance file and report the schedule")
    .argument("<file>", "instance file (job shop text format or Brandimarte FJSP)")
    .option("--time <seconds>", "time limit in seconds", "10")
    .option("--seed <n>", "random seed", "1")
    .option("--iterations <n>", "iteration limit (with --time 0 ignored: deterministic run)")
    .option("--format <fmt>", "auto | jobshop | brandimarte", "auto")
    .option("--objective <obj>", "makespan | weightedTardiness", "makespan")
    .option("--gantt <file.html>", "write a self-contained HTML Gantt chart")
    .option("--json", "print the schedule as JSON on stdout")
    .action((file: string, opts: ScheduleCliOptions) => {
      const seconds = positiveNumber(opts.time, "--time");
      const seed = positiveNumber(opts.seed, "--seed");
      const iterationLimit =
        opts.iterations === undefined ? undefined : positiveNumber(opts.iterations, "--iterations");
      if (opts.objective !== "makespan" && opts.objective !== "weightedTardiness") {
        throw new Error(`unknown --objective ${opts.objective}`);
      }
      const objective: ScheduleObjective = opts.objective;
      let instance: ScheduleInstance;
      try {
        instance = loadInstance(file, opts.format);
      } catch (err) {
        if (err instanceof ScheduleError) throw new Error(`${file}: ${err.message} [${err.code}]`);
        throw err;
      }
      const timeLimitMs = seconds === 0 && iterationLimit !== undefined ? undefined : seconds * 1000;
      const bar = new SingleBar({
        format: "scheduling [{bar}] {percentage}% | best {best} | {iterations} it",
        stream: process.stderr,
        hideCursor: true,
      });
      const showBar = process.stderr.isTTY && seconds >= 1;
      if (showBar) bar.start(100, 0, { best: "-", iterations: 0 });
      const result = solveSchedule(instance, {
        objective,
        timeLimitMs,
        iterationLimit,
        seed,
        progressIntervalMs: 200,
        onProgress: (p) => {
          if (!showBar) return;
          // The solver runs on this thread, so redraw explicitly instead of waiting for the bar's timer.
          bar.update(Math.min(100, Math.round((100 * p.elapsedMs) / (seconds * 1000))), {
            best: p.bestObjective,
            iterations: p.iterations,
          });
          bar.render();
        },
      });
      if (showBar) {
        bar.update(100, { best: result.objective, iterations: result.iterations });
        bar.stop();
      }
      const report = validateSchedule(instance, result.schedule);
      if (!report.valid) {
        throw new Error(`internal error: schedule failed validation: ${report.violations[0].message}`);
      }
      if (opts.gantt) writeFileSync(opts.gantt, renderGanttHtml(instance, result.schedule));
      if (opts.json) {
        const operations = [...result.schedule.operations]
          .sort((a, b) => a.job - b.job || a.op - b.op)
          .map(({ job, op, machine, start, end }) => ({ job, op, machine, start, end }));
        process.stdout.write(`${JSON.stringify({ makespan: report.makespan, operations })}\n`);
        return;
      }
      const opCount = instance.jobs.reduce((s, j) => s + j.operations.length, 0);
      const gap =
        result.lowerBound > 0
          ? ((100 * (report.makespan - result.lowerBound)) / result.lowerBound).toFixed(2)
          : "-";
      const lines = [
        `instance     ${instance.name ?? file}: ${instance.jobs.length} jobs × ${instance.machineCount} machines, ${opCount} operations`,
        `makespan     ${report.makespan}  (lower bound ${result.lowerBound}, gap ≤ ${gap}%)`,
        objective === "weightedTardiness" ? `tardiness    ${report.weightedTardiness} (weighted)` : undefined,
        `search       ${result.algorithm}, ${result.iterations} iterations in ${(result.elapsedMs / 1000).toFixed(1)} s, stopped: ${result.stopReason}`,
        "validated    ok (independent validator)",
        opts.gantt ? `gantt        ${opts.gantt}` : undefined,
      ];
      process.stdout.write(`${lines.filter((l) => l !== undefined).join("\n")}\n`);
    });
};
