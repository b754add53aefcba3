import { SeededRandom } from "@clusterbrain/engine/shared";
import type { RawPoint } from "../../telemetry/telemetry.types.ts";

/** A tag as storage describes it (seedDemoTelemetry). */
export interface SimTag {
  key: string;
  dataType: "number" | "boolean" | "string";
  unit?: string | null;
  low?: number | null;
  high?: number | null;
}

export type MachineState = "run" | "idle" | "setup" | "down";
export type FaultKind = "drift" | "spike" | "stuck" | "level_shift" | "variance_change";
export const FAULT_KINDS: readonly FaultKind[] = [
  "drift",
  "spike",
  "stuck",
  "level_shift",
  "variance_change",
];

export interface ActiveFault {
  tag: string;
  kind: FaultKind;
  startTs: number;
  endTs: number;
  /** Signed size in units of the tag's range (high − low). */
  magnitude: number;
  frozen?: number;
}

const REASONS: Record<MachineState, readonly string[]> = {
  run: [""],
  idle: ["no_order", "waiting_operator", "waiting_material"],
  setup: ["changeover", "first_article"],
  down: ["jam", "nozzle_clog", "maintenance", "quality_hold", "power_dip"],
};
/** Mean dwell seconds per state (short, so a demo shows changes within minutes). */
const DWELL_S: Record<MachineState, number> = { run: 240, idle: 45, setup: 60, down: 40 };

type Role =
  | "state"
  | "reason"
  | "running"
  | "result"
  | "counter_pass"
  | "counter_fail"
  | "rate"
  | "process"
  | "text"
  | "flag";

function roleOf(tag: SimTag): Role {
  const k = tag.key.toLowerCase();
  if (tag.dataType === "string")
    return k.includes("reason") ? "reason" : k.includes("state") ? "state" : "text";
  if (tag.dataType === "boolean")
    return k.includes("run") ? "running" : k.includes("result") ? "result" : "flag";
  if (/fail|reject|defect|ng/.test(k) && /count|total|qty|fail/.test(k)) return "counter_fail";
  if (/pass|good|ok_|count|total|turns/.test(k)) return "counter_pass";
  if (/rate|cph|throughput|per_h/.test(k)) return "rate";
  return "process";
}

interface TagSignal {
  tag: SimTag;
  role: Role;
  lo: number;
  hi: number;
  value: number;
}

/**
 * One simulated machine's signals, deterministic for a seed: machine states (run/idle/setup/down
 * with reasons), mean-reverting process values inside each tag's limits, counters, and injected
 * faults (drift, spike, stuck sensor, level shift, variance change) at `faultsPerHour`.
 */
export class DeviceSignals {
  state: MachineState = "run";
  reason = "";
  readonly faults: ActiveFault[] = [];
  /** Every fault injected so far (ground truth for anomaly detection demos). */
  readonly faultLog: ActiveFault[] = [];
  /** Every stop forced by `stopMachine` (ground truth for the OEE downtime). */
  readonly stopLog: { startTs: number; endTs: number; reason: string }[] = [];
  private stateUntil: number;
  private readonly rng: SeededRandom;
  private readonly signals: TagSignal[];

  constructor(
    tags: readonly SimTag[],
    seed: number,
    private readonly faultsPerHour: number,
    startTs: number,
  ) {
    this.rng = new SeededRandom(seed);
    this.signals = tags.map((tag) => {
      const role = roleOf(tag);
      const lo = tag.low ?? 0;
      const hi = tag.high ?? (role === "rate" ? 1000 : 100);
      const mid = (lo + hi) / 2;
      return { tag, role, lo, hi: hi > lo ? hi : lo + 1, value: role.startsWith("counter") ? 0 : mid };
    });
    this.stateUntil = startTs + this.dwell("run");
  }

  /**
   * A fault that stops the machine: from `ts` it is down with `reason` for `durationMs` (its state
   * tag says so and its counters stand still), then it runs again.
   */
  stopMachine(ts: number, durationMs: number, reason = "breakdown"): void {
    this.state = "down";
    this.reason = reason;
    this.stateUntil = ts + durationMs;
    this.stopLog.push({ startTs: ts, endTs: ts + durationMs, reason });
  }

