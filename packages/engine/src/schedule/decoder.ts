import { type CompiledInstance, fitCalendar, setupTime } from "./model.ts";
import type { SequenceState } from "./solution.ts";
import type { Schedule } from "./types.ts";

/**
 * Semi-active schedule for a fixed machine assignment and machine order: every op starts as early
 * as its job, job precedences, machine predecessor (+ setup), release and calendar allow.
 */
export class Decoder {
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** The predecessor that fixed an op's start (-1 when release or a calendar did). */
  readonly critPred: Int32Array;
  readonly order: Int32Array;
  private readonly indeg: Int32Array;
  makespan = 0;
  weightedTardiness = 0;
  /** Sum of job completion times, a tie-breaker that rewards progress on plateaus. */
  totalCompletion = 0;

  constructor(private readonly ci: CompiledInstance) {
    const n = ci.opCount;
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.critPred = new Int32Array(n);
    this.order = new Int32Array(n);
    this.indeg = new Int32Array(n);
  }

  /** Returns false when the machine orders contradict the job orders (a cycle). */
  decode(st: SequenceState): boolean {
    const { ci, start, end, critPred, order, indeg } = this;
    const n = ci.opCount;
    let tail = 0;
    for (let o = 0; o < n; o++) {
      indeg[o] =
        (ci.jobPrev[o] >= 0 ? 1 : 0) +
        (st.mPrev[o] >= 0 ? 1 : 0) +
        ci.extraPredStart[o + 1] -
        ci.extraPredStart[o];
      if (indeg[o] === 0) order[tail++] = o;
    }
    let head = 0;
    while (head < tail) {
      const o = order[head++];
      let t = ci.release[o];
      let crit = -1;
      const jp = ci.jobPrev[o];
      if (jp >= 0 && end[jp] > t) {
        t = end[jp];
        crit = jp;
      }
      for (let i = ci.extraPredStart[o]; i < ci.extraPredStart[o + 1]; i++) {
        const p = ci.extraPred[i];
        if (end[p] > t || (crit < 0 && end[p] === t && t > 0)) {
          t = end[p];
          crit = p;
        }
      }
      const k = st.machine[o];
      const mp = st.mPrev[o];
      const setup = mp >= 0 ? setupTime(ci, k, ci.jobOf[mp], ci.jobOf[o]) : 0;
      if (mp >= 0 && end[mp] + setup >= t && (end[mp] + setup > t || crit < 0)) {
        t = end[mp] + setup;
        crit = mp;
      }
      if (ci.hasDowntime) {
        const fitted = fitCalendar(ci.downtime[k], t, setup, st.duration[o]);
        if (fitted > t) {
          t = fitted;
          crit = -1;
        }
      }
      start[o] = t;
      end[o] = t + st.duration[o];
      critPred[o] = crit;
      const jn = ci.jobNext[o];
      if (jn >= 0 && --indeg[jn] === 0) order[tail++] = jn;
      const mn = st.mNext[o];
      if (mn >= 0 && --indeg[mn] === 0) order[tail++] = mn;
      for (let i = ci.extraSuccStart[o]; i < ci.extraSuccStart[o + 1]; i++) {
        const s = ci.extraSucc[i];
        if (--indeg[s] === 0) order[tail++] = s;
      }
    }
    if (tail < n) return false;
    let makespan = 0;
    let wt = 0;
    let total = 0;
    for (let j = 0; j < ci.jobCount; j++) {
      const c = end[ci.jobStart[j + 1] - 1];
      if (c > makespan) makespan = c;
      total += c;
      if (c > ci.due[j]) wt += ci.weight[j] * (c - ci.due[j]);
    }
    for (let o = 0; o < n; o++) if (end[o] > makespan) makespan = end[o];
    this.makespan = makespan;
    this.weightedTardiness = wt;
    this.totalCompletion = total;
    return true;
  }

  toSchedule(st: SequenceState): Schedule {
    const { ci } = this;
    const operations = [];
    for (let o = 0; o < ci.opCount; o++) {
      operations.push({
        job: ci.jobOf[o],
        op: ci.indexInJob[o],
        machine: st.machine[o],
        start: this.start[o],
        end: this.end[o],
      });
    }
    return { operations };
  }
}
