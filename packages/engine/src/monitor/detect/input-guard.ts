import { MonitorError } from "../errors.ts";
import type { JsonValue, PointFlag } from "./detector.types.ts";

/**
 * Input policy in front of every model (documented in docs/monitoring.md):
 * - non-finite value or timestamp → score 0, flag "invalid", not learned;
 * - timestamp equal to the last accepted one → score 0, flag "duplicate", not learned (first wins);
 * - timestamp before the last accepted one → score 0, flag "out_of_order", not learned;
 * - interval more than `gapFactor` × the typical interval → learned normally, flagged "gap".
 * Nothing here throws on data; only a malformed snapshot is an error.
 */
export interface GuardState {
  lastTs: number | null;
  typicalDt: number | null;
  seen: number;
}

export class InputGuard {
  private state: GuardState;

  constructor(
    private readonly gapFactor = 5,
    state?: GuardState,
  ) {
    this.state = state ? { ...state } : { lastTs: null, typicalDt: null, seen: 0 };
  }

  /** Returns the flags for this point, or null when the point must reach the model. */
  check(timestamp: number, value: number): { accept: boolean; flags: PointFlag[] } {
    if (!Number.isFinite(timestamp) || !Number.isFinite(value)) return { accept: false, flags: ["invalid"] };
    const s = this.state;
    const flags: PointFlag[] = [];
    if (s.lastTs !== null) {
      if (timestamp === s.lastTs) return { accept: false, flags: ["duplicate"] };
      if (timestamp < s.lastTs) return { accept: false, flags: ["out_of_order"] };
      const dt = timestamp - s.lastTs;
      if (s.typicalDt !== null && dt > this.gapFactor * s.typicalDt) flags.push("gap");
      // Slow exponential tracking of the sampling interval; gaps do not distort it much.
      s.typicalDt =
        s.typicalDt === null ? dt : s.typicalDt + 0.05 * (Math.min(dt, 2 * s.typicalDt) - s.typicalDt);
    }
    s.lastTs = timestamp;
    s.seen++;
    return { accept: true, flags };
  }

  get guardState(): GuardState {
    return { ...this.state };
  }
}

export function readGuardState(v: JsonValue): GuardState {
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new MonitorError("BAD_SNAPSHOT", "guard state must be an object");
  }
  const num = (x: JsonValue | undefined): number | null => (typeof x === "number" ? x : null);
  return { lastTs: num(v.lastTs), typicalDt: num(v.typicalDt), seen: num(v.seen) ?? 0 };
}
