import type { TimeInterval } from "@clusterbrain/engine/schedule";

export const DAY_MIN = 1440;

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Minutes from the origin's midnight → wall clock "YYYY-MM-DDTHH:mm". */
export function wallClock(origin: string, minutes: number): string {
  return new Date(Date.parse(`${origin}T00:00:00Z`) + Math.round(minutes) * 60_000)
    .toISOString()
    .slice(0, 16);
}

/** Wall clock "YYYY-MM-DDTHH:mm" → minutes from the origin's midnight. */
export function minutesOf(origin: string, clock: string): number {
  return Math.round((Date.parse(`${clock}:00Z`) - Date.parse(`${origin}T00:00:00Z`)) / 60_000);
}

/** "08:00-16:00;16:00-24:00" → sorted minute ranges of a day (the contract checked the shape). */
export function parseShifts(shifts: string): [number, number][] {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return shifts
    .split(";")
    .map((part) => {
      const [a, b] = part.split("-");
      return [toMin(a), toMin(b)] as [number, number];
    })
    .sort((x, y) => x[0] - y[0]);
}

/** "1-5" or "1,3,5-6" → the weekdays worked. */
export function parseWorkdays(workdays: string): Set<number> {
  const out = new Set<number>();
  for (const part of workdays.split(",")) {
    const [a, b] = part.split("-").map(Number);
    for (let d = a; d <= (b ?? a); d++) out.add(d);
  }
  return out;
}

export interface MachineCalendar {
  shifts: string;
  workdays: string;
}

/**
 * Working windows of a machine over `days` days from the origin, merged across midnight: a date
 * marked holiday is off, one marked workday (调休) works its shifts even on a weekend.
 */
export function workingWindows(
  machine: MachineCalendar,
  exceptions: ReadonlyMap<string, "holiday" | "workday">,
  origin: string,
  days: number,
): TimeInterval[] {
  const shifts = parseShifts(machine.shifts);
  const weekdays = parseWorkdays(machine.workdays);
  const out: TimeInterval[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(origin, d);
    const exception = exceptions.get(date);
    const works = exception ? exception === "workday" : weekdays.has(weekday(date));
    if (!works) continue;
    for (const [a, b] of shifts) {
      const start = d * DAY_MIN + a;
      const end = d * DAY_MIN + b;
      const last = out[out.length - 1];
      if (last && last.end >= start) last.end = Math.max(last.end, end);
      else out.push({ start, end });
    }
  }
  return out;
}

/** The complement of sorted windows within [0, horizon): when the machine cannot work. */
export function downtimeOf(windows: readonly TimeInterval[], horizon: number): TimeInterval[] {
  const out: TimeInterval[] = [];
  let at = 0;
  for (const w of windows) {
    if (w.start > at) out.push({ start: at, end: Math.min(w.start, horizon) });
    at = Math.max(at, w.end);
    if (at >= horizon) break;
  }
  if (at < horizon) out.push({ start: at, end: horizon });
  return out.filter((iv) => iv.end > iv.start);
}

/** Sorted, merged union of downtime lists. */
export function mergeIntervals(list: readonly TimeInterval[]): TimeInterval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: TimeInterval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && last.end >= iv.start) last.end = Math.max(last.end, iv.end);
    else out.push({ ...iv });
  }
  return out;
}

/** Minutes of [from, to) not covered by the downtime. */
export function availableMinutes(downtime: readonly TimeInterval[], from: number, to: number): number {
  let busy = 0;
  for (const iv of downtime) busy += Math.max(0, Math.min(to, iv.end) - Math.max(from, iv.start));
  return Math.max(0, to - from - busy);
}
