import { readFileSync } from "node:fs";
import {
  type BatchItem,
  ForecastError,
  forecastBatch,
  METHOD_NAMES,
  type MethodName,
  parseSeriesCsv,
  type SeriesInput,
} from "@clusterbrain/engine/forecast";
import { SingleBar } from "cli-progress";
import type { RegisterCommand } from "./index.ts";

interface ForecastCliOptions {
  horizon: string;
  period: string;
  method: string;
  json?: boolean;
}

export interface ForecastRun {
  horizon: number;
  /** "auto": inferred per series (the platform's choice); otherwise as given. */
  periods: number[] | "auto";
  method: MethodName;
}

/** Checks the flags; every problem names the flag. */
export function parseFlags(opts: ForecastCliOptions): ForecastRun {
  const horizon = Number(opts.horizon);
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new Error(`--horizon must be a positive integer, got "${opts.horizon}"`);
  const periods =
    opts.period.trim() === "auto" ? "auto" : opts.period.split(",").map((p) => Number(p.trim()));
  if (periods !== "auto" && periods.some((p) => !Number.isInteger(p) || p < 1)) {
    throw new Error(
      `--period must be "auto" or positive integers separated by commas (e.g. 24,168), got "${opts.period}"`,
    );
  }
  if (!(METHOD_NAMES as readonly string[]).includes(opts.method)) {
    throw new Error(`--method must be one of ${METHOD_NAMES.join(", ")}; got "${opts.method}"`);
  }
  return { horizon, periods, method: opts.method as MethodName };
}

/** The `--json` shape: mean and 95% bounds per series. */
export function toJson(items: readonly BatchItem[]): string {
  return JSON.stringify(
    items.map((it) => {
      if (!it.ok) return { id: it.id, error: it.error };
      const i95 = it.intervals.find((i) => i.level === 95);
      const out = { id: it.id, mean: it.mean, lower: i95?.lower ?? [], upper: i95?.upper ?? [] };
      return it.season ? { ...out, periods: it.season.periods } : out;
    }),
  );
}

const fmt = (v: number): string =>
  Math.abs(v) >= 1e5 ? v.toExponential(3) : v.toFixed(Math.abs(v) >= 100 ? 1 : 3);

/** A readable block per series: step, forecast and both intervals. */
export function toTable(items: readonly BatchItem[]): string {
  const out: string[] = [];
  for (const it of items) {
    if (!it.ok) {
      out.push(`${it.id}: ${it.error.message} [${it.error.code}]`, "");
      continue;
    }
    const [i80, i95] = [80, 95].map((l) => it.intervals.find((i) => i.level === l));
    const rows = it.mean.map((m, h) => [
      String(h + 1),
      fmt(m),
      i80 ? `${fmt(i80.lower[h])} – ${fmt(i80.upper[h])}` : "",
      i95 ? `${fmt(i95.lower[h])} – ${fmt(i95.upper[h])}` : "",
    ]);
    const header = ["h", "forecast", "80% interval", "95% interval"];
    const widths = header.map((t, c) => Math.max(t.length, ...rows.map((r) => r[c].length)));
    const line = (r: string[]): string => r.map((cell, c) => cell.padStart(widths[c])).join("  ");
    const season = it.season ? `; season: ${it.season.reason}` : "";
    out.push(`${it.id}  (${it.method}${season})`, line(header), ...rows.map(line), "");
  }
  return out.join("\n");
}

/** Forecasts every series, with a progress bar on stderr when there are many and stderr is a terminal. */
export async function runForecast(series: readonly SeriesInput[], run: ForecastRun): Promise<BatchItem[]> {
  const showBar = process.stderr.isTTY && series.length >= 10;
  const bar = new SingleBar({
    format: "forecasting [{bar}] {value}/{total} series",
    stream: process.stderr,
    hideCursor: true,
  });
  if (showBar) bar.start(series.length, 0);
  try {
    return await forecastBatch(series, {
      horizon: run.horizon,
      period: run.periods,
      method: run.method,
      continueOnError: true,
      onProgress: (p) => {
        if (showBar) bar.update(p.done);
      },
    });
  } finally {
    if (showBar) bar.stop();
  }
}

export const registerForecast: RegisterCommand = (program) => {
  program
    .command("forecast")
    .description("Forecast every series of a CSV (M4 layout: id, then values; rows may differ in length)")
    .argument("<file>", "CSV file, one series per row")
    .option("--horizon <h>", "steps ahead", "12")
    .option(
      "--period <p>",
      "seasonal period(s), e.g. 12 or 24,168 (1 = none); auto = detected per series from its values",
      "auto",
    )
    .option("--method <name>", `${METHOD_NAMES.join(" | ")}`, "auto")
    .option("--json", "print [{id, mean, lower, upper}] (95% bounds) as JSON")
    .action(async (file: string, opts: ForecastCliOptions) => {
      const run = parseFlags(opts);
      let series: SeriesInput[];
      try {
        series = parseSeriesCsv(readFileSync(file, "utf8"));
      } catch (err) {
        if (err instanceof ForecastError) throw new Error(`${file}: ${err.message} [${err.code}]`);
        throw err;
      }
      const items = await runForecast(series, run);
      process.stdout.write(`${opts.json ? toJson(items) : toTable(items)}\n`);
      const failed = items.filter((i) => !i.ok).length;
      if (failed) {
        process.stderr.write(`${failed} of ${items.length} series could not be forecast (see their rows)\n`);
        process.exitCode = 1;
      }
    });
};
