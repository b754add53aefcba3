import type { TelemetryLiveEvent, TelemetryValue } from "@clusterbrain/contracts";
import type { LiveHub } from "../live/live.hub.ts";
import type { PointRow } from "./point.repository.ts";

/** A screen gets at most one event per tag per interval: 4 per second. */
export const LIVE_INTERVAL_MS = 250;
/** Most points one coalesced event carries (the newest). */
export const LIVE_MAX_POINTS = 50;

interface Pending {
  orgId: string;
  deviceId: string;
  tagId: string;
  points: { ts: number; value: TelemetryValue }[];
}

export function pointValue(row: PointRow): TelemetryValue {
  return row.num ?? row.bool ?? row.str ?? 0;
}

/**
 * Coalesces stored points into live events: per tag, everything stored within one interval goes
 * out as one event (newest LIVE_MAX_POINTS), so a fast device cannot flood a screen. Nothing is
 * buffered while no one listens.
 */
export class LivePointThrottle {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: LiveHub,
    private readonly intervalMs = LIVE_INTERVAL_MS,
  ) {}

  push(orgId: string, deviceId: string, rows: readonly PointRow[]): void {
    if (rows.length === 0 || this.hub.subscriberCount === 0) return;
    for (const row of rows) {
      const key = `${orgId}\u0000${row.tagId}`;
      let p = this.pending.get(key);
      if (!p) {
        p = { orgId, deviceId, tagId: row.tagId, points: [] };
        this.pending.set(key, p);
      }
      p.points.push({ ts: row.ts, value: pointValue(row) });
      if (p.points.length > LIVE_MAX_POINTS * 2) p.points.splice(0, p.points.length - LIVE_MAX_POINTS);
    }
    if (!this.timer) {
      this.timer = setInterval(() => this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Publishes one event per tag with what arrived since the last flush. */
  flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) {
      this.stop();
      return;
    }
    for (const p of batch.values()) {
      const points = p.points
        .sort((a, b) => a.ts - b.ts)
        .slice(-LIVE_MAX_POINTS)
        .map((x) => ({ ts: new Date(x.ts).toISOString(), value: x.value }));
      const event: TelemetryLiveEvent = { topic: "telemetry", deviceId: p.deviceId, tagId: p.tagId, points };
      this.hub.publish({ orgId: p.orgId }, event);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
