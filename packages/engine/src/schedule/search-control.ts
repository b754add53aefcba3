import type { SeededRandom } from "../shared/random.ts";
import type { CancelToken, SolveProgress, StopReason } from "./types.ts";

/** What every search loop needs from the driver: stop criteria, progress reporting, randomness. */
export class SearchControl {
  private readonly startedAt: number;
  private lastProgressAt: number;

  constructor(
    readonly rng: SeededRandom,
    private readonly opts: {
      timeLimitMs: number;
      iterationLimit: number;
      signal?: CancelToken;
      onProgress?: (p: SolveProgress) => void;
      progressIntervalMs: number;
      now: () => number;
      lowerBound: number;
    },
  ) {
    this.startedAt = opts.now();
    this.lastProgressAt = this.startedAt;
  }

  get lowerBound(): number {
    return this.opts.lowerBound;
  }

  elapsedMs(): number {
    return this.opts.now() - this.startedAt;
  }

  /** Checked once per iteration; the clock is read only every 16 iterations to keep it cheap. */
  shouldStop(iterations: number, best: number): StopReason | null {
    if (best <= this.opts.lowerBound) return "lower-bound";
    if (iterations >= this.opts.iterationLimit) return "iterations";
    if ((iterations & 15) !== 0) return null;
    if (this.opts.signal?.aborted) return "aborted";
    const now = this.opts.now();
    if (now - this.startedAt >= this.opts.timeLimitMs) return "time";
    if (this.opts.onProgress && now - this.lastProgressAt >= this.opts.progressIntervalMs) {
      this.lastProgressAt = now;
      this.opts.onProgress({ bestObjective: best, elapsedMs: now - this.startedAt, iterations });
    }
    return null;
  }

  improved(best: number, iterations: number): void {
    if (!this.opts.onProgress) return;
    const now = this.opts.now();
    this.lastProgressAt = now;
    this.opts.onProgress({ bestObjective: best, elapsedMs: now - this.startedAt, iterations });
  }
}

/** Arc/attribute tabu memory stamped with the iteration until which a move stays forbidden. */
export class TabuTable {
  private readonly table: Int32Array;
  private readonly direct: boolean;

  constructor(private readonly width: number) {
    const full = width * width;
    this.direct = full <= 1 << 23;
    this.table = new Int32Array(this.direct ? full : 1 << 23);
  }

  private index(a: number, b: number): number {
    const key = a * this.width + b;
    // Too many pairs for a full matrix: hash them; a rare collision only forbids a move for a while.
    return this.direct ? key : (Math.imul(key, 0x9e3779b1) >>> 9) & ((1 << 23) - 1);
  }

  isTabu(a: number, b: number, iteration: number): boolean {
    return this.table[this.index(a, b)] > iteration;
  }

  forbid(a: number, b: number, until: number): void {
    this.table[this.index(a, b)] = until;
  }
}
