import type { SeededRandom } from "../shared/random.ts";
import { OrderRepair } from "./graph-order.ts";
import type { CompiledInstance } from "./model.ts";
import type { SequenceState } from "./solution.ts";

/**
 * Heads (earliest starts) and tails (longest path after an op) on the disjunctive graph, kept in a
 * topological order so that a move only re-evaluates what it can affect: heads of ops at or after
 * the first op whose incoming arcs changed, tails of ops at or before the last op whose outgoing
 * arcs changed (every other op keeps its value — see docs/scheduling.md).
 */
export class GraphTimes {
  readonly r: Float64Array;
  readonly q: Float64Array;
  /** Head/tail from job and job-precedence arcs only (release included): used by move estimates. */
  readonly jr: Float64Array;
  readonly jq: Float64Array;
  readonly path: Int32Array;
  pathLen = 0;
  cmax = 0;
  private readonly topo: Int32Array;
  private readonly pos: Int32Array;
  private readonly buf: Int32Array;
  private readonly indeg: Int32Array;
  private readonly mark: Int32Array;
  private readonly repair: OrderRepair;
  private stamp = 0;
  private readonly n: number;

  constructor(
    private readonly ci: CompiledInstance,
    private readonly st: SequenceState,
  ) {
    const n = ci.opCount;
    this.n = n;
    this.r = new Float64Array(n);
    this.q = new Float64Array(n);
    this.jr = new Float64Array(n);
    this.jq = new Float64Array(n);
    this.path = new Int32Array(n);
    this.topo = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.buf = new Int32Array(n);
    this.indeg = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.repair = new OrderRepair(ci, st, this.topo, this.pos);
  }

  /** Full recomputation; false when the graph has a cycle. */
  full(): boolean {
    if (!this.reorderFrom(0)) return false;
    this.tailsRange(this.n - 1, 0);
    this.updateCmax();
    return true;
  }

  /**
   * After a move: `in*` ops got new incoming arcs, `out*` ops new outgoing arcs (-1 = none). Positions are those before the move. False on a cycle (state then stale).
   */
  incremental(in1: number, in2: number, in3: number, out1: number, out2: number, out3: number): boolean {
    // Plain arguments, not arrays: this runs every iteration and must not allocate.
    const { pos } = this;
    let pmin = this.n;
    if (in1 >= 0 && pos[in1] < pmin) pmin = pos[in1];
    if (in2 >= 0 && pos[in2] < pmin) pmin = pos[in2];
    if (in3 >= 0 && pos[in3] < pmin) pmin = pos[in3];
    let qmax = -1;
    if (out1 >= 0 && pos[out1] > qmax) qmax = pos[out1];
    if (out2 >= 0 && pos[out2] > qmax) qmax = pos[out2];
    if (out3 >= 0 && pos[out3] > qmax) qmax = pos[out3];
    const stamp = ++this.stamp;
    for (let i = 0; i <= qmax; i++) this.mark[this.topo[i]] = stamp;
    if (pmin < this.n && !this.reorderFrom(pmin)) return false;
    // Tails: marked ops in the re-ordered suffix, then the whole prefix up to qmax.
    const { topo, mark } = this;
    for (let i = this.n - 1; i >= pmin; i--) {
      const o = topo[i];
      if (mark[o] === stamp) this.tail(o);
    }
    this.tailsRange(Math.min(pmin - 1, qmax), 0);
    this.updateCmax();
    return true;
  }

  /**
   * After moving op u (from between oldPrev/oldNext to its current place, maybe on another
   * machine): repair the order for the one or two new arcs that point backwards, then propagate
   * head changes forward and tail changes backward only through ops whose values change.
   * False on a cycle (state then stale; the caller undoes the move and calls full()).
   */
  update(u: number, oldPrev: number, oldNext: number): boolean {
    const { st, pos } = this;
    const newPrev = st.mPrev[u];
    const newNext = st.mNext[u];
    const backPrev = newPrev >= 0 && pos[newPrev] > pos[u];
    const backNext = newNext >= 0 && pos[u] > pos[newNext];
    if (backPrev && backNext) return this.incremental(u, oldNext, newNext, oldPrev, u, newPrev);
    if (backPrev && !this.repair.addArc(newPrev, u)) return false;
    if (backNext && !this.repair.addArc(u, newNext)) return false;
    this.propagateHeads(u, oldNext, newNext);
    this.propagateTails(u, oldPrev, newPrev);
    this.updateCmax();
    return true;
  }

