import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import {
  createDetector,
  DETECTOR_NAMES,
  type DetectorOptions,
  isHeader,
  MonitorError,
  parseSeriesRow,
  type SeriesRow,
} from "@clusterbrain/engine/monitor";
import type { Command } from "commander";
import { detectAutoStream, formatWarningReport, parseLearn } from "./detect-auto.stream.ts";
import type { RegisterCommand } from "./index.ts";

interface DetectCliOptions {
  detector?: string;
  warmup: string;
  rest: string;
  threshold?: string;
  learn: string;
  arl: string;
}

/**
 * Streams `timestamp,value` rows through one detector and writes
 * `timestamp,value,anomaly_score,alarm` rows as they are scored (constant memory).
 */
export async function detectStream(
  input: Readable,
  output: Writable,
  detector: string,
  opts: DetectorOptions,
): Promise<number> {
  const d = createDetector(detector, opts);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  output.write("timestamp,value,anomaly_score,alarm\n");
  let row = 0;
  let count = 0;
  for await (const line of lines) {
    row++;
    if (line.trim() === "" || (row === 1 && isHeader(line))) continue;
    const r: SeriesRow = parseSeriesRow(line, row);
    const res = d.update(r.timestamp, r.value);
    const ok = output.write(
      `${r.raw},${Number.isNaN(r.value) ? "" : r.value},${res.score},${res.flags.includes("anomaly") ? 1 : 0}\n`,
    );
    if (!ok) await new Promise((resolve) => output.once("drain", resolve));
    count++;
  }
  return count;
}

function nonNegative(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a number ≥ 0, got "${value}"`);
  return n;
}

export const registerDetect: RegisterCommand = (program) => {
  program
    .command("detect")
    .description(
      "Score a timestamp,value CSV (NAB layout). Default: the per-tag early warning the platform uses — " +
        "learned from the file's first part, thresholds calibrated to a target false-alarm rate (report on stderr)",
    )
    .argument("<file>", "CSV with a timestamp,value header")
    .option(
      "--detector <name>",
      `a fixed streaming detector instead of the per-tag automatic choice: ${DETECTOR_NAMES.join(", ")}`,
    )
    .option("--learn <n|p%>", "per-tag mode: rows to learn from (a count, or a share of the file)", "25%")
    .option("--arl <n>", "per-tag mode: target in-control run length (points per false alarm)", "10000")
    .option("--warmup <n>", "--detector mode: points learned before scores are reported", "150")
    .option("--rest <n>", "points to stay quiet after an alarm (one excursion, one alarm)", "150")
    .option(
      "--threshold <score>",
      "--detector mode: score at or above which the alarm column is 1 (default: the detector's own)",
    )
    .action(async (file: string, opts: DetectCliOptions, cmd: Command) => {
      try {
        if (opts.detector === undefined) {
          const rest =
            cmd.getOptionValueSource("rest") === "default" ? undefined : nonNegative(opts.rest, "--rest");
          const d = await detectAutoStream(() => createReadStream(file), process.stdout, {
            learn: parseLearn(opts.learn),
            warning: { targetArl: nonNegative(opts.arl, "--arl"), restPeriod: rest },
          });
          process.stderr.write(formatWarningReport(d.report));
          return;
        }
        await detectStream(createReadStream(file), process.stdout, opts.detector, {
          warmup: nonNegative(opts.warmup, "--warmup"),
          restPeriod: nonNegative(opts.rest, "--rest"),
          alarmThreshold:
            opts.threshold === undefined ? undefined : nonNegative(opts.threshold, "--threshold"),
        });
      } catch (err) {
        if (err instanceof MonitorError) throw new Error(`${file}: ${err.message} [${err.code}]`);
        throw err;
      }
    });
};
