import { MonitorError } from "../errors.ts";
import type { AnomalyModel, JsonValue } from "./detector.types.ts";

/**
 * Windowed Gaussian (NAB's baseline): the tail probability of the value under a normal fitted to
 * the last `window` values. Cheap and transparent; weak on seasonal data.
 */
export class WindowedGaussianModel implements AnomalyModel {
  readonly name = "windowed-gaussian";
  readonly suggestedThreshold = 0.95;
  private readonly buf: Float64Array;
  private n = 0;
  private head = 0;
  private sum = 0;
  private sumSq = 0;

  constructor(readonly window = 6400) {
    if (!(Number.isInteger(window) && window >= 2)) {
      throw new MonitorError("BAD_PARAMETER", "window must be an integer ≥ 2");
    }
    this.buf = new Float64Array(window);
  }

  learn(value: number): number {
    let score = 0;
    if (this.n >= 2) {
      const mean = this.sum / this.n;
      const variance = Math.max(0, this.sumSq / this.n - mean * mean);
      const sd = Math.sqrt(variance);
      if (sd > 0) score = 1 - 2 * normalTail(Math.abs(value - mean) / sd);
      else score = value === mean ? 0 : 1;
    }
    this.push(value);
    return score;
  }

  snapshot(): JsonValue {
    // Running sums are stored as they are, so a restore continues bit-for-bit identically.
    return {
      window: this.window,
      n: this.n,
      head: this.head,
      sum: this.sum,
      sumSq: this.sumSq,
      buf: [...this.buf.subarray(0, this.n)],
    };
  }

  static restore(s: JsonValue): WindowedGaussianModel {
    if (s === null || typeof s !== "object" || Array.isArray(s)) {
      throw new MonitorError("BAD_SNAPSHOT", "windowed-gaussian snapshot must be an object");
    }
    const { window, n, head, sum, sumSq, buf } = s;
    if (
      typeof window !== "number" ||
      typeof n !== "number" ||
      typeof head !== "number" ||
      typeof sum !== "number" ||
      typeof sumSq !== "number" ||
      !Array.isArray(buf) ||
      buf.length !== n ||
      buf.some((v) => typeof v !== "number")
    ) {
      throw new MonitorError(
        "BAD_SNAPSHOT",
        "windowed-gaussian snapshot needs window, n, head, sum, sumSq and buf",
      );
    }
    const m = new WindowedGaussianModel(window);
    m.buf.set(buf as number[]);
    m.n = n;
    m.head = head;
    m.sum = sum;
    m.sumSq = sumSq;
    return m;
  }

  private push(value: number): void {
    if (this.n === this.window) {
      const old = this.buf[this.head];
      this.sum -= old;
      this.sumSq -= old * old;
    } else this.n++;
    this.buf[this.head] = value;
    this.head = (this.head + 1) % this.window;
    this.sum += value;
    this.sumSq += value * value;
  }
}

/** Upper tail Q(z) of the standard normal (Abramowitz & Stegun 7.1.26 via erfc; |error| < 1.5e-7). */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}
