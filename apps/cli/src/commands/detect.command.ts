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
} from "@clusterbrain/engine/monitor";
import type { RegisterCommand } from "./index.ts";

interface DetectCliOptions {
  detector: string;
  warmup: string;
  rest: string;
  threshold?: string;
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
    const r = parseSeriesRow(line, row);
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
    .description("Score a timestamp,value CSV (NAB layout) with a streaming anomaly detector")
    .argument("<file>", "CSV with a timestamp,value header")
    .option("--detector <name>", `one of ${DETECTOR_NAMES.join(", ")}`, "context")
    .option("--warmup <n>", "points learned before scores are reported", "150")
    .option("--rest <n>", "points to stay quiet after an alarm (one excursion, one alarm)", "150")
    .option(
      "--threshold <score>",
      "score at or above which the alarm column is 1 (default: the detector's own)",
    )
    .action(async (file: string, opts: DetectCliOptions) => {
      try {
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
