import { MonitorError } from "../errors.ts";
import type { AnomalyModel, JsonValue } from "./detector.types.ts";
import { normalCdfFast } from "./normal-cdf.ts";
import { RollingMean } from "./rolling-mean.ts";
import { SlowLikelihood } from "./slow-likelihood.ts";

export interface ContextModelOptions {
  /** Fine levels over the learned range; a value in a never-visited level is novel. */
  readonly rangeLevels?: number;
  /** Coarse levels for the sequence model (contextOSE uses 8). */
  readonly contextLevels?: number;
  /** Longest context (previous levels) the sequence model conditions on. */
  readonly maxOrder?: number;
  /** Observations a context needs before its prediction is trusted (else back off to a shorter one). */
  readonly minContextCount?: number;
  /** Long window of surprise values that defines "normal" surprise. */
  readonly longWindow?: number;
  /** Short window whose mean surprise is compared with the long window. */
  readonly shortWindow?: number;
  /** A new extreme beyond the old range by less than this fraction of it scores below alarm level. */
  readonly minExcess?: number;
  /** Time-of-day buckets (timestamps in epoch ms, UTC) that also predict the level; 0 turns this off. */
  readonly timeOfDayBuckets?: number;
  /** Slow likelihoods: mean surprise over this many points against the distribution of such means; 0 off. */
  readonly slowWindow?: number;
  /** Standard deviations the slow time-of-day channel must exceed its usual level by. */
  readonly slowTimeShift?: number;
  /** Standard deviations the slow sequence channel must exceed its usual level by. */
  readonly slowSequenceShift?: number;
}

const DEFAULTS: Required<ContextModelOptions> = {
  rangeLevels: 16,
  contextLevels: 8,
  maxOrder: 3,
  minContextCount: 5,
  longWindow: 1000,
  shortWindow: 20,
  minExcess: 0.01,
  timeOfDayBuckets: 24,
  slowWindow: 80,
  slowTimeShift: 1,
  slowSequenceShift: 1.5,
};

const DAY_MS = 86_400_000;
/** Count-map keys of time-of-day contexts sit far above any packed sequence key. */
const TIME_KEY_BASE = 2 ** 40;

/** Level slot that stores a context's total count in the count map. */
const TOTAL = 63;

/**
 * Context detector — our streaming answer to what the NAB scoreboard rewards (contextOSE 69.9,
 * HTM 70.1). Two signals, each explainable to an operator:
 * 1. Range novelty (score 0.9–1): the value leaves every range seen so far by at least `minExcess`
 *    of it (graded by how far), or lands in one of `rangeLevels` value bands never visited before.
 * 2. Sequence surprise (score < 0.9): a variable-order Markov model over coarse value levels
 *    predicts each level from the previous 1..maxOrder levels (backing off to shorter contexts
 *    with few observations); the surprise 1 − P(level | context) is turned into an anomaly
 *    likelihood as in Numenta's HTM detector (Ahmad et al. 2017): the short-window mean surprise
 *    against the long-window mean and spread, through the normal CDF, scaled to 0..0.89.
 *    The surprise is averaged with that of the level given the hour of day (as HTM's NAB encoder
 *    also sees the time of day), so a value normal at noon but not at 3 a.m. stands out.
 *    Two slow channels catch changes too gradual for the 20-point window: the time-of-day
 *    surprise (a missing daily peak, a holiday) and the sequence surprise (spikes growing denser,
 *    a changed rhythm) each averaged over `slowWindow` points, compared with the long-run
 *    distribution of that same average, and required to be a set number of standard deviations
 *    more unusual than usual (`SlowLikelihood`); the largest likelihood counts.
 * Everything is learned online; no global min/max (contextOSE reads the whole file first).
 */
