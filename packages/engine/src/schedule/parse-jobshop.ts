import { ScheduleError } from "./errors.ts";
import { readerFor } from "./tokens.ts";
import type { ScheduleInstance, ScheduleJob } from "./types.ts";

/**
 * Standard job shop text format (Fisher & Thompson, Lawrence, Taillard as published by
 * OR-Library and ScheduleOpt): `n m`, then per job m pairs `machine duration`, machines 0-based.
 */
export function parseJobShop(text: string, name?: string): ScheduleInstance {
  const reader = readerFor(text);
  const n = reader.next("number of jobs", 1, 1_000_000);
  const m = reader.next("number of machines", 1, 100_000);
  const jobs: ScheduleJob[] = [];
  for (let j = 0; j < n; j++) {
    const operations = [];
    for (let k = 0; k < m; k++) {
      const machine = reader.next(`machine of job ${j} operation ${k}`, 0, m - 1);
      const duration = reader.next(`duration of job ${j} operation ${k}`, 0);
      operations.push({ alternatives: [{ machine, duration }] });
    }
    jobs.push({ operations });
  }
  reader.expectEnd();
  if (jobs.length === 0) throw new ScheduleError("PARSE_ERROR", "instance has no jobs");
  return { name, machineCount: m, jobs };
}
