import { MonitorError } from "../errors.ts";

/**
 * Alarm state machine after ANSI/ISA-18.2 (alarm states A–H, simplified): one definition watches
 * one value against limits of rising severity. On-delay and off-delay stop chattering, a
 * deadband means the value must come back clearly before the alarm clears, and the whole
 * excursion is one alarm occurrence (escalation updates it, it never spawns a duplicate).
 */
export type AlarmSeverity = "low" | "medium" | "high" | "critical";
const SEVERITY_RANK: Record<AlarmSeverity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** normal; unack = active, not acknowledged; acked = active, acknowledged; rtn_unack = cleared, not acknowledged. */
export type AlarmState = "normal" | "unack" | "acked" | "rtn_unack";

export interface AlarmLevel {
  readonly severity: AlarmSeverity;
  /** The alarm is active while value > limit ("high") or value < limit ("low"). */
  readonly limit: number;
}

export interface AlarmDefinition {
  readonly tag: string;
  readonly direction: "high" | "low";
  readonly levels: readonly AlarmLevel[];
  /** The value must return this far inside the lowest limit to count as normal again. */
  readonly deadband?: number;
  /** The condition must hold this long (timestamp units) before the alarm is raised. */
  readonly onDelay?: number;
  /** The condition must stay clear this long before the alarm returns to normal. */
  readonly offDelay?: number;
}

export type AlarmEventKind =
  | "raised"
  | "escalated"
  | "acknowledged"
  | "returned"
  | "cleared"
  | "shelved"
  | "unshelved";

export interface AlarmEvent {
  readonly kind: AlarmEventKind;
  readonly tag: string;
  /** Occurrence number: one excursion = one occurrence. */
  readonly occurrence: number;
  readonly timestamp: number;
  readonly severity: AlarmSeverity | null;
  readonly state: AlarmState;
  readonly value?: number;
  readonly by?: string;
}

/** Everything an AlarmMachine remembers: plain JSON, so a restart resumes mid-excursion. */
export interface AlarmMachineState {
  readonly state: AlarmState;
  readonly severity: AlarmSeverity | null;
  readonly occurrence: number;
  readonly pendingSince: number | null;
  readonly clearSince: number | null;
  readonly conditionActive: boolean;
  readonly shelvedUntil: number | null;
  readonly unannounced: boolean;
}

const ALARM_STATES: readonly AlarmState[] = ["normal", "unack", "acked", "rtn_unack"];
const nullableNumber = (v: unknown): v is number | null =>
  v === null || (typeof v === "number" && Number.isFinite(v));

export class AlarmMachine {
  private state: AlarmState = "normal";
  private severity: AlarmSeverity | null = null;
  private occurrence = 0;
  private pendingSince: number | null = null;
  private clearSince: number | null = null;
  private conditionActive = false;
  private shelvedUntil: number | null = null;
  /** The current occurrence started while shelved and was never annunciated. */
  private unannounced = false;
  private readonly levels: AlarmLevel[];

  constructor(private readonly def: AlarmDefinition) {
    if (def.levels.length === 0) throw new MonitorError("BAD_PARAMETER", `alarm ${def.tag} has no levels`);
    if ((def.deadband ?? 0) < 0 || (def.onDelay ?? 0) < 0 || (def.offDelay ?? 0) < 0) {
      throw new MonitorError("BAD_PARAMETER", `alarm ${def.tag}: deadband and delays must be ≥ 0`);
    }
    this.levels = [...def.levels].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  }

  get current(): { state: AlarmState; severity: AlarmSeverity | null; shelved: boolean; occurrence: number } {
    return {
      state: this.state,
      severity: this.severity,
      shelved: this.shelvedUntil !== null,
      occurrence: this.occurrence,
    };
  }

  snapshot(): AlarmMachineState {
    return {
      state: this.state,
      severity: this.severity,
      occurrence: this.occurrence,
      pendingSince: this.pendingSince,
      clearSince: this.clearSince,
      conditionActive: this.conditionActive,
      shelvedUntil: this.shelvedUntil,
      unannounced: this.unannounced,
    };
  }

