import { ScheduleError } from "./errors.ts";
import type { ScheduleInstance } from "./types.ts";

/**
 * Flat typed-array view of an instance used by every solver: operations are numbered job by
 * job in file order (op id = jobStart[job] + index in job), alternatives are stored CSR-style.
 */
export interface CompiledInstance {
  readonly instance: ScheduleInstance;
  readonly jobCount: number;
  readonly machineCount: number;
  readonly opCount: number;
  readonly jobOf: Int32Array;
  readonly indexInJob: Int32Array;
  /** First op id of each job; length jobCount + 1. */
  readonly jobStart: Int32Array;
  readonly jobPrev: Int32Array;
  readonly jobNext: Int32Array;
  readonly altStart: Int32Array;
  readonly altMachine: Int32Array;
  readonly altDuration: Float64Array;
  /** Earliest start per op from the job's release (first ops only, 0 otherwise). */
  readonly release: Float64Array;
  readonly due: Float64Array;
  readonly weight: Float64Array;
  /** Extra predecessors of an op from job precedences (CSR over ops): last ops of earlier jobs. */
  readonly extraPredStart: Int32Array;
  readonly extraPred: Int32Array;
  readonly extraSuccStart: Int32Array;
  readonly extraSucc: Int32Array;
  /** setup[(machine * jobCount + from) * jobCount + to], or null when there are no setups. */
  readonly setup: Float64Array | null;
  /** Per machine, sorted merged unavailable intervals as [s0, e0, s1, e1, …]. */
  readonly downtime: Float64Array[];
  readonly hasDowntime: boolean;
}

function invalid(message: string): never {
  throw new ScheduleError("INVALID_INSTANCE", message);
}

function checkTime(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) invalid(`${what} must be a finite number ≥ 0, got ${value}`);
}

export function compileInstance(instance: ScheduleInstance): CompiledInstance {
  const n = instance.jobs.length;
  const m = instance.machineCount;
  if (!Number.isInteger(m) || m < 1) invalid(`machineCount must be a positive integer, got ${m}`);
  if (n === 0) invalid("instance has no jobs");
  const jobStart = new Int32Array(n + 1);
  let altTotal = 0;
  for (let j = 0; j < n; j++) {
    const ops = instance.jobs[j].operations;
    if (ops.length === 0) invalid(`job ${j} has no operations`);
    jobStart[j + 1] = jobStart[j] + ops.length;
    for (let k = 0; k < ops.length; k++) {
      const alts = ops[k].alternatives;
      if (alts.length === 0) invalid(`job ${j} operation ${k} has no eligible machine`);
      for (const alt of alts) {
        if (!Number.isInteger(alt.machine) || alt.machine < 0 || alt.machine >= m) {
          invalid(`job ${j} operation ${k} uses machine ${alt.machine}, outside 0..${m - 1}`);
        }
        checkTime(alt.duration, `duration of job ${j} operation ${k}`);
      }
      altTotal += alts.length;
    }
  }
  const opCount = jobStart[n];
  const jobOf = new Int32Array(opCount);
  const indexInJob = new Int32Array(opCount);
  const jobPrev = new Int32Array(opCount).fill(-1);
  const jobNext = new Int32Array(opCount).fill(-1);
  const altStart = new Int32Array(opCount + 1);
  const altMachine = new Int32Array(altTotal);
  const altDuration = new Float64Array(altTotal);
  const release = new Float64Array(opCount);
  const due = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const weight = new Float64Array(n).fill(1);
  let a = 0;
  for (let j = 0; j < n; j++) {
    const job = instance.jobs[j];
    if (job.release !== undefined) checkTime(job.release, `release of job ${j}`);
    if (job.due !== undefined) {
      if (!Number.isFinite(job.due)) invalid(`due date of job ${j} must be finite`);
      due[j] = job.due;
    }
    if (job.weight !== undefined) {
      checkTime(job.weight, `weight of job ${j}`);
      weight[j] = job.weight;
    }
    release[jobStart[j]] = job.release ?? 0;
    for (let k = 0; k < job.operations.length; k++) {
      const o = jobStart[j] + k;
      jobOf[o] = j;
      indexInJob[o] = k;
      if (k > 0) jobPrev[o] = o - 1;
      if (k + 1 < job.operations.length) jobNext[o] = o + 1;
      altStart[o] = a;
      for (const alt of job.operations[k].alternatives) {
        altMachine[a] = alt.machine;
        altDuration[a] = alt.duration;
        a++;
      }
    }
  }
  altStart[opCount] = a;
  const precedence = compilePrecedences(instance, jobStart, opCount);
  return {
    instance,
    jobCount: n,
    machineCount: m,
    opCount,
    jobOf,
    indexInJob,
    jobStart,
    jobPrev,
    jobNext,
    altStart,
    altMachine,
    altDuration,
    release,
    due,
    weight,
    ...precedence,
    setup: compileSetups(instance),
    downtime: compileDowntime(instance),
    hasDowntime: (instance.unavailable ?? []).some((list) => list.some((iv) => iv.end > iv.start)),
  };
}

