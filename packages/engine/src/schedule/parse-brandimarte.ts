import { ScheduleError } from "./errors.ts";
import { readerFor } from "./tokens.ts";
import type { JobOperation, ScheduleInstance, ScheduleJob } from "./types.ts";

/**
 * Brandimarte (1993) flexible job shop format: `n m [avg machines per op]`, then per job
 * `k` operations, each `a` followed by `a` pairs `machine duration` with 1-based machines.
 * Machines are renumbered from 0.
 */
export function parseBrandimarte(text: string, name?: string): ScheduleInstance {
  const reader = readerFor(withoutAverageFlexibility(text));
  const n = reader.next("number of jobs", 1, 1_000_000);
  const m = reader.next("number of machines", 1, 100_000);
  const jobs: ScheduleJob[] = [];
  for (let j = 0; j < n; j++) {
    const opCount = reader.next(`operation count of job ${j}`, 1, 1_000_000);
    const operations: JobOperation[] = [];
    for (let k = 0; k < opCount; k++) {
      const altCount = reader.next(`machine count of job ${j} operation ${k}`, 1, m);
      const alternatives = [];
      for (let a = 0; a < altCount; a++) {
        const machine = reader.next(`machine of job ${j} operation ${k}`, 1, m) - 1;
        const duration = reader.next(`duration of job ${j} operation ${k}`, 0);
        alternatives.push({ machine, duration });
      }
      operations.push({ alternatives });
    }
    jobs.push({ operations });
  }
  reader.expectEnd();
  return { name, machineCount: m, jobs };
}

/** The header's optional third value (average machines per operation, e.g. "3.5") is informative only. */
function withoutAverageFlexibility(text: string): string {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  if (index < 0) return text;
  const words = lines[index].trim().split(/\s+/);
  if (words.length === 3) {
    if (!/^\d+(\.\d+)?$/.test(words[2])) {
      throw new ScheduleError("PARSE_ERROR", `expected average machines per operation, found "${words[2]}"`, {
        line: index + 1,
        column: lines[index].indexOf(words[2]) + 1,
      });
    }
    lines[index] = lines[index].replace(/\s+\S+\s*$/, "");
  }
  return lines.join("\n");
}
