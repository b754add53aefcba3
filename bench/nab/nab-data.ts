// Reads the NAB v1 corpus (data/, labels/combined_windows.json) from the benchmark data folder.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { NabWindow } from "@clusterbrain/engine/monitor";
import { isBlankRecord, readCsv } from "@clusterbrain/engine/shared";

export interface NabSeries {
  /** Path relative to data/, e.g. realKnownCause/nyc_taxi.csv (the key NAB uses). */
  readonly name: string;
  readonly timestamps: string[];
  readonly values: Float64Array;
  readonly windows: NabWindow[];
}

/** NAB timestamps come as "YYYY-MM-DD HH:MM:SS" in data and with ".ffffff" in labels. */
const key = (ts: string): string => ts.trim().slice(0, 19);

export function readNabCsv(text: string): { timestamps: string[]; values: Float64Array } {
  const records = readCsv(text).filter((r) => !isBlankRecord(r));
  const timestamps: string[] = [];
  const values = new Float64Array(records.length - 1);
  for (let i = 1; i < records.length; i++) {
    timestamps.push(records[i][0]);
    values[i - 1] = Number(records[i][1]);
  }
  return { timestamps, values };
}

export function windowsToIndices(
  timestamps: readonly string[],
  limits: readonly [string, string][],
): NabWindow[] {
  const index = new Map<string, number>();
  for (let i = 0; i < timestamps.length; i++) index.set(key(timestamps[i]), i);
  return limits.map(([a, b]) => {
    const start = index.get(key(a));
    const end = index.get(key(b));
    if (start === undefined || end === undefined) throw new Error(`window ${a}..${b} not on a row`);
    return { start, end };
  });
}

export function loadNabCorpus(nabDir: string, filter?: (name: string) => boolean): NabSeries[] {
  const labels = JSON.parse(readFileSync(join(nabDir, "labels", "combined_windows.json"), "utf8")) as Record<
    string,
    [string, string][]
  >;
  const out: NabSeries[] = [];
  for (const dir of readdirSync(join(nabDir, "data")).sort()) {
    if (dir.endsWith(".md")) continue;
    for (const f of readdirSync(join(nabDir, "data", dir)).sort()) {
      const name = `${dir}/${f}`;
      if (!f.endsWith(".csv") || (filter && !filter(name))) continue;
      const { timestamps, values } = readNabCsv(readFileSync(join(nabDir, "data", dir, f), "utf8"));
      out.push({ name, timestamps, values, windows: windowsToIndices(timestamps, labels[name] ?? []) });
    }
  }
  return out;
}