export class ContextModel implements AnomalyModel {
  readonly name = "context";
  readonly suggestedThreshold = 0.88;
  private readonly o: Required<ContextModelOptions>;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private reps: number[] = [];
  private history: number[] = [];
  private readonly counts = new Map<number, number>();
  private readonly longMean: RollingMean;
  private readonly shortMean: RollingMean;
  private readonly slowTime: SlowLikelihood | undefined;
  private readonly slowSequence: SlowLikelihood | undefined;
  private seen = 0;

  constructor(opts: ContextModelOptions = {}) {
    this.o = { ...DEFAULTS, ...opts };
    const o = this.o;
    if (
      !(o.rangeLevels >= 2 && o.rangeLevels <= 4096) ||
      !(o.contextLevels >= 2 && o.contextLevels < TOTAL)
    ) {
      throw new MonitorError("BAD_PARAMETER", "rangeLevels must be 2..4096 and contextLevels 2..62");
    }
    if (!(o.maxOrder >= 1 && (o.contextLevels + 1) ** o.maxOrder * 8 * 64 < Number.MAX_SAFE_INTEGER)) {
      throw new MonitorError("BAD_PARAMETER", "maxOrder too large to pack a context");
    }
    if (!(o.shortWindow >= 1 && o.longWindow > o.shortWindow)) {
      throw new MonitorError("BAD_PARAMETER", "need 1 ≤ shortWindow < longWindow");
    }
    this.longMean = new RollingMean(o.longWindow);
    this.shortMean = new RollingMean(o.shortWindow);
    if (o.slowWindow > 0) {
      this.slowTime = new SlowLikelihood(o.slowWindow, o.longWindow, o.slowTimeShift);
      this.slowSequence = new SlowLikelihood(o.slowWindow, o.longWindow, o.slowSequenceShift);
    }
  }

  learn(value: number, timestamp: number): number {
    const o = this.o;
    const first = this.seen === 0;
    this.seen++;
    const oldSpan = this.hi - this.lo;
    const excess = !first && oldSpan > 0 ? Math.max(this.lo - value, value - this.hi, 0) / oldSpan : 0;
    const widened = !first && (value < this.lo || value > this.hi);
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    const span = this.hi - this.lo;
    const newBand = this.markSeen(value, span / o.rangeLevels);
    const likelihood = this.sequenceLikelihood(this.level(value, span, o.contextLevels), timestamp);
    if (widened) {
      // Noise creeping past the old max by a hair is not news; a clear break is.
      if (excess < o.minExcess) return 0.6 + (0.2 * excess) / o.minExcess;
      return 0.9 + 0.1 * Math.min(1, excess / 0.05);
    }
    if (newBand) return 1;
    return 0.89 * likelihood;
  }

