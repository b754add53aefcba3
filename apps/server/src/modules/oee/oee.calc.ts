import type { MachineStateName, OeeFigures, OeePeriod, ParetoRow } from "@clusterbrain/contracts";
import {
  type CountRecord,
  combineOee,
  computeOee,
  type MachineState,
  type OeeResult,
  type StateEvent,
} from "@clusterbrain/engine/monitor";

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Shifts and days are China time (UTC+8): the day shift 08:00–20:00, the night shift 20:00–08:00. */
const TZ_OFFSET = 8 * HOUR;

export interface Period {
  start: number;
  end: number;
  shift: "day" | "night" | null;
}

/** The shifts or days that overlap [from, to), each clipped to it. */
export function periodsOf(from: number, to: number, by: OeePeriod): Period[] {
  const step = by === "day" ? 24 * HOUR : 12 * HOUR;
  // Boundaries fall at 08:00/20:00 (shifts) or 00:00 (days) local time.
  const phase = by === "day" ? -TZ_OFFSET : 8 * HOUR - TZ_OFFSET;
  let start = Math.floor((from - phase) / step) * step + phase;
  const out: Period[] = [];
  while (start < to) {
    const end = start + step;
    const localHour = new Date(start + TZ_OFFSET).getUTCHours();
    out.push({
      start: Math.max(start, from),
      end: Math.min(end, to),
      shift: by === "day" ? null : localHour === 8 ? "day" : "night",
    });
    start = end;
  }
  return out;
}

/** Start of the shift `at` falls in (08:00 and 20:00 China time are 00:00 and 12:00 UTC). */
export function shiftStartOf(at: number): number {
  return Math.floor(at / (12 * HOUR)) * 12 * HOUR;
}

/** A state interval as the store keeps it, in epoch ms (end null while it lasts). */
export interface Interval {
  id: string;
  machineId: string;
  state: MachineStateName;
  reason: string;
  start: number;
  end: number | null;
  source: "tag" | "manual";
  note: string;
}

/**
 * Intervals clipped to [from, to) (open ones end at `to`); a stop entered by hand overrides the
 * state tag over its span (the tag's intervals are cut around it).
 */
export function effectiveIntervals(rows: readonly Interval[], from: number, to: number): Interval[] {
  const clip = (r: Interval): Interval | null => {
    const start = Math.max(r.start, from);
    const end = Math.min(r.end ?? to, to);
    return end > start ? { ...r, start, end } : null;
  };
  const manual = rows
    .filter((r) => r.source === "manual")
    .map(clip)
    .filter((r): r is Interval => r !== null);
  const out: Interval[] = [...manual];
  for (const r of rows) {
    if (r.source === "manual") continue;
    let pieces: Interval[] = [];
    const c = clip(r);
    if (c) pieces.push(c);
    for (const m of manual) {
      if (m.machineId !== r.machineId) continue;
      pieces = pieces.flatMap((p) => {
        const mEnd = m.end ?? to;
        if (mEnd <= p.start || m.start >= (p.end ?? to)) return [p];
        const parts: Interval[] = [];
        if (m.start > p.start) parts.push({ ...p, end: m.start });
        if (mEnd < (p.end ?? to)) parts.push({ ...p, start: mEnd });
        return parts;
      });
    }
    out.push(...pieces);
  }
  return out.sort((a, b) => a.start - b.start);
}

const ENGINE_STATE: Record<MachineStateName, MachineState> = {
  running: "running",
  down: "breakdown",
  setup: "setup",
  // Nakajima's "idling and minor stops": the machine is available but waits (performance loss).
  idle: "small_stop",
  planned_stop: "planned_stop",
};

export interface MachineInput {
  machineId: string;
  /** Seconds per unit; null = unknown (the machine shows availability only and stays out of line figures). */
  idealCycleSeconds: number | null;
  intervals: readonly Interval[];
  counts: readonly { bucket: number; good: number; total: number }[];
}

export interface MachineResult {
  machineId: string;
  /** One per period, in order, then the machine's total. */
  periods: OeeResult[];
  total: OeeResult;
  hasIdeal: boolean;
}

