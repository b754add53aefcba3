import { ContextModel } from "../detect/context.model.ts";
import type { JsonValue, PointFlag } from "../detect/detector.types.ts";
import { InputGuard, readGuardState } from "../detect/input-guard.ts";
import { MonitorError } from "../errors.ts";
import { type Baseline, fitBaseline } from "./baseline.fit.ts";
import { calibrate } from "./calibrate.ts";
import {
  type ResolvedWarningOptions,
  WARNING_PRIMARIES,
  type WarningOptions,
  type WarningPrimary,
  type WarningReport,
  type WarningResult,
  type WarningSource,
} from "./warning.types.ts";
import {
  CHANNEL_COUNT,
  type ChannelState,
  channelStateFromJson,
  channelStateToJson,
  initialChannelState,
  stepChannels,
  WARNING_CHANNELS,
  westernElectricRule,
} from "./warning-channels.ts";

const DEFAULT_BUDGET = { primary: 0.25, shewhart: 0.15, level: 0.2, variance: 0.2, rate: 0.1, flatline: 0.1 };

function positive(v: number | undefined, fallback: number, name: string, min = Number.MIN_VALUE): number {
  const x = v ?? fallback;
  if (!Number.isFinite(x) || x < min)
    throw new MonitorError("BAD_PARAMETER", `${name} must be a finite number ≥ ${min}`);
  return x;
}

export function resolveWarningOptions(o: WarningOptions): ResolvedWarningOptions {
  const candidates = o.candidates ?? WARNING_PRIMARIES;
  for (const c of [...candidates, ...(o.primary ? [o.primary] : [])])
    if (!(WARNING_PRIMARIES as readonly string[]).includes(c))
      throw new MonitorError(
        "UNKNOWN_DETECTOR",
        `unknown chart "${c}"; known: ${WARNING_PRIMARIES.join(", ")}`,
      );
  if (candidates.length === 0)
    throw new MonitorError("BAD_PARAMETER", "at least one candidate chart is needed");
  const thresholds: Partial<Record<WarningSource, number>> = {};
  for (const [k, v] of Object.entries(o.thresholds ?? {})) {
    if (!(WARNING_CHANNELS as readonly string[]).includes(k) && k !== "context")
      throw new MonitorError("BAD_PARAMETER", `unknown alarm source "${k}"`);
    thresholds[k as WarningSource] = positive(v, 1, `threshold of ${k}`);
  }
  const budget = { ...DEFAULT_BUDGET };
  for (const k of Object.keys(DEFAULT_BUDGET) as (keyof typeof DEFAULT_BUDGET)[])
    budget[k] = positive(o.budget?.[k], DEFAULT_BUDGET[k], `budget.${k}`, 0);
  return {
    targetArl: positive(o.targetArl, 10_000, "targetArl", 1),
    safety: positive(o.safety, 2, "safety"),
    candidates: [...candidates],
    primary: o.primary ?? null,
    thresholds,
    restPeriod: Math.floor(positive(o.restPeriod, 60, "restPeriod", 0)),
    budget,
    simulationLength: Math.floor(positive(o.simulationLength, 60_000, "simulationLength", 1000)),
    seed: Math.floor(positive(o.seed, 1, "seed", 0)),
    maxArOrder: Math.floor(positive(o.maxArOrder, 8, "maxArOrder", 0)),
    flatlineMinRun: Math.floor(positive(o.flatlineMinRun, 10, "flatlineMinRun", 2)),
    minDailyR2: positive(o.minDailyR2, 0.3, "minDailyR2", 0),
  };
}

interface Parts {
  readonly baseline: Baseline;
  readonly report: WarningReport;
  readonly thresholds: Readonly<Record<WarningSource, number>>;
  readonly active: readonly WarningSource[];
  readonly restPeriod: number;
}

/**
 * Per-tag early warning (docs/monitoring.md §7): learned once from the tag's history by
 * `learnWarningDetector`, then fed point by point. `snapshot()` is plain JSON; a detector restored
 * from it continues exactly as the original would have.
 */
export class WarningDetector {
  private readonly buf = new Float64Array(CHANNEL_COUNT);

  constructor(
    private readonly parts: Parts,
    private state: ChannelState,
    private readonly guard: InputGuard,
    private readonly context: ContextModel | null,
    private prev: Record<string, number>,
    private restLeft: number,
  ) {}

  get report(): WarningReport {
    return this.parts.report;
  }

  get chosen(): WarningPrimary {
    return this.parts.report.chosen;
  }

  update(timestamp: number, value: number): WarningResult {
    const g = this.guard.check(timestamp, value);
    if (!g.accept) return { score: 0, alarm: false, sources: [], rule: 0, flags: g.flags };
    const flags: PointFlag[] = g.flags;
    const recent = [...this.state.recent];
    const { residual } = stepChannels(this.parts.baseline, this.state, timestamp, value, this.buf);
    // The context model works in raw units; readings beyond ±1e15 would overflow its range arithmetic.
    const ctx = this.context ? this.context.learn(Math.min(1e15, Math.max(-1e15, value)), timestamp) : 0;
    const crossed: WarningSource[] = [];
    let ratio = 0;
    for (const s of this.parts.active) {
      const stat = s === "context" ? (Number.isFinite(ctx) ? ctx : 0) : this.buf[WARNING_CHANNELS.indexOf(s)];
      const h = this.parts.thresholds[s];
      // prev[s] is 1 while the source is disarmed: after a crossing it re-arms only once its
      // statistic has fallen below half the threshold (a dead-band against chattering).
      if (this.prev[s] === 1) {
        if (stat < h / 2) this.prev[s] = 0;
      } else if (stat >= h) {
        crossed.push(s);
        this.prev[s] = 1;
      }
      ratio = Math.max(ratio, stat / h);
    }
    let alarm = false;
    if (this.restLeft > 0) this.restLeft--;
    else if (crossed.length > 0) {
      alarm = true;
      this.restLeft = this.parts.restPeriod;
      flags.push("anomaly");
    }
    const rule = crossed.includes("shewhart")
      ? 1
      : crossed.includes("western-electric")
        ? westernElectricRule(residual, recent, this.parts.thresholds["western-electric"])
        : 0;
    return {
      score: Math.min(ratio, 1e12) / (1 + Math.min(ratio, 1e12)),
      alarm,
      sources: crossed,
      rule,
      flags,
    };
  }