  /**
   * Whether no earlier value lies within `width` of this one (a never-visited band). Bands are
   * measured in raw units around remembered values, so widening the range does not make old,
   * familiar values look new again. A value is remembered when it is over half a band from all
   * others, which keeps the list short (a few per band).
   */
  private markSeen(value: number, width: number): boolean {
    const reps = this.reps;
    let a = 0;
    let b = reps.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (reps[m] < value) a = m + 1;
      else b = m;
    }
    const d = Math.min(a < reps.length ? reps[a] - value : Infinity, a > 0 ? value - reps[a - 1] : Infinity);
    if (d > width / 2) reps.splice(a, 0, value);
    return reps.length > 1 && d > width;
  }

  private level(value: number, span: number, levels: number): number {
    return span > 0 ? Math.min(levels - 1, Math.floor(((value - this.lo) / span) * levels)) : 0;
  }

  /** Context keys for the current history: order 0 (no context) up to the history length. */
  private contextKeys(): number[] {
    const keys = [1];
    let key = 1;
    for (let n = 1; n <= this.history.length; n++) {
      key = key * (this.o.contextLevels + 1) + this.history[this.history.length - n] + 1;
      keys.push(key * 8 + n);
    }
    return keys;
  }

  /** 1 − P(level | context), with add-½ smoothing. */
  private surprise(key: number, level: number): number {
    const total = this.counts.get(key * 64 + TOTAL) ?? 0;
    const c = this.counts.get(key * 64 + level) ?? 0;
    return 1 - (c + 0.5) / (total + 0.5 * this.o.contextLevels);
  }

  private sequenceLikelihood(level: number, timestamp: number): number {
    const o = this.o;
    const keys = this.contextKeys();
    let surprise = 1;
    for (let k = keys.length - 1; k >= 0; k--) {
      if (k === 0 || (this.counts.get(keys[k] * 64 + TOTAL) ?? 0) >= o.minContextCount) {
        surprise = this.surprise(keys[k], level);
        break;
      }
    }
    const seqSurprise = surprise;
    let todSurprise = surprise;
    if (o.timeOfDayBuckets > 0) {
      // Daily rhythm (shifts, traffic, load): the level expected at this hour, averaged in.
      const dayPart = (((timestamp % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS;
      const key = TIME_KEY_BASE + Math.min(o.timeOfDayBuckets - 1, Math.floor(dayPart * o.timeOfDayBuckets));
      todSurprise = this.surprise(key, level);
      surprise = (surprise + todSurprise) / 2;
      keys.push(key);
    }
    for (const key of keys) {
      this.counts.set(key * 64 + level, (this.counts.get(key * 64 + level) ?? 0) + 1);
      this.counts.set(key * 64 + TOTAL, (this.counts.get(key * 64 + TOTAL) ?? 0) + 1);
    }
    this.history.push(level);
    if (this.history.length > o.maxOrder) this.history.shift();
    this.longMean.push(surprise);
    this.shortMean.push(surprise);
    const slow = Math.max(this.slowTime?.push(todSurprise) ?? 0, this.slowSequence?.push(seqSurprise) ?? 0);
    if (!this.longMean.full) return 0;
    const sd = Math.max(this.longMean.stdDev(), 0.01);
    return Math.max(slow, normalCdfFast((this.shortMean.mean() - this.longMean.mean()) / sd));
  }

  snapshot(): JsonValue {
    return {
      options: { ...this.o },
      lo: this.lo,
      hi: this.hi,
      seen: this.seen,
      reps: [...this.reps],
      history: [...this.history],
      counts: [...this.counts].flat(),
      longMean: this.longMean.snapshot(),
      shortMean: this.shortMean.snapshot(),
      slowTime: this.slowTime?.snapshot() ?? null,
      slowSequence: this.slowSequence?.snapshot() ?? null,
    };
  }

  static restore(s: JsonValue): ContextModel {
    if (s === null || typeof s !== "object" || Array.isArray(s)) {
      throw new MonitorError("BAD_SNAPSHOT", "context snapshot must be an object");
    }
    const nums = (k: string): number[] => {
      const v = s[k];
      if (!Array.isArray(v) || v.some((x) => typeof x !== "number")) {
        throw new MonitorError("BAD_SNAPSHOT", `context snapshot: ${k} must be a number array`);
      }
      return v as number[];
    };
    const opts = s.options;
    if (opts === null || typeof opts !== "object" || Array.isArray(opts) || typeof s.seen !== "number") {
      throw new MonitorError("BAD_SNAPSHOT", "context snapshot needs options and seen");
    }
    const m = new ContextModel(opts as ContextModelOptions);
    // JSON turns ±Infinity into null: an empty range.
    m.lo = typeof s.lo === "number" ? s.lo : Number.POSITIVE_INFINITY;
    m.hi = typeof s.hi === "number" ? s.hi : Number.NEGATIVE_INFINITY;
    m.seen = s.seen;
    m.reps = nums("reps");
    m.history = nums("history");
    const c = nums("counts");
    for (let i = 0; i + 1 < c.length; i += 2) m.counts.set(c[i], c[i + 1]);
    m.longMean.restore(s.longMean ?? null);
    m.shortMean.restore(s.shortMean ?? null);
    m.slowTime?.restore(s.slowTime);
    m.slowSequence?.restore(s.slowSequence);
    return m;
  }
}