/** OEE per period for one machine through the engine (minutes; intervals already effective). */
export function machineOee(m: MachineInput, periods: readonly Period[]): MachineResult {
  const events: StateEvent[] = m.intervals.map((i) => ({
    line: m.machineId,
    state: ENGINE_STATE[i.state],
    start: i.start / MIN,
    end: (i.end ?? i.start) / MIN,
  }));
  const counts: CountRecord[] = m.counts.map((c) => ({
    line: m.machineId,
    timestamp: c.bucket / MIN,
    total: Math.max(0, c.total),
    good: Math.min(Math.max(0, c.good), Math.max(0, c.total)),
  }));
  const shifts = periods.map((p, i) => ({ name: String(i), start: p.start / MIN, end: p.end / MIN }));
  const hasIdeal = m.idealCycleSeconds !== null && m.idealCycleSeconds > 0;
  const ideal = hasIdeal ? (m.idealCycleSeconds as number) / 60 : 1;
  if (shifts.length === 0) {
    const empty = combineOee([], m.machineId, "all");
    return { machineId: m.machineId, periods: [], total: empty, hasIdeal };
  }
  // The engine lists the machine's rows only if it has an event or a count; else it had no data.
  const rows = computeOee(events, counts, shifts, { idealCycleTime: { [m.machineId]: ideal } });
  const byShift = new Map(rows.map((r) => [r.shift, r]));
  const noData = (i: number): OeeResult => {
    const base = combineOee([], m.machineId, String(i));
    const minutes = shifts[i].end - shifts[i].start;
    return { ...base, plannedTime: minutes, losses: { ...base.losses, unaccounted: minutes } };
  };
  const per = shifts.map((_, i) => byShift.get(String(i)) ?? noData(i));
  return { machineId: m.machineId, periods: per, total: combineOee(per, m.machineId, "all"), hasIdeal };
}

/** Engine result → API figures; factors undefined where their denominator is zero (or the cycle time is unknown). */
export function figures(r: OeeResult, hasIdeal = true): OeeFigures {
  const availability = r.plannedTime > 0 ? r.availability : null;
  const performance = hasIdeal && r.runTime > 0 ? r.performance : null;
  // A line's quality is value-weighted (Σ ideal × good / Σ ideal × total), so A × P × Q stays Σ fully productive / Σ planned.
  const quality = r.totalCount > 0 ? r.quality : null;
  const oee =
    availability === null || performance === null || quality === null
      ? null
      : availability * performance * quality;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const losses = Object.fromEntries(
    Object.entries(r.losses).map(([k, v]) => [k, round(v)]),
  ) as OeeFigures["losses"];
  return {
    plannedMinutes: round(r.plannedTime),
    runMinutes: round(r.runTime),
    totalCount: r.totalCount,
    goodCount: r.goodCount,
    availability,
    performance,
    quality,
    oee,
    losses: hasIdeal ? losses : { ...losses, reducedSpeed: 0, startupRejects: 0, productionRejects: 0 },
  };
}

/** Lost minutes by state and reason (down, setup, idle), largest first, with the running share. */
export function paretoOf(intervals: readonly Interval[]): ParetoRow[] {
  const acc = new Map<string, { state: MachineStateName; reason: string; minutes: number; events: number }>();
  for (const i of intervals) {
    if (i.state === "running" || i.state === "planned_stop" || i.end === null) continue;
    const key = `${i.state}\u0000${i.reason}`;
    const a = acc.get(key) ?? { state: i.state, reason: i.reason, minutes: 0, events: 0 };
    a.minutes += (i.end - i.start) / MIN;
    a.events++;
    acc.set(key, a);
  }
  const rows = [...acc.values()].sort((a, b) => b.minutes - a.minutes || a.reason.localeCompare(b.reason));
  const total = rows.reduce((s, r) => s + r.minutes, 0);
  let running = 0;
  return rows.map((r) => {
    running += r.minutes;
    return {
      state: r.state,
      reason: r.reason,
      minutes: Math.round(r.minutes * 1000) / 1000,
      events: r.events,
      cumulative: total > 0 ? Math.round((running / total) * 10000) / 10000 : 0,
    };
  });
}
