import { GraphTimes } from "./graph-times.ts";
import type { CompiledInstance } from "./model.ts";
import type { SearchControl } from "./search-control.ts";
import { TabuTable } from "./search-control.ts";
import { SequenceState, type SolutionSnapshot } from "./solution.ts";
import type { StopReason } from "./types.ts";

export interface SearchOutcome {
  best: SolutionSnapshot;
  bestValue: number;
  iterations: number;
  stopReason: StopReason;
}

enum Kind {
  Forward = 0,
  Backward = 1,
  Reassign = 2,
}

/**
 * Tabu search for makespan on the disjunctive graph (job shop and flexible job shop, with
 * releases and job precedences; no setups or calendars). Neighbourhood: N7 of Zhang et al. (2007)
 * on critical blocks — move an op to the start/end of its block, or the block's first/last op
 * inside it — with the feasibility tests of Balas & Vazacopoulos (1998) and Taillard-style
 * head/tail estimates; plus, for flexible ops on the critical path, reassignment to another
 * machine at a cycle-free position (Mastrolilli & Gambardella 2000). Restarts from the best
 * solution with a short random walk after a stall (in the spirit of TSAB's back jump).
 */
/** Search parameters; defaults were chosen on ta/mk runs (docs/scheduling.md). */
export interface GraphTabuTuning {
  /** Iterations without improvement before a restart from the best solution. */
  maxStall: number;
  /** Tabu tenure = tenureBase + uniform[0, tenureBase · tenureSpread]. */
  tenureBase: number;
  tenureSpread: number;
  /** Random critical swaps applied after a restart: walkMin + uniform[0, walkSpread). */
  walkMin: number;
  walkSpread: number;
}

export function defaultTuning(ci: CompiledInstance): GraphTabuTuning {
  return {
    maxStall: Math.max(5000, 40 * ci.opCount),
    tenureBase: 10 + Math.floor(ci.jobCount / ci.machineCount),
    tenureSpread: 0.5,
    walkMin: 2,
    walkSpread: 4,
  };
}

export function tabuGraphSearch(
  ci: CompiledInstance,
  initial: SolutionSnapshot,
  ctl: SearchControl,
  tuning: GraphTabuTuning = defaultTuning(ci),
): SearchOutcome {
  return new GraphTabu(ci, initial, ctl, tuning).run();
}

class GraphTabu {
  private readonly st: SequenceState;
  private readonly times: GraphTimes;
  private readonly r: Float64Array;
  private readonly q: Float64Array;
  private readonly jr: Float64Array;
  private readonly jq: Float64Array;
  private readonly path: Int32Array;
  private readonly seg: Int32Array;
  private readonly segR: Float64Array;
  private readonly arcs: TabuTable;
  private readonly assign: TabuTable;
  private iter = 0;
  private readonly tenureBase: number;
  // Best move of the current scan.
  private mvKind = Kind.Forward;
  private mvU = -1;
  private mvV = -1;
  private mvAlt = -1;
  private mvEst = Number.POSITIVE_INFINITY;
  private mvTies = 0;
  private bestValue = Number.POSITIVE_INFINITY;
  // Reserve: a random tabu move, used only when no move is admissible.
  private rsKind = Kind.Forward;
  private rsU = -1;
  private rsV = -1;
  private rsAlt = -1;
  private candidates = 0;

  constructor(
    private readonly ci: CompiledInstance,
    initial: SolutionSnapshot,
    private readonly ctl: SearchControl,
    private readonly tuning: GraphTabuTuning,
  ) {
    const n = ci.opCount;

    this.st = new SequenceState(ci);
    this.st.load(initial);
    this.times = new GraphTimes(ci, this.st);
    this.r = this.times.r;
    this.q = this.times.q;
    this.jr = this.times.jr;
    this.jq = this.times.jq;
    this.path = this.times.path;
    this.seg = new Int32Array(n + 1);
    this.segR = new Float64Array(n + 1);
    this.arcs = new TabuTable(n);
    this.assign = new TabuTable(Math.max(n, ci.machineCount));
    this.tenureBase = tuning.tenureBase;
  }

