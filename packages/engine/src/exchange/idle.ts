import { ExchangeError } from "./exchange.errors.ts";

/** Half-open [start, end) in minutes of some origin. */
export interface Span {
  start: number;
  end: number;
}

export interface IdleMachineInput {
  /** What the machines are grouped by (the work centre). */
  group: string;
  /** Working windows from the machine's calendar. */
  windows: readonly Span[];
  /** Scheduled operations (with their setups) on the machine. */
  busy: readonly Span[];
}

export interface IdleGroup {
  group: string;
  machines: number;
  /** Per bucket: working minutes of the calendars and the part of them no operation uses. */
  buckets: { capacity: number; idle: number }[];
}

function merged(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function overlap(spans: readonly Span[], a: number, b: number): number {
  let sum = 0;
  for (const s of spans) sum += Math.max(0, Math.min(b, s.end) - Math.max(a, s.start));
  return sum;
}

/** Minutes of `windows` inside [a, b) that `busy` (merged) does not cover. */
function idleIn(windows: readonly Span[], busy: readonly Span[], a: number, b: number): number {
  let idle = 0;
  for (const w of windows) {
    const lo = Math.max(a, w.start);
    const hi = Math.min(b, w.end);
    if (hi <= lo) continue;
    idle += hi - lo - overlap(busy, lo, hi);
  }
  return idle;
}

/**
 * Idle machine time per group and bucket: the calendars' working minutes minus the minutes the
 * schedule uses (overlapping operations on one machine count once). Deterministic; groups sorted.
 */
export function idleCapacity(machines: readonly IdleMachineInput[], buckets: readonly Span[]): IdleGroup[] {
  buckets.forEach((b, i) => {
    if (!(Number.isFinite(b.start) && Number.isFinite(b.end)) || b.end <= b.start)
      throw new ExchangeError("INVALID_WINDOW", `bucket ${i} ends before it starts`, `buckets[${i}]`);
  });
  const groups = new Map<string, IdleGroup>();
  for (const m of machines) {
    const windows = merged(m.windows);
    const busy = merged(m.busy);
    let g = groups.get(m.group);
    if (!g) {
      g = { group: m.group, machines: 0, buckets: buckets.map(() => ({ capacity: 0, idle: 0 })) };
      groups.set(m.group, g);
    }
    g.machines++;
    buckets.forEach((b, i) => {
      const cell = g.buckets[i];
      cell.capacity += overlap(windows, b.start, b.end);
      cell.idle += idleIn(windows, busy, b.start, b.end);
    });
  }
  return [...groups.values()].sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
}
