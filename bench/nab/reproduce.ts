// Proves the scorer: Numenta's raw anomaly scores on the realKnownCause files, scored at the
// published standard threshold, must give NAB's own Score, TP, FP and FN for each file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  labelNabFile,
  NAB_PROFILE_NAMES,
  NAB_PROFILES,
  type NabProfileName,
  scoreNabFile,
} from "@clusterbrain/engine/monitor";
import { isBlankRecord, readCsv } from "@clusterbrain/engine/shared";
import { readNabCsv, windowsToIndices } from "./nab-data.ts";

export interface ReproductionRow {
  profile: NabProfileName;
  threshold: number;
  file: string;
  expected: { score: number; tp: number; fp: number; fn: number };
  ours: { score: number; tp: number; fp: number; fn: number };
  match: boolean;
}

/** Every realKnownCause file under every profile, at Numenta's published threshold for that profile. */
export function reproduceNumentaScores(nabDir: string): ReproductionRow[] {
  return NAB_PROFILE_NAMES.flatMap((p) => reproduceProfile(nabDir, p));
}

function reproduceProfile(nabDir: string, profile: NabProfileName): ReproductionRow[] {
  const resultsDir = join(nabDir, "golden_results", "results", "numenta");
  const thresholds = JSON.parse(readFileSync(join(nabDir, "config", "thresholds.json"), "utf8")) as Record<
    string,
    Record<string, { threshold: number }>
  >;
  const threshold = thresholds.numenta[profile].threshold;
  const labels = JSON.parse(readFileSync(join(nabDir, "labels", "combined_windows.json"), "utf8")) as Record<
    string,
    [string, string][]
  >;
  const expected = new Map<string, ReproductionRow["expected"]>();
  for (const c of readCsv(readFileSync(join(resultsDir, `numenta_${profile}_scores.csv`), "utf8"))) {
    if (c[2]?.startsWith("realKnownCause/")) {
      expected.set(c[2], { score: Number(c[4]), tp: Number(c[5]), fp: Number(c[7]), fn: Number(c[8]) });
    }
  }
  const rows: ReproductionRow[] = [];
  for (const f of readdirSync(join(resultsDir, "realKnownCause")).sort()) {
    const name = `realKnownCause/${f.replace(/^numenta_/, "")}`;
    const text = readFileSync(join(resultsDir, "realKnownCause", f), "utf8");
    const { timestamps } = readNabCsv(text);
    const scores = readCsv(text)
      .slice(1)
      .filter((r) => !isBlankRecord(r))
      .map((r) => Number(r[2]));
    const file = labelNabFile(timestamps.length, windowsToIndices(timestamps, labels[name] ?? []));
    const s = scoreNabFile(file, scores, threshold, NAB_PROFILES[profile]);
    const exp = expected.get(name);
    if (!exp) throw new Error(`no published score for ${name}`);
    const ours = { score: s.score, tp: s.tp, fp: s.fp, fn: s.fn };
    // NAB prints 12 significant digits, so "exact" means identical at that precision.
    const match =
      Number(ours.score.toPrecision(12)) === exp.score &&
      ours.tp === exp.tp &&
      ours.fp === exp.fp &&
      ours.fn === exp.fn;
    rows.push({ profile, threshold, file: name, expected: exp, ours, match });
  }
  return rows;
}
