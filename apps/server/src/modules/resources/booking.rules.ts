import { ValidationError } from "../../errors/index.ts";
import { bookedHours } from "./resource.mappers.ts";
import type { ResourceView } from "./resource.repository.ts";

/** The cluster's clock: Asia/Shanghai, UTC+8, no daylight saving. */
const CLUSTER_OFFSET_MS = 8 * 3_600_000;

function clusterDayAndHour(at: Date): { day: string; hour: number } {
  const local = new Date(at.getTime() + CLUSTER_OFFSET_MS);
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60 + local.getUTCSeconds() / 3600;
  return { day: local.toISOString().slice(0, 10), hour };
}

/**
 * The listing's rules for a new booking (each refusal a 400 naming the field): in the future,
 * between its minimum and maximum length, and inside its opening hours on one cluster day — unless
 * it is open round the clock (0–24), when a booking may span days.
 */
export function checkBookingRules(
  resource: Pick<ResourceView, "minHours" | "maxHours" | "openHour" | "closeHour">,
  startsAt: Date,
  endsAt: Date,
  now: Date,
): void {
  if (startsAt.getTime() <= now.getTime()) throw ValidationError.field("startsAt", "must be in the future");
  const hours = bookedHours({ startsAt, endsAt });
  if (hours < resource.minHours)
    throw ValidationError.field("endsAt", `a booking lasts at least ${resource.minHours} h`);
  if (hours > resource.maxHours)
    throw ValidationError.field("endsAt", `a booking lasts at most ${resource.maxHours} h`);
  if (resource.openHour === 0 && resource.closeHour === 24) return;
  const start = clusterDayAndHour(startsAt);
  const end = clusterDayAndHour(new Date(endsAt.getTime() - 1));
  const endHour = end.hour + 1 / 3_600_000;
  if (start.day !== end.day || start.hour < resource.openHour || endHour > resource.closeHour + 1e-9)
    throw ValidationError.field(
      "startsAt",
      `must lie within the opening hours ${resource.openHour}:00–${resource.closeHour}:00 (UTC+8) of one day`,
    );
}

/**
 * Whether the requester may still cancel: a pending request any time before it starts; an approved
 * booking until `noticeHours` before it starts.
 */
export function requesterMayCancel(
  status: "pending" | "approved",
  startsAt: Date,
  noticeHours: number,
  now: Date,
): boolean {
  if (now.getTime() >= startsAt.getTime()) return false;
  if (status === "pending") return true;
  return startsAt.getTime() - now.getTime() >= noticeHours * 3_600_000;
}
