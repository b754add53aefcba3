import type { CompiledInstance } from "./model.ts";
import type { SequenceState } from "./solution.ts";

/**
 * Repairs a topological order after one arc x→y was added with pos[y] < pos[x] (Pearce & Kelly
 * 2006): only the descendants of y placed before x and the ancestors of x placed after y move,
 * keeping their relative order, into the positions they already occupied.
 * Returns false (order untouched) when the arc closes a cycle.
 */
export class OrderRepair {
  private readonly fwd: Int32Array;
  private readonly bwd: Int32Array;
  private readonly stack: Int32Array;
  private readonly slots: Int32Array;
  private readonly seen: Int32Array;
  private readonly keys: Float64Array;
  private stamp = 0;

  constructor(
    private readonly ci: CompiledInstance,
    private readonly st: SequenceState,
    private readonly topo: Int32Array,
    private readonly pos: Int32Array,
  ) {
    const n = ci.opCount;
    this.fwd = new Int32Array(n);
    this.bwd = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.slots = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.keys = new Float64Array(n);
  }

  addArc(x: number, y: number): boolean {
    const { ci, st, pos, stack, seen, fwd, bwd } = this;
    const lb = pos[y];
    const ub = pos[x];
    const stamp = ++this.stamp;
    // Forward from y, staying before x.
    let nf = 0;
    let sp = 0;
    stack[sp++] = y;
    seen[y] = stamp;
    while (sp > 0) {
      const w = stack[--sp];
      fwd[nf++] = w;
      const jn = ci.jobNext[w];
      if (jn >= 0 && seen[jn] !== stamp) {
        if (jn === x) return false;
        if (pos[jn] < ub) {
          seen[jn] = stamp;
          stack[sp++] = jn;
        }
      }
      const mn = st.mNext[w];
      if (mn >= 0 && seen[mn] !== stamp) {
        if (mn === x) return false;
        if (pos[mn] < ub) {
          seen[mn] = stamp;
          stack[sp++] = mn;
        }
      }
      for (let k = ci.extraSuccStart[w]; k < ci.extraSuccStart[w + 1]; k++) {
        const s = ci.extraSucc[k];
        if (seen[s] === stamp) continue;
        if (s === x) return false;
        if (pos[s] < ub) {
          seen[s] = stamp;
          stack[sp++] = s;
        }
      }
    }
    // Backward from x, staying after y.
    let nb = 0;
    stack[sp++] = x;
    seen[x] = stamp;
    while (sp > 0) {
      const w = stack[--sp];
      bwd[nb++] = w;
      const jp = ci.jobPrev[w];
      if (jp >= 0 && seen[jp] !== stamp && pos[jp] > lb) {
        seen[jp] = stamp;
        stack[sp++] = jp;
      }
      const mp = st.mPrev[w];
      if (mp >= 0 && seen[mp] !== stamp && pos[mp] > lb) {
        seen[mp] = stamp;
        stack[sp++] = mp;
      }
      for (let k = ci.extraPredStart[w]; k < ci.extraPredStart[w + 1]; k++) {
        const e = ci.extraPred[k];
        if (seen[e] !== stamp && pos[e] > lb) {
          seen[e] = stamp;
          stack[sp++] = e;
        }
      }
    }
    this.sortByPos(fwd, nf);
    this.sortByPos(bwd, nb);
    const { slots, topo } = this;
    for (let i = 0; i < nb; i++) slots[i] = pos[bwd[i]];
    for (let i = 0; i < nf; i++) slots[nb + i] = pos[fwd[i]];
    slots.subarray(0, nb + nf).sort();
    for (let i = 0; i < nb; i++) {
      topo[slots[i]] = bwd[i];
      pos[bwd[i]] = slots[i];
    }
    for (let i = 0; i < nf; i++) {
      topo[slots[nb + i]] = fwd[i];
      pos[fwd[i]] = slots[nb + i];
    }
    return true;
  }

  /** Sort ops by position: insertion sort for the usual small sets, packed keys otherwise. */
  private sortByPos(a: Int32Array, len: number): void {
    const { pos } = this;
    if (len > 48) {
      const n = this.ci.opCount;
      const keys = this.keys.subarray(0, len);
      for (let i = 0; i < len; i++) keys[i] = pos[a[i]] * n + a[i];
      keys.sort();
      for (let i = 0; i < len; i++) a[i] = keys[i] % n;
      return;
    }
    for (let i = 1; i < len; i++) {
      const v = a[i];
      const pv = pos[v];
      let j = i - 1;
      while (j >= 0 && pos[a[j]] > pv) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }
}