  run(): SearchOutcome {
    const { ctl } = this;
    if (!this.evaluate()) throw new Error("initial solution has a cycle");
    let best = this.st.snapshot();
    this.bestValue = this.cmax;
    const maxStall = this.tuning.maxStall;
    let stall = 0;
    let stop: StopReason | null = null;
    for (;;) {
      stop = ctl.shouldStop(this.iter, this.bestValue);
      if (stop) break;
      this.iter++;
      this.criticalPath();
      if (!this.scanMoves()) {
        // No block and no alternative machine on the critical path: it is one job chain, optimal.
        stop = "lower-bound";
        break;
      }
      this.applyChosen();
      if (this.cmax < this.bestValue) {
        this.bestValue = this.cmax;
        best = this.st.snapshot();
        stall = 0;
        ctl.improved(this.bestValue, this.iter);
      } else if (++stall > maxStall) {
        stall = 0;
        this.st.load(best);
        this.evaluate();
        this.randomWalk(this.tuning.walkMin + ctl.rng.below(this.tuning.walkSpread));
      }
    }
    return { best, bestValue: this.bestValue, iterations: this.iter, stopReason: stop };
  }

  private get cmax(): number {
    return this.times.cmax;
  }

  private get pathLen(): number {
    return this.times.pathLen;
  }

  private evaluate(): boolean {
    return this.times.full();
  }

  private criticalPath(): void {
    this.times.criticalPath(this.ctl.rng);
  }

  /** Scans N7 + reassignment moves on the current critical path; false when there are none. */
  private scanMoves(): boolean {
    const { st, path } = this;
    this.mvEst = Number.POSITIVE_INFINITY;
    this.mvU = -1;
    this.mvTies = 0;
    this.rsU = -1;
    this.candidates = 0;
    let i = 0;
    while (i < this.pathLen) {
      let j = i;
      while (j + 1 < this.pathLen && st.mNext[path[j]] === path[j + 1]) j++;
      if (j > i) this.blockMoves(i, j);
      i = j + 1;
    }
    for (let k = 0; k < this.pathLen; k++) {
      const u = path[k];
      if (this.ci.altStart[u + 1] - this.ci.altStart[u] > 1) this.reassignMoves(u);
    }
    return this.candidates > 0;
  }

  private blockMoves(i: number, j: number): void {
    const { path } = this;
    const first = path[i];
    const last = path[j];
    for (let k = i + 1; k <= j; k++) this.tryShift(path[k], first, Kind.Backward);
    for (let k = i; k < j; k++) this.tryShift(path[k], last, Kind.Forward);
    for (let k = i + 1; k < j; k++) {
      this.tryShift(first, path[k], Kind.Forward);
      this.tryShift(last, path[k], Kind.Backward);
    }
  }

  /** Forward: u moves right after v (u before v now). Backward: u moves right before v. */
  private tryShift(u: number, v: number, kind: Kind): void {
    const { st, ci, r, q, jr, jq, seg, segR } = this;
    const p = st.duration;
    // Balas–Vazacopoulos sufficient conditions for an acyclic result.
    if (kind === Kind.Forward) {
      if (p[v] + q[v] < jq[u]) return;
    } else if (r[u] + p[u] < jr[v]) return;
    let len = 0;
    let before: number;
    let after: number;
    const jobNextU = ci.jobNext[u];
    const jobPrevU = ci.jobPrev[u];
    let tabu = false;
    if (kind === Kind.Forward) {
      before = st.mPrev[u];
      after = st.mNext[v];
      for (let x = st.mNext[u]; ; x = st.mNext[x]) {
        if (x === jobNextU) return;
        seg[len++] = x;
        if (this.arcs.isTabu(x, u, this.iter)) tabu = true;
        if (x === v) break;
      }
      seg[len++] = u;
    } else {
      before = st.mPrev[v];
      after = st.mNext[u];
      seg[len++] = u;
      for (let x = v; x !== u; x = st.mNext[x]) {
        if (x === jobPrevU) return;
        seg[len++] = x;
        if (this.arcs.isTabu(u, x, this.iter)) tabu = true;
      }
    }
    let t = before >= 0 ? r[before] + p[before] : 0;
    for (let k = 0; k < len; k++) {
      const o = seg[k];
      const s = Math.max(jr[o], t);
      segR[k] = s;
      t = s + p[o];
    }
    let tailLen = after >= 0 ? p[after] + q[after] : 0;
    let est = 0;
    for (let k = len - 1; k >= 0; k--) {
      const o = seg[k];
      const qq = Math.max(jq[o], tailLen);
      const through = segR[k] + p[o] + qq;
      if (through > est) est = through;
      tailLen = qq + p[o];
    }
    this.offer(kind, u, v, -1, est, tabu);
  }

