import type { SeededRandom } from "../shared/random.ts";
import { type CompiledInstance, fitCalendar, setupTime } from "./model.ts";
import type { SolutionSnapshot } from "./solution.ts";
import type { ScheduleObjective } from "./types.ts";

/**
 * Giffler–Thompson active-schedule generation generalised to machine choice, setups, calendars,
 * releases and job precedences: take the (op, machine) with the earliest completion c*, then pick
 * among ops that could start on that machine before c* by a priority rule — most work remaining
 * for makespan, least weighted slack for tardiness. With `rng`, the rule is randomised (for restarts).
 */
export function constructGifflerThompson(
  ci: CompiledInstance,
  objective: ScheduleObjective,
  rng?: SeededRandom,
  noise = 0.3,
): SolutionSnapshot {
  const n = ci.jobCount;
  const m = ci.machineCount;
  const minDur = new Float64Array(ci.opCount);
  for (let o = 0; o < ci.opCount; o++) {
    let best = Number.POSITIVE_INFINITY;
    for (let a = ci.altStart[o]; a < ci.altStart[o + 1]; a++) best = Math.min(best, ci.altDuration[a]);
    minDur[o] = best;
  }
  const remaining = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let o = ci.jobStart[j]; o < ci.jobStart[j + 1]; o++) remaining[j] += minDur[o];
  }
  const nextOp = Int32Array.from(ci.jobStart.subarray(0, n));
  const jobReady = new Float64Array(n);
  const waitingOn = new Int32Array(n);
  for (let o = 0; o < ci.opCount; o++) {
    if (ci.jobPrev[o] < 0) waitingOn[ci.jobOf[o]] = ci.extraPredStart[o + 1] - ci.extraPredStart[o];
  }
  const machFree = new Float64Array(m);
  const lastJob = new Int32Array(m).fill(-1);
  const alt = new Int32Array(ci.opCount);
  const sequences: number[][] = Array.from({ length: m }, () => []);
  const candStart = new Float64Array(ci.altStart[ci.opCount]);
  let scheduled = 0;
  while (scheduled < ci.opCount) {
    let bestC = Number.POSITIVE_INFINITY;
    let bestMachine = -1;
    let bestAlt = -1;
    for (let j = 0; j < n; j++) {
      const o = nextOp[j];
      if (o >= ci.jobStart[j + 1] || waitingOn[j] > 0) continue;
      const ready = Math.max(jobReady[j], ci.release[o]);
      for (let a = ci.altStart[o]; a < ci.altStart[o + 1]; a++) {
        const k = ci.altMachine[a];
        const setup = setupTime(ci, k, lastJob[k], j);
        let s = Math.max(ready, machFree[k] + setup);
        if (ci.hasDowntime) s = fitCalendar(ci.downtime[k], s, setup, ci.altDuration[a]);
        candStart[a] = s;
        const c = s + ci.altDuration[a];
        if (c < bestC) {
          bestC = c;
          bestMachine = k;
          bestAlt = a;
        }
      }
    }
    let chosenA = -1;
    let chosenScore = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      const o = nextOp[j];
      if (o >= ci.jobStart[j + 1] || waitingOn[j] > 0) continue;
      for (let a = ci.altStart[o]; a < ci.altStart[o + 1]; a++) {
        if (ci.altMachine[a] !== bestMachine || (candStart[a] >= bestC && a !== bestAlt)) continue;
        let score =
          objective === "makespan"
            ? -remaining[j] + 1e-3 * ci.altDuration[a]
            : (ci.due[j] - candStart[a] - remaining[j]) / Math.max(ci.weight[j], 1e-9) + 1e-3 * candStart[a];
        if (!Number.isFinite(score)) score = 1e12 - remaining[j];
        if (rng) score *= 1 + noise * (rng.next() - 0.5) * Math.sign(score || 1);
        if (score < chosenScore) {
          chosenScore = score;
          chosenA = a;
        }
      }
    }
    const o = chosenOpOf(ci, chosenA);
    const j = ci.jobOf[o];
    const k = ci.altMachine[chosenA];
    const end = candStart[chosenA] + ci.altDuration[chosenA];
    alt[o] = chosenA - ci.altStart[o];
    sequences[k].push(o);
    machFree[k] = end;
    lastJob[k] = j;
    jobReady[j] = end;
    remaining[j] -= minDur[o];
    nextOp[j]++;
    scheduled++;
    if (nextOp[j] === ci.jobStart[j + 1]) {
      const last = ci.jobStart[j + 1] - 1;
      for (let i = ci.extraSuccStart[last]; i < ci.extraSuccStart[last + 1]; i++) {
        const succJob = ci.jobOf[ci.extraSucc[i]];
        waitingOn[succJob]--;
        jobReady[succJob] = Math.max(jobReady[succJob], end);
      }
    }
  }
  return { alt, sequences: sequences.map((s) => Int32Array.from(s)) };
}

function chosenOpOf(ci: CompiledInstance, a: number): number {
  // Binary search the CSR offsets: the op whose alternative range holds `a`.
  let lo = 0;
  let hi = ci.opCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ci.altStart[mid] <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