  /** Advance to `ts` (ms) after `dtMs`, and return one point per tag at `ts`. */
  step(ts: number, dtMs: number): RawPoint[] {
    this.advanceState(ts);
    this.maybeInjectFault(ts, dtMs);
    for (let i = this.faults.length - 1; i >= 0; i--) if (this.faults[i].endTs < ts) this.faults.splice(i, 1);
    const running = this.state === "run";
    return this.signals.map((s) => ({ tag: s.tag.key, ts, value: this.sample(s, ts, dtMs, running) }));
  }

  private sample(s: TagSignal, ts: number, dtMs: number, running: boolean): number | boolean | string {
    const span = s.hi - s.lo;
    switch (s.role) {
      case "state":
        return this.state;
      case "reason":
        return this.reason;
      case "text":
        return this.state === "down" ? "alarm" : "ok";
      case "running":
        return running;
      case "flag":
        return this.rng.chance(0.02);
      case "result":
        // A test verdict: mostly pass, worse while a fault is active on the device.
        return this.rng.chance(this.faults.length > 0 ? 0.85 : 0.98);
      case "counter_pass":
        if (running) s.value += this.rng.poisson((dtMs / 1000) * 2);
        return s.value;
      case "counter_fail":
        if (running) s.value += this.rng.poisson((dtMs / 1000) * 0.05);
        return s.value;
      case "rate": {
        const target = running ? s.lo + 0.8 * span : 0;
        s.value += 0.3 * (target - s.value) + (running ? this.rng.normal(0, span * 0.02) : 0);
        return round(this.applyFaults(s, ts, Math.max(0, s.value)));
      }
      default: {
        // Ornstein–Uhlenbeck around the middle of the limits; cools a little when not running.
        const target = s.lo + (running ? 0.5 : 0.4) * span;
        const fault = this.faults.find((f) => f.tag === s.tag.key && f.kind === "variance_change");
        const sd = span * 0.03 * (fault ? 4 : 1);
        s.value += 0.2 * (target - s.value) + this.rng.normal(0, sd);
        return round(this.applyFaults(s, ts, s.value));
      }
    }
  }

  private applyFaults(s: TagSignal, ts: number, value: number): number {
    const span = s.hi - s.lo;
    let v = value;
    for (const f of this.faults) {
      if (f.tag !== s.tag.key) continue;
      if (f.kind === "drift") v += f.magnitude * span * ((ts - f.startTs) / (f.endTs - f.startTs));
      else if (f.kind === "level_shift") v += f.magnitude * span;
      else if (f.kind === "spike" && ts - f.startTs < 1) v += f.magnitude * span;
      else if (f.kind === "stuck") {
        f.frozen ??= v;
        v = f.frozen;
      }
    }
    return v;
  }

  private maybeInjectFault(ts: number, dtMs: number): void {
    const candidates = this.signals.filter((s) => s.role === "process" || s.role === "rate");
    if (candidates.length === 0 || !this.rng.chance((this.faultsPerHour * dtMs) / 3_600_000)) return;
    const kind = this.rng.pick(FAULT_KINDS);
    const sign = this.rng.chance(0.5) ? 1 : -1;
    const duration = kind === "spike" ? 0 : this.rng.int(30, 300) * 1000;
    const magnitude =
      sign * (kind === "spike" ? 0.6 : kind === "drift" ? 0.5 : kind === "level_shift" ? 0.25 : 1);
    const fault: ActiveFault = {
      tag: this.rng.pick(candidates).tag.key,
      kind,
      startTs: ts,
      endTs: ts + duration,
      magnitude,
    };
    this.faults.push(fault);
    this.faultLog.push(fault);
  }

  private advanceState(ts: number): void {
    if (ts < this.stateUntil) return;
    const next: MachineState =
      this.state === "run"
        ? (["idle", "setup", "down"] as const)[this.rng.weightedIndex([0.4, 0.25, 0.35])]
        : "run";
    this.state = next;
    this.reason = this.rng.pick(REASONS[next]);
    this.stateUntil = ts + this.dwell(next);
  }

  private dwell(state: MachineState): number {
    return Math.max(5, -Math.log(1 - this.rng.next()) * DWELL_S[state]) * 1000;
  }
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