  private propagateHeads(u: number, a: number, b: number): void {
    const { ci, st, topo, pos, mark, r, jr } = this;
    const p = st.duration;
    const stamp = ++this.stamp;
    let from = pos[u];
    mark[u] = stamp;
    if (a >= 0) {
      mark[a] = stamp;
      if (pos[a] < from) from = pos[a];
    }
    if (b >= 0) {
      mark[b] = stamp;
      if (pos[b] < from) from = pos[b];
    }
    const n = this.n;
    for (let i = from; i < n; i++) {
      const o = topo[i];
      if (mark[o] !== stamp) continue;
      let t = ci.release[o];
      const jp = ci.jobPrev[o];
      if (jp >= 0 && r[jp] + p[jp] > t) t = r[jp] + p[jp];
      for (let k = ci.extraPredStart[o]; k < ci.extraPredStart[o + 1]; k++) {
        const e = ci.extraPred[k];
        if (r[e] + p[e] > t) t = r[e] + p[e];
      }
      jr[o] = t;
      const mp = st.mPrev[o];
      if (mp >= 0 && r[mp] + p[mp] > t) t = r[mp] + p[mp];
      if (t === r[o] && o !== u) continue;
      r[o] = t;
      const jn = ci.jobNext[o];
      if (jn >= 0) mark[jn] = stamp;
      const mn = st.mNext[o];
      if (mn >= 0) mark[mn] = stamp;
      for (let k = ci.extraSuccStart[o]; k < ci.extraSuccStart[o + 1]; k++) mark[ci.extraSucc[k]] = stamp;
    }
  }

  private propagateTails(u: number, a: number, b: number): void {
    const { ci, st, topo, pos, mark, q } = this;
    const stamp = ++this.stamp;
    let from = pos[u];
    mark[u] = stamp;
    if (a >= 0) {
      mark[a] = stamp;
      if (pos[a] > from) from = pos[a];
    }
    if (b >= 0) {
      mark[b] = stamp;
      if (pos[b] > from) from = pos[b];
    }
    for (let i = from; i >= 0; i--) {
      const o = topo[i];
      if (mark[o] !== stamp) continue;
      const before = q[o];
      this.tail(o);
      if (q[o] === before && o !== u) continue;
      const jp = ci.jobPrev[o];
      if (jp >= 0) mark[jp] = stamp;
      const mp = st.mPrev[o];
      if (mp >= 0) mark[mp] = stamp;
      for (let k = ci.extraPredStart[o]; k < ci.extraPredStart[o + 1]; k++) mark[ci.extraPred[k]] = stamp;
    }
  }

