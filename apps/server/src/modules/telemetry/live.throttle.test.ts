import type { LiveEvent } from "@clusterbrain/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import { LiveHub } from "../live/live.hub.ts";
import { LIVE_MAX_POINTS, LivePointThrottle } from "./live.throttle.ts";

const actor: Actor = {
  userId: "u",
  email: "u@a.test",
  displayName: "u",
  orgId: "org-a",
  orgKind: "enterprise",
  role: "viewer",
  via: "session",
  credentialId: "s",
};
const row = (tagId: string, ts: number, num: number) => ({ tagId, ts, num, bool: null, str: null });

describe("live point throttle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends at most one event per tag per interval, with the newest points in time order", () => {
    vi.useFakeTimers();
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    hub.subscribe(
      actor,
      { deliver: (e) => got.push(e), end: () => undefined },
      { telemetryTags: new Set(["t1", "t2"]) },
    );
    const throttle = new LivePointThrottle(hub, 250);
    // 1,000 points/s for one second on t1, 10 on t2
    for (let i = 0; i < 1000; i++) {
      throttle.push("org-a", "d1", [row("t1", 1_000 + i, i)]);
      if (i % 100 === 0) throttle.push("org-a", "d1", [row("t2", 1_000 + i, i)]);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(250);
    const t1 = got.filter((e) => e.topic === "telemetry" && e.tagId === "t1");
    const t2 = got.filter((e) => e.topic === "telemetry" && e.tagId === "t2");
    // ~1.25 s of pushes at 250 ms per flush: 4 or 5 events per tag, never one per point
    expect(t1.length).toBeGreaterThanOrEqual(4);
    expect(t1.length).toBeLessThanOrEqual(5);
    expect(t2.length).toBeLessThanOrEqual(5);
    for (const e of t1) {
      if (e.topic !== "telemetry") continue;
      expect(e.points.length).toBeLessThanOrEqual(LIVE_MAX_POINTS);
      const ts = e.points.map((p) => Date.parse(p.ts));
      expect(ts).toEqual([...ts].sort((a, b) => a - b));
    }
    const last = t1.at(-1);
    expect(last?.topic === "telemetry" && last.points.at(-1)?.value).toBe(999);
    throttle.stop();
  });

  it("buffers nothing while no screen listens", () => {
    const hub = new LiveHub();
    const throttle = new LivePointThrottle(hub, 250);
    throttle.push("org-a", "d1", [row("t1", 1, 1)]);
    const got: LiveEvent[] = [];
    hub.subscribe(
      actor,
      { deliver: (e) => got.push(e), end: () => undefined },
      { telemetryTags: new Set(["t1"]) },
    );
    throttle.flush();
    expect(got).toEqual([]);
  });
});