  snapshot(): JsonValue {
    const p = this.parts;
    return {
      kind: "warning",
      version: 1,
      report: JSON.parse(JSON.stringify(p.report)) as JsonValue,
      thresholds: { ...p.thresholds },
      active: [...p.active],
      restPeriod: p.restPeriod,
      state: channelStateToJson(this.state),
      guard: { ...this.guard.guardState },
      context: this.context ? this.context.snapshot() : null,
      prev: { ...this.prev },
      restLeft: this.restLeft,
    };
  }
}

/** Learns baseline and thresholds from a tag's history (non-finite or unordered points are skipped). */
export function learnWarningDetector(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  options: WarningOptions = {},
): WarningDetector {
  if (timestamps.length !== values.length)
    throw new MonitorError("BAD_PARAMETER", "timestamps and values must have the same length");
  const o = resolveWarningOptions(options);
  const ts: number[] = [];
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const t = timestamps[i];
    const v = values[i];
    if (!Number.isFinite(t) || !Number.isFinite(v) || (ts.length > 0 && t <= ts[ts.length - 1])) continue;
    ts.push(t);
    xs.push(v);
  }
  const history = { ts: Float64Array.from(ts), xs: Float64Array.from(xs) };
  const fit = fitBaseline(history.ts, history.xs, o);
  const cal = calibrate(fit, history, o);
  const n = xs.length;
  const guard = new InputGuard(5, { lastTs: ts[n - 1], typicalDt: fit.baseline.interval, seen: n });
  return new WarningDetector(
    {
      baseline: fit.baseline,
      report: cal.report,
      thresholds: cal.thresholds,
      active: cal.active,
      restPeriod: o.restPeriod,
    },
    initialChannelState(fit.baseline, fit.tail, xs[n - 1]),
    guard,
    cal.context === null ? null : ContextModel.restore(structuredClone(cal.context)),
    {},
    0,
  );
}

const isObject = (v: JsonValue | undefined): v is { [key: string]: JsonValue } =>
  v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);

/** Rebuilds a detector from `snapshot()` output without re-learning. */
export function restoreWarningDetector(snap: JsonValue): WarningDetector {
  if (!isObject(snap) || snap.kind !== "warning" || snap.version !== 1)
    throw new MonitorError("BAD_SNAPSHOT", "not a version-1 warning detector snapshot");
  const { report, thresholds, active, restPeriod, state, guard, context, prev, restLeft } = snap;
  if (
    !isObject(report) ||
    !isObject(report.baseline) ||
    !isObject(thresholds) ||
    !isObject(prev) ||
    !Array.isArray(active) ||
    typeof restPeriod !== "number" ||
    typeof restLeft !== "number" ||
    guard === undefined ||
    state === undefined
  )
    throw new MonitorError(
      "BAD_SNAPSHOT",
      "warning snapshot needs report, thresholds, active, state and guard",
    );
  const sources: WarningSource[] = [];
  for (const a of active) {
    if (typeof a !== "string" || !((WARNING_CHANNELS as readonly string[]).includes(a) || a === "context"))
      throw new MonitorError("BAD_SNAPSHOT", `unknown alarm source ${String(a)}`);
    sources.push(a as WarningSource);
  }
  const th = {} as Record<WarningSource, number>;
  for (const [k, v] of Object.entries(thresholds)) {
    if (typeof v !== "number" || !(v > 0)) throw new MonitorError("BAD_SNAPSHOT", `bad threshold for ${k}`);
    th[k as WarningSource] = v;
  }
  for (const s of sources)
    if (th[s] === undefined) throw new MonitorError("BAD_SNAPSHOT", `no threshold for active source ${s}`);
  const pv: Record<string, number> = {};
  for (const [k, v] of Object.entries(prev)) {
    if (typeof v !== "number") throw new MonitorError("BAD_SNAPSHOT", "prev statistics must be numbers");
    pv[k] = v;
  }
  const r = report as unknown as WarningReport;
  const b = r.baseline;
  if (!Array.isArray(b.ar) || !Array.isArray(b.daily) || !(b.sdLevel > 0) || !(b.sdResidual > 0))
    throw new MonitorError("BAD_SNAPSHOT", "warning snapshot has a malformed baseline");
  const needsContext = sources.includes("context");
  if (needsContext && (context === null || context === undefined))
    throw new MonitorError("BAD_SNAPSHOT", "the context chart is active but its state is missing");
  return new WarningDetector(
    { baseline: b, report: r, thresholds: th, active: sources, restPeriod },
    channelStateFromJson(state, b.ar.length),
    new InputGuard(5, readGuardState(guard)),
    // ContextModel.restore keeps references into the snapshot it is given: hand it a copy.
    needsContext ? ContextModel.restore(structuredClone(context as JsonValue)) : null,
    pv,
    restLeft,
  );
}