  /** A machine for `def` that continues exactly where `snapshot()` left off. */
  static restore(def: AlarmDefinition, s: AlarmMachineState): AlarmMachine {
    const ok =
      s !== null &&
      typeof s === "object" &&
      ALARM_STATES.includes(s.state) &&
      (s.severity === null || s.severity in SEVERITY_RANK) &&
      Number.isInteger(s.occurrence) &&
      s.occurrence >= 0 &&
      nullableNumber(s.pendingSince) &&
      nullableNumber(s.clearSince) &&
      nullableNumber(s.shelvedUntil) &&
      typeof s.conditionActive === "boolean" &&
      typeof s.unannounced === "boolean";
    if (!ok) throw new MonitorError("BAD_SNAPSHOT", `alarm ${def.tag}: malformed alarm machine state`);
    const m = new AlarmMachine(def);
    m.state = s.state;
    m.severity = s.severity;
    m.occurrence = s.occurrence;
    m.pendingSince = s.pendingSince;
    m.clearSince = s.clearSince;
    m.conditionActive = s.conditionActive;
    m.shelvedUntil = s.shelvedUntil;
    m.unannounced = s.unannounced;
    return m;
  }

  /** Highest level the value violates, or null. */
  private levelOf(value: number): AlarmSeverity | null {
    let hit: AlarmSeverity | null = null;
    for (const l of this.levels) {
      if (this.def.direction === "high" ? value > l.limit : value < l.limit) hit = l.severity;
    }
    return hit;
  }

  private clearOf(value: number): boolean {
    const limit = this.levels[0].limit;
    const db = this.def.deadband ?? 0;
    return this.def.direction === "high" ? value <= limit - db : value >= limit + db;
  }

  private event(kind: AlarmEventKind, timestamp: number, extra: Partial<AlarmEvent> = {}): AlarmEvent {
    return {
      kind,
      tag: this.def.tag,
      occurrence: this.occurrence,
      timestamp,
      severity: this.severity,
      state: this.state,
      ...extra,
    };
  }

  /** Feeds one sample; NaN samples carry no information and change nothing. */
  update(timestamp: number, value: number): AlarmEvent[] {
    const out: AlarmEvent[] = [];
    if (this.shelvedUntil !== null && timestamp >= this.shelvedUntil) out.push(...this.unshelve(timestamp));
    if (!Number.isFinite(value) || !Number.isFinite(timestamp)) return out;
    const level = this.levelOf(value);
    const active = this.state === "unack" || this.state === "acked";
    if (level !== null) {
      this.clearSince = null;
      if (!active) {
        this.pendingSince ??= timestamp;
        if (timestamp - this.pendingSince >= (this.def.onDelay ?? 0)) {
          this.pendingSince = null;
          this.occurrence++;
          this.state = "unack";
          this.severity = level;
          this.conditionActive = true;
          this.unannounced = this.shelvedUntil !== null;
          if (!this.unannounced) out.push(this.event("raised", timestamp, { value }));
        }
      } else if (SEVERITY_RANK[level] > SEVERITY_RANK[this.severity ?? "low"]) {
        this.severity = level;
        // Escalation re-annunciates: an acknowledged alarm needs acknowledging again.
        this.state = "unack";
        if (this.shelvedUntil === null) out.push(this.event("escalated", timestamp, { value }));
      }
      return out;
    }
    this.pendingSince = null;
    if (active && this.clearOf(value)) {
      this.clearSince ??= timestamp;
      if (timestamp - this.clearSince >= (this.def.offDelay ?? 0)) {
        this.clearSince = null;
        this.conditionActive = false;
        const wasAcked = this.state === "acked";
        this.state = wasAcked ? "normal" : "rtn_unack";
        const ev = this.event(wasAcked ? "cleared" : "returned", timestamp, { value });
        if (wasAcked) this.severity = null;
        if (this.shelvedUntil === null) out.push(ev);
      }
    } else if (active) this.clearSince = null; // inside the deadband: still active
    return out;
  }

  acknowledge(timestamp: number, by: string): AlarmEvent[] {
    if (this.state === "unack") this.state = "acked";
    else if (this.state === "rtn_unack") this.state = "normal";
    else return [];
    const ev = this.event("acknowledged", timestamp, { by });
    if (this.state === "normal") this.severity = null;
    return [ev];
  }

  /** Shelving hides annunciation until `until`; the condition is still tracked underneath. */
  shelve(timestamp: number, until: number, by: string): AlarmEvent[] {
    if (!(until > timestamp)) throw new MonitorError("BAD_PARAMETER", "shelve needs until > timestamp");
    this.shelvedUntil = until;
    return [this.event("shelved", timestamp, { by })];
  }

  unshelve(timestamp: number, by?: string): AlarmEvent[] {
    if (this.shelvedUntil === null) return [];
    this.shelvedUntil = null;
    const out = [this.event("unshelved", timestamp, by === undefined ? {} : { by })];
    // An occurrence that began while shelved is annunciated now if still active, else forgotten.
    if (this.unannounced && this.conditionActive) out.push(this.event("raised", timestamp));
    else if (this.unannounced && this.state === "rtn_unack") {
      this.state = "normal";
      this.severity = null;
    }
    this.unannounced = false;
    return out;
  }
}