  private reassignMoves(u: number): void {
    const { st, ci, r, q, jr, jq } = this;
    const p = st.duration;
    // Path through u's old neighbours once u leaves its machine.
    const mp = st.mPrev[u];
    const mn = st.mNext[u];
    let bridge = 0;
    if (mp >= 0 || mn >= 0) {
      const head = mp >= 0 ? r[mp] + p[mp] : 0;
      bridge = mn >= 0 ? Math.max(head, jr[mn]) + p[mn] + q[mn] : head + jq[mp];
    }
    const succLimit = r[u] + p[u];
    const predLimit = q[u] + p[u];
    const zero = p[u] === 0;
    for (let a = ci.altStart[u]; a < ci.altStart[u + 1]; a++) {
      const k = ci.altMachine[a];
      if (k === st.machine[u]) continue;
      const tabu = this.assign.isTabu(u, k, this.iter);
      const d = ci.altDuration[a];
      // Valid slots lie after every possible predecessor and before every possible successor.
      let prev = -1;
      let x = st.mFirst[k];
      while (x >= 0 && (zero ? q[x] >= q[u] : q[x] >= predLimit)) {
        prev = x;
        x = st.mNext[x];
      }
      for (;;) {
        if (prev >= 0 && (zero ? r[prev] >= r[u] : r[prev] >= succLimit)) break;
        const head = Math.max(jr[u], prev >= 0 ? r[prev] + p[prev] : 0);
        const tail = Math.max(jq[u], x >= 0 ? p[x] + q[x] : 0);
        this.offer(Kind.Reassign, u, prev, a - ci.altStart[u], Math.max(head + d + tail, bridge), tabu);
        if (x < 0) break;
        prev = x;
        x = st.mNext[x];
      }
    }
  }

  private offer(kind: Kind, u: number, v: number, alt: number, est: number, tabu: boolean): void {
    this.candidates++;
    if (tabu && est >= this.bestValue) {
      // Tabu and not aspirated: remember one at random in case every move is tabu.
      if (this.rsU < 0 || this.ctl.rng.below(this.candidates) === 0) {
        this.rsKind = kind;
        this.rsU = u;
        this.rsV = v;
        this.rsAlt = alt;
      }
      return;
    }
    if (est < this.mvEst) {
      this.mvTies = 1;
      this.setMove(kind, u, v, alt, est);
    } else if (est === this.mvEst && this.ctl.rng.below(++this.mvTies) === 0) {
      this.setMove(kind, u, v, alt, est);
    }
  }

  private setMove(kind: Kind, u: number, v: number, alt: number, est: number): void {
    this.mvKind = kind;
    this.mvU = u;
    this.mvV = v;
    this.mvAlt = alt;
    this.mvEst = est;
  }

  private tenure(): number {
    return (
      this.iter +
      this.tenureBase +
      this.ctl.rng.below(Math.ceil(this.tenureBase * this.tuning.tenureSpread) + 1)
    );
  }

  private applyChosen(): void {
    if (this.mvU >= 0) this.applyMove(this.mvKind, this.mvU, this.mvV, this.mvAlt, true);
    else this.applyMove(this.rsKind, this.rsU, this.rsV, this.rsAlt, true);
  }

  private applyMove(kind: Kind, u: number, v: number, alt: number, recordTabu: boolean): void {
    const { st } = this;
    const oldPrev = st.mPrev[u];
    const oldNext = st.mNext[u];
    const oldAlt = st.alt[u];
    const oldMachine = st.machine[u];
    const until = this.tenure();
    if (kind === Kind.Forward) {
      if (recordTabu)
        for (let x = st.mNext[u]; x !== st.mNext[v]; x = st.mNext[x]) this.arcs.forbid(u, x, until);
      st.remove(u);
      st.insertAfter(u, v);
    } else if (kind === Kind.Backward) {
      if (recordTabu) for (let x = v; x !== u; x = st.mNext[x]) this.arcs.forbid(x, u, until);
      st.remove(u);
      st.insertBefore(u, v);
    } else {
      if (recordTabu) this.assign.forbid(u, oldMachine, until);
      st.remove(u);
      st.setAlt(u, alt);
      st.insertAfter(u, v);
    }
    if (!this.times.update(u, oldPrev, oldNext)) {
      // The sufficient conditions missed a cycle (zero durations, job-precedence arcs): undo.
      st.remove(u);
      st.setAlt(u, oldAlt);
      st.insertAfter(u, oldPrev);
      this.evaluate();
    }
  }

  /** Diversification: a few random critical-block swaps (ignoring tabu status). */
  private randomWalk(steps: number): void {
    const { st, path, ctl } = this;
    for (let s = 0; s < steps; s++) {
      this.criticalPath();
      const options: number[] = [];
      for (let i = 0; i + 1 < this.pathLen; i++) {
        const u = path[i];
        if (st.mNext[u] === path[i + 1] && this.ci.jobNext[u] !== path[i + 1]) options.push(i);
      }
      if (options.length === 0) return;
      const i = options[ctl.rng.below(options.length)];
      this.applyMove(Kind.Forward, path[i], path[i + 1], -1, false);
    }
  }
}
