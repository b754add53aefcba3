import {
  type AlarmDefinition,
  type AlarmEvent,
  AlarmMachine,
  type AlarmMachineState,
  type JsonValue,
  learnWarningDetector,
  restoreWarningDetector,
  type WarningDetector,
  type WarningReport,
} from "@clusterbrain/engine/monitor";

/** Readings without sign of the excursion after which an alarm returns (the off-delay, in points). */
export const RETURN_AFTER_POINTS = 60;
/** Readings over which a score above threshold must rise to count as a growing excursion. */
export const TREND_POINTS = 30;

/**
 * The alarm a tag's detector drives. Per reading the machine sees the detector's score (0.5 = a
 * threshold, 0.8 = four times a threshold: high priority) while the excursion shows: a chart
 * crossed its threshold at this reading, or the score is above threshold and higher than
 * TREND_POINTS readings ago.
 * Otherwise it sees 0. Cumulative charts (CUSUM) stay above threshold long after a change has
 * ended, but they stop rising then; so the alarm returns RETURN_AFTER_POINTS readings after the
 * excursion stopped showing, and a sustained change stays one alarm.
 */
export function alarmDefinition(tagId: string, intervalMs: number): AlarmDefinition {
  return {
    tag: tagId,
    direction: "high",
    levels: [
      { severity: "medium", limit: 0.5 },
      { severity: "high", limit: 0.8 },
    ],
    offDelay: RETURN_AFTER_POINTS * (Number.isFinite(intervalMs) && intervalMs > 0 ? intervalMs : 60_000),
  };
}

/** One alarm transition with what the detector saw at that point. */
export interface MonitorEvent extends AlarmEvent {
  readonly score: number;
  readonly sources: readonly string[];
}

export interface TagMonitorSnapshot {
  readonly detector: JsonValue;
  readonly machine: AlarmMachineState;
  /** The last TREND_POINTS scores, oldest first (is the excursion still growing?). */
  readonly recentScores?: readonly number[];
}

/** A learned-detector summary for the engineer (the report without the baseline's arrays). */
export interface DetectorSummary {
  chosen: string;
  targetArl: number;
  expectedArl: number;
  expectedFalseAlarmsPer10k: number;
  sources: { source: string; threshold: number; falseAlarmsPer10k: number }[];
}

export function summarize(report: WarningReport): DetectorSummary {
  return {
    chosen: report.chosen,
    targetArl: report.targetArl,
    expectedArl: Number.isFinite(report.expectedArl) ? report.expectedArl : 1e12,
    expectedFalseAlarmsPer10k: report.expectedFalseAlarmsPer10k,
    sources: report.sources.map((s) => ({
      source: s.source,
      threshold: s.threshold,
      falseAlarmsPer10k: s.falseAlarmsPer10k,
    })),
  };
}

const IGNORED = new Set(["invalid", "duplicate", "out_of_order"]);

/**
 * One tag's early warning: the engine's warning detector (baseline and thresholds learned from
 * the tag's own history) feeding the engine's ISA-18.2 alarm machine. Deterministic; `snapshot()`
 * is plain JSON and `restore` continues exactly where it left off.
 */
export class TagMonitor {
  private constructor(
    readonly tagId: string,
    private readonly detector: WarningDetector,
    private readonly machine: AlarmMachine,
    private readonly recentScores: number[] = [],
  ) {}

  static learn(
    tagId: string,
    timestamps: ArrayLike<number>,
    values: ArrayLike<number>,
    targetArl: number,
    machine?: AlarmMachineState,
  ): TagMonitor {
    const detector = learnWarningDetector(timestamps, values, { targetArl });
    const def = alarmDefinition(tagId, detector.report.baseline.interval);
    return new TagMonitor(
      tagId,
      detector,
      machine ? AlarmMachine.restore(def, machine) : new AlarmMachine(def),
    );
  }

  static restore(tagId: string, snap: TagMonitorSnapshot): TagMonitor {
    const detector = restoreWarningDetector(snap.detector);
    return new TagMonitor(
      tagId,
      detector,
      AlarmMachine.restore(alarmDefinition(tagId, detector.report.baseline.interval), snap.machine),
      Array.isArray(snap.recentScores)
        ? snap.recentScores.filter((x) => typeof x === "number" && Number.isFinite(x)).slice(-TREND_POINTS)
        : [],
    );
  }

  get report(): WarningReport {
    return this.detector.report;
  }

  get occurrence(): number {
    return this.machine.current.occurrence;
  }

  /** Feeds one reading; returns the alarm transitions it caused (usually none). */
  feed(timestamp: number, value: number): MonitorEvent[] {
    const r = this.detector.update(timestamp, value);
    if (r.flags.some((f) => IGNORED.has(f))) return [];
    const before = this.machine.current;
    // Above threshold, the excursion still shows while the score is higher than TREND_POINTS ago.
    const recent = this.recentScores;
    const showing =
      r.sources.length > 0 || (r.score >= 0.5 && recent.length === TREND_POINTS && r.score > recent[0]);
    recent.push(r.score);
    if (recent.length > TREND_POINTS) recent.shift();
    const events: AlarmEvent[] = this.machine.update(timestamp, showing ? r.score : 0);
    const hidden = this.hiddenTransition(before, timestamp, events);
    if (hidden) events.push(hidden);
    return events.map((e) => ({ ...e, value, score: r.score, sources: [...r.sources] }));
  }

  /**
   * While shelved the machine annunciates nothing, but the record of an alarm already raised must
   * still follow it (returned, cleared, escalated): the transition it made silently, as an event.
   */
  private hiddenTransition(
    before: AlarmMachine["current"],
    timestamp: number,
    events: readonly AlarmEvent[],
  ): AlarmEvent | null {
    const after = this.machine.current;
    if (!before.shelved || !after.shelved || after.occurrence !== before.occurrence) return null;
    // An occurrence that began while shelved has no record yet: unshelving announces it.
    if (this.machine.snapshot().unannounced) return null;
    if (events.some((e) => e.occurrence === after.occurrence && e.kind !== "unshelved")) return null;
    const wasActive = before.state === "unack" || before.state === "acked";
    const isActive = after.state === "unack" || after.state === "acked";
    const base = { tag: this.tagId, occurrence: after.occurrence, timestamp, state: after.state };
    if (wasActive && !isActive)
      return { ...base, kind: after.state === "normal" ? "cleared" : "returned", severity: before.severity };
    if (wasActive && isActive && after.severity !== before.severity)
      return { ...base, kind: "escalated", severity: after.severity };
    return null;
  }

  /** Acknowledges the current occurrence (nothing when it began while shelved and has no record yet). */
  acknowledge(timestamp: number, by: string): MonitorEvent[] {
    if (this.machine.snapshot().unannounced) return [];
    return this.machine.acknowledge(timestamp, by).map((e) => ({ ...e, score: 0, sources: [] }));
  }

  shelve(timestamp: number, until: number, by: string): MonitorEvent[] {
    return this.machine.shelve(timestamp, until, by).map((e) => ({ ...e, score: 0, sources: [] }));
  }

  snapshot(): TagMonitorSnapshot {
    return {
      detector: this.detector.snapshot(),
      machine: this.machine.snapshot(),
      recentScores: [...this.recentScores],
    };
  }
}
