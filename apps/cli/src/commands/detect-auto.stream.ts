import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import {
  isHeader,
  learnWarningDetector,
  MonitorError,
  parseSeriesRow,
  type SeriesRow,
  type WarningDetector,
  type WarningOptions,
  type WarningReport,
} from "@clusterbrain/engine/monitor";

/** How much of the file to learn from: a row count or a share. */
export type LearnSpec = { readonly rows: number } | { readonly share: number };

export function parseLearn(text: string): LearnSpec {
  const t = text.trim();
  if (t.endsWith("%")) {
    const p = Number(t.slice(0, -1));
    if (!(p > 0 && p < 100)) throw new Error(`--learn share must be between 0 and 100 %, got "${text}"`);
    return { share: p / 100 };
  }
  const n = Number(t);
  if (!Number.isInteger(n) || n < 30)
    throw new Error(`--learn must be a row count ≥ 30 or a share like 25%, got "${text}"`);
  return { rows: n };
}

async function* rows(input: Readable): AsyncGenerator<SeriesRow> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let row = 0;
  for await (const line of lines) {
    row++;
    if (line.trim() === "" || (row === 1 && isHeader(line))) continue;
    yield parseSeriesRow(line, row);
  }
}

export interface AutoOptions {
  readonly learn: LearnSpec;
  readonly warning?: WarningOptions;
}

/**
 * Per-tag automatic early warning on a CSV, exactly as the platform runs it on a tag: learn
 * baseline and thresholds from the first rows (written with score 0, alarm 0), then stream the
 * rest. A share needs the row count, so the file is opened twice; memory holds only the learning rows.
 */
export async function detectAutoStream(
  open: () => Readable,
  output: Writable,
  o: AutoOptions,
): Promise<WarningDetector> {
  let learn: number;
  if ("rows" in o.learn) learn = o.learn.rows;
  else {
    let total = 0;
    for await (const _ of rows(open())) total++;
    learn = Math.max(30, Math.floor(total * o.learn.share));
  }
  const head: SeriesRow[] = [];
  let d: WarningDetector | null = null;
  const write = async (text: string): Promise<void> => {
    if (!output.write(text)) await new Promise((resolve) => output.once("drain", resolve));
  };
  const cell = (v: number): string => (Number.isNaN(v) ? "" : String(v));
  await write("timestamp,value,anomaly_score,alarm\n");
  for await (const r of rows(open())) {
    if (d === null) {
      head.push(r);
      if (head.length < learn) continue;
      d = learnWarningDetector(
        head.map((h) => h.timestamp),
        head.map((h) => h.value),
        o.warning,
      );
      for (const h of head) await write(`${h.raw},${cell(h.value)},0,0\n`);
      continue;
    }
    const res = d.update(r.timestamp, r.value);
    await write(`${r.raw},${cell(r.value)},${res.score},${res.alarm ? 1 : 0}\n`);
  }
  if (d === null)
    throw new MonitorError("EMPTY_INPUT", `only ${head.length} rows: fewer than the ${learn} to learn from`);
  return d;
}

const f = (x: number, digits = 3): string => Number(x.toPrecision(digits)).toString();

/** The engineer's view of the choice (stderr): chart, thresholds, expected false alarms. */
export function formatWarningReport(r: WarningReport): string {
  const b = r.baseline;
  return [
    `# per-tag early warning learned from ${b.learnedPoints} rows: AR(${b.ar.length})${b.daily.some((c) => c !== 0) ? ` + daily profile (R² ${f(b.dailyR2, 2)})` : ""}${b.counts ? ", counts (Anscombe)" : ""}`,
    `# chosen chart: ${r.chosen}; candidates: ${r.candidates.map((c) => `${c.name} ${c.eligible ? `sensitivity ${f(c.sensitivity, 2)}` : "not eligible"}`).join(", ")}`,
    `# thresholds: ${r.sources.map((s) => `${s.source} ${f(s.threshold)}${s.overridden ? " (set)" : ""}`).join(", ")}`,
    `# expected false alarms ${f(r.expectedFalseAlarmsPer10k, 2)} per 10,000 in-control points (ARL ${Math.round(r.expectedArl)}; target ${r.targetArl})`,
    "",
  ].join("\n");
}
