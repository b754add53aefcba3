import { MonitorError } from "../errors.ts";
import type { AnomalyModel, JsonValue } from "./detector.types.ts";

export interface ContextModelOptions {
  /** Quantisation levels of the value (contextOSE uses 3 bits = 8). */
  readonly levels?: number;
  /** Longest context (in points) whose novelty counts. */
  readonly maxOrder?: number;
  /** Points from which the value range is fixed (the range still widens on new extremes). */
  readonly rangePoints?: number;
}

/**
 * Context-novelty model, after the idea of Smirnov's contextual anomaly detector (contextOSE, NAB
 * 69.9): values are quantised to a few levels over the learned range, and a point is anomalous in
 * proportion to how many of its preceding contexts (the last 1..maxOrder levels, ending with it)
 * have never been seen. A new level, or a familiar level in an unfamiliar sequence, scores high;
 * repeating patterns of any shape quickly score 0. Own design; no code of the original is used.
 */
export class ContextModel implements AnomalyModel {
  readonly name = "context";
  private readonly levels: number;
  private readonly maxOrder: number;
  private readonly rangePoints: number;
  private readonly seen = new Set<number>();
  private history: number[] = [];
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private count = 0;

  constructor(opts: ContextModelOptions = {}) {
    this.levels = opts.levels ?? 8;
    this.maxOrder = opts.maxOrder ?? 6;
    this.rangePoints = opts.rangePoints ?? 150;
    if (
      !(this.levels >= 2 && this.levels <= 64) ||
      !(this.maxOrder >= 1 && this.maxOrder * Math.log2(this.levels + 1) <= 44)
    ) {
      throw new MonitorError(
        "BAD_PARAMETER",
        "levels must be 2..64 and maxOrder small enough to pack a context",
      );
    }
  }

  learn(value: number): number {
    this.count++;
    const widened = value < this.lo || value > this.hi;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    const span = this.hi - this.lo;
    const level =
      span > 0 ? Math.min(this.levels - 1, Math.floor(((value - this.lo) / span) * this.levels)) : 0;
    this.history.push(level);
    if (this.history.length > this.maxOrder) this.history.shift();
    let novel = 0;
    let key = 0;
    const base = this.levels + 1;
    for (let n = 1; n <= this.history.length; n++) {
      key = key * base + this.history[this.history.length - n] + 1;
      const k = key * 8 + n;
      if (!this.seen.has(k)) {
        novel++;
        this.seen.add(k);
      }
    }
    if (this.count <= this.rangePoints) return 0;
    const score = novel / this.maxOrder;
    return widened ? Math.max(score, 1) : score;
  }

  snapshot(): JsonValue {
    return {
      levels: this.levels,
      maxOrder: this.maxOrder,
      rangePoints: this.rangePoints,
      lo: this.lo,
      hi: this.hi,
      count: this.count,
      history: [...this.history],
      seen: [...this.seen],
    };
  }

  static restore(s: JsonValue): ContextModel {
    if (s === null || typeof s !== "object" || Array.isArray(s)) {
      throw new MonitorError("BAD_SNAPSHOT", "context snapshot must be an object");
    }
    const num = (k: string): number => {
      const v = s[k];
      if (typeof v !== "number")
        throw new MonitorError("BAD_SNAPSHOT", `context snapshot: ${k} must be a number`);
      return v;
    };
    const nums = (k: string): number[] => {
      const v = s[k];
      if (!Array.isArray(v) || v.some((x) => typeof x !== "number")) {
        throw new MonitorError("BAD_SNAPSHOT", `context snapshot: ${k} must be a number array`);
      }
      return v as number[];
    };
    const m = new ContextModel({
      levels: num("levels"),
      maxOrder: num("maxOrder"),
      rangePoints: num("rangePoints"),
    });
    // JSON turns ±Infinity into null: an empty range.
    m.lo = typeof s.lo === "number" ? s.lo : Number.POSITIVE_INFINITY;
    m.hi = typeof s.hi === "number" ? s.hi : Number.NEGATIVE_INFINITY;
    m.count = num("count");
    m.history = [...nums("history")];
    for (const k of nums("seen")) m.seen.add(k);
    return m;
  }
}
