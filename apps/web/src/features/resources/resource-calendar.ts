import type { Calendar } from "@clusterbrain/contracts";

/** The cluster's clock (Asia/Shanghai, UTC+8, no daylight saving): calendars show cluster time. */
const OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of the cluster day `at` falls on. */
export function clusterDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant `hour`:00 of a cluster day (hour may be 24: the next midnight). */
export function clusterInstant(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + hour * HOUR_MS);
}

/** The cluster day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export type CellState = "free" | "mine" | "taken" | "pending" | "past";

export interface CalendarCell {
  hour: number;
  state: CellState;
}

export interface CalendarDay {
  day: string;
  cells: CalendarCell[];
}

/**
 * A week grid of the opening hours: each hour cell is free, past, or taken (by my org, by a
 * pending request, or by someone else). A slot that covers any part of an hour takes the hour.
 */
export function weekGrid(calendar: Calendar, monday: string, now: Date): CalendarDay[] {
  const slots = calendar.slots.map((s) => ({
    from: Date.parse(s.startsAt),
    to: Date.parse(s.endsAt),
    state: (s.mine ? "mine" : s.status === "pending" ? "pending" : "taken") as CellState,
  }));
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(monday, i);
    const cells: CalendarCell[] = [];
    for (let hour = calendar.openHour; hour < calendar.closeHour; hour++) {
      const from = clusterInstant(day, hour).getTime();
      const to = from + HOUR_MS;
      const slot = slots.find((s) => s.from < to && s.to > from);
      const state: CellState = slot ? slot.state : to <= now.getTime() ? "past" : "free";
      cells.push({ hour, state });
    }
    return { day, cells };
  });
}

/** The booking request for `day` from `startHour` to `endHour` (cluster time), as ISO with +08:00. */
export function slotTimes(
  day: string,
  startHour: number,
  endHour: number,
): { startsAt: string; endsAt: string } {
  const iso = (hour: number) => {
    if (hour === 24) return `${addDays(day, 1)}T00:00:00+08:00`;
    return `${day}T${String(hour).padStart(2, "0")}:00:00+08:00`;
  };
  return { startsAt: iso(startHour), endsAt: iso(endHour) };
}
