import { existsSync, readdirSync, readFileSync } from "node:fs";
import { datasetPath } from "../lib/datasets.ts";
import type { InstanceFormat } from "./protocol.ts";

export interface BenchInstance {
  /** Display name (ta01, la21, mk05). */
  name: string;
  family: "ft" | "la" | "ta" | "mk";
  file: string;
  format: InstanceFormat;
  bks: number;
  bksOptimal: boolean;
}

export interface Anchor {
  ub: number;
  time: number | null;
}

/** Other solvers' reported upper bounds per instance (ScheduleOpt results_*.json). */
export const ANCHOR_FILES = {
  "CP-SAT 9.15": "results_cpsat_9_15_6755.json",
  "CP Optimizer 22.1": "results_cpo_22_1_1_0.json",
  "OptalCP 2026.4": "results_optalcp_2026_4_0_maxpropagation.json",
} as const;
export type AnchorName = keyof typeof ANCHOR_FILES;

interface BksRow {
  instance: string;
  upper_bound: number;
  lower_bound: number;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** ScheduleOpt names Taillard files ta01js; the literature says ta01. */
const display = (file: string) => file.replace(/\.txt$/, "").replace(/^(ta\d+)js$/, "$1");

export function loadCatalog(): BenchInstance[] {
  const jsBks = new Map(
    readJson<BksRow[]>(datasetPath("jobshop", "bks_scheduleopt.json")).map((r) => [
      display(`${r.instance}.txt`),
      r,
    ]),
  );
  const fjBks = new Map(
    readJson<BksRow[]>(datasetPath("fjsp", "bks_scheduleopt.json")).map((r) => [r.instance, r]),
  );
  const out: BenchInstance[] = [];
  const jsDir = datasetPath("jobshop", "instances");
  for (const f of readdirSync(jsDir).sort()) {
    const name = display(f);
    const family = name.slice(0, 2);
    const bks = jsBks.get(name);
    if (!bks || (family !== "ft" && family !== "la" && family !== "ta")) continue;
    out.push({
      name,
      family,
      file: `${jsDir}/${f}`,
      format: "jobshop",
      bks: bks.upper_bound,
      bksOptimal: bks.lower_bound === bks.upper_bound,
    });
  }
  const mkDir = datasetPath("fjsp", "instances", "brandimarte");
  for (const f of readdirSync(mkDir).sort()) {
    const name = f.replace(/\.txt$/, "");
    const bks = fjBks.get(name);
    if (!bks) continue;
    out.push({
      name,
      family: "mk",
      file: `${mkDir}/${f}`,
      format: "brandimarte",
      bks: bks.upper_bound,
      bksOptimal: bks.lower_bound === bks.upper_bound,
    });
  }
  return out;
}

export function loadAnchors(): Record<AnchorName, Map<string, Anchor>> {
  const result = {} as Record<AnchorName, Map<string, Anchor>>;
  for (const [label, file] of Object.entries(ANCHOR_FILES) as [AnchorName, string][]) {
    const path = datasetPath("jobshop", file);
    const rows = existsSync(path)
      ? readJson<{ instance: string; ub?: { value: number; time?: number | string } }[]>(path)
      : [];
    result[label] = new Map(
      rows
        .filter((r) => r.ub && Number.isFinite(r.ub.value))
        .map((r) => [
          display(`${r.instance}.txt`),
          { ub: r.ub!.value, time: typeof r.ub!.time === "number" ? r.ub!.time : null },
        ]),
    );
  }
  return result;
}