function compilePrecedences(instance: ScheduleInstance, jobStart: Int32Array, opCount: number) {
  const n = instance.jobs.length;
  const list = instance.jobPrecedences ?? [];
  for (const p of list) {
    for (const j of [p.before, p.after]) {
      if (!Number.isInteger(j) || j < 0 || j >= n) invalid(`job precedence refers to unknown job ${j}`);
    }
    if (p.before === p.after) invalid(`job ${p.before} cannot precede itself`);
  }
  assertAcyclic(n, list);
  const predCount = new Int32Array(opCount + 1);
  const succCount = new Int32Array(opCount + 1);
  for (const p of list) {
    predCount[jobStart[p.after]]++;
    succCount[jobStart[p.before + 1] - 1]++;
  }
  const extraPredStart = prefix(predCount);
  const extraSuccStart = prefix(succCount);
  const extraPred = new Int32Array(list.length);
  const extraSucc = new Int32Array(list.length);
  const fillP = extraPredStart.slice();
  const fillS = extraSuccStart.slice();
  for (const p of list) {
    const last = jobStart[p.before + 1] - 1;
    const first = jobStart[p.after];
    extraPred[fillP[first]++] = last;
    extraSucc[fillS[last]++] = first;
  }
  return { extraPredStart, extraPred, extraSuccStart, extraSucc };
}

function prefix(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length);
  for (let i = 1; i < counts.length; i++) start[i] = start[i - 1] + counts[i - 1];
  return start;
}

function assertAcyclic(n: number, list: { before: number; after: number }[]): void {
  const indeg = new Int32Array(n);
  const succ: number[][] = Array.from({ length: n }, () => []);
  for (const p of list) {
    succ[p.before].push(p.after);
    indeg[p.after]++;
  }
  const queue: number[] = [];
  for (let j = 0; j < n; j++) if (indeg[j] === 0) queue.push(j);
  let seen = 0;
  while (seen < queue.length) {
    const j = queue[seen++];
    for (const s of succ[j]) if (--indeg[s] === 0) queue.push(s);
  }
  if (seen < n) throw new ScheduleError("PRECEDENCE_CYCLE", "job precedences contain a cycle");
}

function compileSetups(instance: ScheduleInstance): Float64Array | null {
  const table = instance.setupTimes;
  if (!table) return null;
  const n = instance.jobs.length;
  const m = instance.machineCount;
  if (table.length !== m) invalid(`setupTimes must have one matrix per machine (${m}), got ${table.length}`);
  const setup = new Float64Array(m * n * n);
  let any = false;
  for (let k = 0; k < m; k++) {
    if (table[k].length !== n) invalid(`setupTimes[${k}] must have ${n} rows`);
    for (let a = 0; a < n; a++) {
      if (table[k][a].length !== n) invalid(`setupTimes[${k}][${a}] must have ${n} entries`);
      for (let b = 0; b < n; b++) {
        const s = table[k][a][b];
        checkTime(s, `setupTimes[${k}][${a}][${b}]`);
        setup[(k * n + a) * n + b] = s;
        if (s > 0) any = true;
      }
    }
  }
  return any ? setup : null;
}

function compileDowntime(instance: ScheduleInstance): Float64Array[] {
  const m = instance.machineCount;
  const lists = instance.unavailable ?? [];
  if (lists.length > m) invalid(`unavailable has ${lists.length} machine lists but there are ${m} machines`);
  const out: Float64Array[] = [];
  for (let k = 0; k < m; k++) {
    const ivs = (lists[k] ?? []).filter((iv) => {
      checkTime(iv.start, `unavailable start on machine ${k}`);
      if (!Number.isFinite(iv.end) || iv.end < iv.start)
        invalid(`unavailable interval on machine ${k} ends before it starts`);
      return iv.end > iv.start;
    });
    ivs.sort((x, y) => x.start - y.start);
    const merged: number[] = [];
    for (const iv of ivs) {
      const last = merged.length - 1;
      if (last >= 0 && iv.start <= merged[last]) merged[last] = Math.max(merged[last], iv.end);
      else merged.push(iv.start, iv.end);
    }
    out.push(Float64Array.from(merged));
  }
  return out;
}

/** Setup time on `machine` from an op of job `from` to one of job `to`; 0 without setups or predecessor. */
export function setupTime(ci: CompiledInstance, machine: number, from: number, to: number): number {
  if (ci.setup === null || from < 0) return 0;
  return ci.setup[(machine * ci.jobCount + from) * ci.jobCount + to];
}

/**
 * Earliest start ≥ t such that [start − setup, start + duration) avoids the machine's downtime.
 * Policy: operations and their setups are non-preemptive; a setup cut by downtime restarts after it.
 */
export function fitCalendar(downtime: Float64Array, t: number, setup: number, duration: number): number {
  for (let i = 0; i < downtime.length; i += 2) {
    const s = downtime[i];
    const e = downtime[i + 1];
    if (s >= t + duration) break;
    if (s < t + duration && e > t - setup) t = e + setup;
  }
  return t;
}
