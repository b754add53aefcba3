import type { CompiledInstance } from "./model.ts";

/** A solution = a machine choice per operation + an order per machine (the disjunctive graph's arcs). */
export interface SolutionSnapshot {
  /** Index into the op's alternatives. */
  alt: Int32Array;
  /** Per machine, op ids in processing order. */
  sequences: Int32Array[];
}

/**
 * Mutable solution kept as doubly linked machine sequences, so the moves of the local searches
 * (remove an op, insert it elsewhere) are O(1).
 */
export class SequenceState {
  readonly alt: Int32Array;
  readonly machine: Int32Array;
  readonly duration: Float64Array;
  readonly mPrev: Int32Array;
  readonly mNext: Int32Array;
  readonly mFirst: Int32Array;
  readonly mLast: Int32Array;

  constructor(readonly ci: CompiledInstance) {
    const n = ci.opCount;
    this.alt = new Int32Array(n);
    this.machine = new Int32Array(n);
    this.duration = new Float64Array(n);
    this.mPrev = new Int32Array(n).fill(-1);
    this.mNext = new Int32Array(n).fill(-1);
    this.mFirst = new Int32Array(ci.machineCount).fill(-1);
    this.mLast = new Int32Array(ci.machineCount).fill(-1);
  }

  load(snapshot: SolutionSnapshot): void {
    const { ci } = this;
    this.mFirst.fill(-1);
    this.mLast.fill(-1);
    for (let o = 0; o < ci.opCount; o++) this.setAlt(o, snapshot.alt[o]);
    for (let k = 0; k < ci.machineCount; k++) {
      const seq = snapshot.sequences[k];
      let prev = -1;
      for (let i = 0; i < seq.length; i++) {
        const o = seq[i];
        this.mPrev[o] = prev;
        if (prev >= 0) this.mNext[prev] = o;
        else this.mFirst[k] = o;
        prev = o;
      }
      if (prev >= 0) this.mNext[prev] = -1;
      this.mLast[k] = prev;
    }
  }

  snapshot(): SolutionSnapshot {
    const sequences: Int32Array[] = [];
    for (let k = 0; k < this.ci.machineCount; k++) sequences.push(Int32Array.from(this.sequence(k)));
    return { alt: this.alt.slice(), sequences };
  }

  sequence(k: number): number[] {
    const out: number[] = [];
    for (let o = this.mFirst[k]; o >= 0; o = this.mNext[o]) out.push(o);
    return out;
  }

  setAlt(o: number, a: number): void {
    const idx = this.ci.altStart[o] + a;
    this.alt[o] = a;
    this.machine[o] = this.ci.altMachine[idx];
    this.duration[o] = this.ci.altDuration[idx];
  }

  remove(o: number): void {
    const k = this.machine[o];
    const p = this.mPrev[o];
    const s = this.mNext[o];
    if (p >= 0) this.mNext[p] = s;
    else this.mFirst[k] = s;
    if (s >= 0) this.mPrev[s] = p;
    else this.mLast[k] = p;
    this.mPrev[o] = -1;
    this.mNext[o] = -1;
  }

  /** Inserts `o` (already removed, machine already set) right after `a`, or first when a = -1. */
  insertAfter(o: number, a: number): void {
    const k = this.machine[o];
    const s = a >= 0 ? this.mNext[a] : this.mFirst[k];
    this.mPrev[o] = a;
    this.mNext[o] = s;
    if (a >= 0) this.mNext[a] = o;
    else this.mFirst[k] = o;
    if (s >= 0) this.mPrev[s] = o;
    else this.mLast[k] = o;
  }

  /** Inserts `o` right before `b`, or last when b = -1. */
  insertBefore(o: number, b: number): void {
    this.insertAfter(o, b >= 0 ? this.mPrev[b] : this.mLast[this.machine[o]]);
  }
}