  /** Kahn's algorithm on ops at positions ≥ from (nothing before `from` depends on them). */
  private reorderFrom(from: number): boolean {
    const { ci, st, topo, pos, buf, indeg, r, jr } = this;
    const p = st.duration;
    const n = this.n;
    let tail = 0;
    const all = from === 0;
    for (let i = from; i < n; i++) {
      const o = all ? i : topo[i];
      let d = 0;
      const jp = ci.jobPrev[o];
      if (jp >= 0 && (all || pos[jp] >= from)) d++;
      const mp = st.mPrev[o];
      if (mp >= 0 && (all || pos[mp] >= from)) d++;
      for (let k = ci.extraPredStart[o]; k < ci.extraPredStart[o + 1]; k++) {
        if (all || pos[ci.extraPred[k]] >= from) d++;
      }
      indeg[o] = d;
      if (d === 0) buf[tail++] = o;
    }
    let head = 0;
    while (head < tail) {
      const o = buf[head++];
      let t = ci.release[o];
      const jp = ci.jobPrev[o];
      if (jp >= 0 && r[jp] + p[jp] > t) t = r[jp] + p[jp];
      for (let k = ci.extraPredStart[o]; k < ci.extraPredStart[o + 1]; k++) {
        const e = ci.extraPred[k];
        if (r[e] + p[e] > t) t = r[e] + p[e];
      }
      jr[o] = t;
      const mp = st.mPrev[o];
      if (mp >= 0 && r[mp] + p[mp] > t) t = r[mp] + p[mp];
      r[o] = t;
      const jn = ci.jobNext[o];
      if (jn >= 0 && --indeg[jn] === 0) buf[tail++] = jn;
      const mn = st.mNext[o];
      if (mn >= 0 && --indeg[mn] === 0) buf[tail++] = mn;
      for (let k = ci.extraSuccStart[o]; k < ci.extraSuccStart[o + 1]; k++) {
        if (--indeg[ci.extraSucc[k]] === 0) buf[tail++] = ci.extraSucc[k];
      }
    }
    if (tail < n - from) return false;
    for (let i = 0; i < tail; i++) {
      const o = buf[i];
      topo[from + i] = o;
      pos[o] = from + i;
    }
    return true;
  }

  private tail(o: number): void {
    const { ci, st, q, jq } = this;
    const p = st.duration;
    let t = 0;
    const jn = ci.jobNext[o];
    if (jn >= 0) t = p[jn] + q[jn];
    for (let k = ci.extraSuccStart[o]; k < ci.extraSuccStart[o + 1]; k++) {
      const s = ci.extraSucc[k];
      if (p[s] + q[s] > t) t = p[s] + q[s];
    }
    jq[o] = t;
    const mn = st.mNext[o];
    if (mn >= 0 && p[mn] + q[mn] > t) t = p[mn] + q[mn];
    q[o] = t;
  }

  private tailsRange(fromPos: number, toPos: number): void {
    for (let i = fromPos; i >= toPos; i--) this.tail(this.topo[i]);
  }

  /** Every longest path starts at a job's first op (only they lack a job predecessor). */
  private updateCmax(): void {
    const { ci, r, q } = this;
    const p = this.st.duration;
    let cmax = 0;
    for (let j = 0; j < ci.jobCount; j++) {
      const o = ci.jobStart[j];
      const len = r[o] + p[o] + q[o];
      if (len > cmax) cmax = len;
    }
    this.cmax = cmax;
  }

  /** A critical path from a first op forward, choosing at random among tight successors. */
  criticalPath(rng: SeededRandom): void {
    const { ci, st, r, q, path, cmax } = this;
    const p = st.duration;
    let cur = -1;
    let seen = 0;
    for (let j = 0; j < ci.jobCount; j++) {
      const o = ci.jobStart[j];
      if (r[o] + p[o] + q[o] === cmax && r[o] === ci.release[o] && rng.below(++seen) === 0) cur = o;
    }
    let len = 0;
    while (cur >= 0) {
      path[len++] = cur;
      const end = r[cur] + p[cur];
      const mn = st.mNext[cur];
      const jn = ci.jobNext[cur];
      const viaMachine = mn >= 0 && r[mn] === end && end + p[mn] + q[mn] === cmax;
      let viaJob = jn >= 0 && r[jn] === end && end + p[jn] + q[jn] === cmax ? jn : -1;
      for (let k = ci.extraSuccStart[cur]; k < ci.extraSuccStart[cur + 1] && viaJob < 0; k++) {
        const s = ci.extraSucc[k];
        if (r[s] === end && end + p[s] + q[s] === cmax) viaJob = s;
      }
      if (viaMachine && (viaJob < 0 || rng.next() < 0.5)) cur = mn;
      else cur = viaJob;
    }
    this.pathLen = len;
  }
}
