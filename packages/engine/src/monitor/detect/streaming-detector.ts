import type { AnomalyModel, DetectorResult, JsonValue } from "./detector.types.ts";
import type { InputGuard } from "./input-guard.ts";

export interface ResolvedOptions {
  readonly warmup: number;
  readonly restPeriod: number;
  readonly alarmThreshold: number;
}

/** A model behind the input guard, with rest-period damping so one excursion yields one peak. */
export class StreamingDetector {
  private restLeft: number;

  constructor(
    readonly model: AnomalyModel,
    private readonly guard: InputGuard,
    private readonly opts: ResolvedOptions,
    restLeft = 0,
  ) {
    this.restLeft = restLeft;
  }

  get name(): string {
    return this.model.name;
  }

  update(timestamp: number, value: number): DetectorResult {
    const g = this.guard.check(timestamp, value);
    if (!g.accept) return { score: 0, flags: g.flags };
    const raw = this.model.learn(value, timestamp);
    const flags = g.flags;
    if (this.guard.guardState.seen <= this.opts.warmup) {
      flags.push("warmup");
      return { score: 0, flags };
    }
    let score = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
    if (this.restLeft > 0) {
      this.restLeft--;
      score = 0;
    } else if (score >= this.opts.alarmThreshold) {
      this.restLeft = this.opts.restPeriod;
    }
    if (score >= this.opts.alarmThreshold) flags.push("anomaly");
    return { score, flags };
  }

  snapshot(): JsonValue {
    return {
      name: this.model.name,
      guard: { ...this.guard.guardState },
      options: { ...this.opts },
      restLeft: this.restLeft,
      model: this.model.snapshot(),
    };
  }
}
