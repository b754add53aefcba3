import { MonitorError } from "../errors.ts";
import type { JsonValue } from "./detector.types.ts";

/** Mean and spread of the last `size` values in O(1) per update; snapshots keep the running sums exactly. */
export class RollingMean {
  private buf: Float64Array;
  private n = 0;
  private head = 0;
  private sum = 0;
  private sumSq = 0;

  constructor(readonly size: number) {
    this.buf = new Float64Array(size);
  }

  get full(): boolean {
    return this.n === this.size;
  }

  push(x: number): void {
    if (this.n === this.size) {
      const old = this.buf[this.head];
      this.sum -= old;
      this.sumSq -= old * old;
    } else this.n++;
    this.buf[this.head] = x;
    this.head = (this.head + 1) % this.size;
    this.sum += x;
    this.sumSq += x * x;
  }

  mean(): number {
    return this.n === 0 ? 0 : this.sum / this.n;
  }

  /** Population standard deviation of the window. */
  stdDev(): number {
    if (this.n === 0) return 0;
    const m = this.sum / this.n;
    return Math.sqrt(Math.max(0, this.sumSq / this.n - m * m));
  }

  snapshot(): JsonValue {
    return { n: this.n, head: this.head, sum: this.sum, sumSq: this.sumSq, buf: [...this.buf] };
  }

  restore(s: JsonValue): void {
    if (s === null || typeof s !== "object" || Array.isArray(s))
      throw new MonitorError("BAD_SNAPSHOT", "rolling window must be an object");
    const { n, head, sum, sumSq, buf } = s;
    if (
      typeof n !== "number" ||
      typeof head !== "number" ||
      typeof sum !== "number" ||
      typeof sumSq !== "number" ||
      !Array.isArray(buf) ||
      buf.length !== this.size ||
      buf.some((v) => typeof v !== "number")
    ) {
      throw new MonitorError(
        "BAD_SNAPSHOT",
        `rolling window of ${this.size} needs n, head, sum, sumSq and buf`,
      );
    }
    this.buf = Float64Array.from(buf as number[]);
    this.n = n;
    this.head = head;
    this.sum = sum;
    this.sumSq = sumSq;
  }
}
