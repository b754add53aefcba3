import type { JsonValue } from "./detector.types.ts";
import { normalCdfFast } from "./normal-cdf.ts";
import { RollingMean } from "./rolling-mean.ts";

/**
 * A slow anomaly likelihood: the mean of the last `window` surprises, against the distribution of
 * that same mean over the last `longWindow` points, through Φ after subtracting `shift` standard
 * deviations. Calibrated on its own averages (not on single surprises), so a long window does not
 * make it either deaf or jumpy; the shift keeps it quiet unless clearly more unusual than usual.
 */
export class SlowLikelihood {
  private readonly recent: RollingMean;
  private readonly history: RollingMean;

  constructor(
    window: number,
    longWindow: number,
    private readonly shift: number,
  ) {
    this.recent = new RollingMean(window);
    this.history = new RollingMean(longWindow);
  }

  /** Adds one surprise and returns the likelihood (0 until both windows are full). */
  push(surprise: number): number {
    this.recent.push(surprise);
    if (!this.recent.full) return 0;
    const m = this.recent.mean();
    const out = this.history.full
      ? normalCdfFast((m - this.history.mean()) / Math.max(this.history.stdDev(), 0.01) - this.shift)
      : 0;
    this.history.push(m);
    return out;
  }

  snapshot(): JsonValue {
    return { recent: this.recent.snapshot(), history: this.history.snapshot() };
  }

  restore(s: JsonValue | undefined): void {
    const o = s !== null && typeof s === "object" && !Array.isArray(s) ? s : {};
    this.recent.restore(o.recent ?? null);
    this.history.restore(o.history ?? null);
  }
}
