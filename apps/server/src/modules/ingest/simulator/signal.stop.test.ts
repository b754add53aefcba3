import { describe, expect, it } from "vitest";
import { DeviceSignals } from "./signal.model.ts";

const TAGS = [
  { key: "state", dataType: "string" as const },
  { key: "state_reason", dataType: "string" as const },
  { key: "good_count", dataType: "number" as const },
];

describe("a simulator fault that stops the machine", () => {
  it("reports down with its reason, holds the counter, and runs again after the stop", () => {
    const t0 = 1_000_000;
    const s = new DeviceSignals(TAGS, 7, 0, t0);
    const at = (ts: number, dt: number) => Object.fromEntries(s.step(ts, dt).map((p) => [p.tag, p.value]));
    at(t0, 0);
    s.stopMachine(t0 + 1000, 60_000, "spindle_fault");
    const first = at(t0 + 1000, 1000);
    expect(first).toMatchObject({ state: "down", state_reason: "spindle_fault" });
    let last = first.good_count;
    for (let ts = t0 + 2000; ts < t0 + 61_000; ts += 1000) {
      const p = at(ts, 1000);
      expect(p.state).toBe("down");
      expect(p.good_count).toBe(last);
      last = p.good_count;
    }
    expect(at(t0 + 61_000, 1000)).toMatchObject({ state: "run", state_reason: "" });
    expect(s.stopLog).toEqual([{ startTs: t0 + 1000, endTs: t0 + 61_000, reason: "spindle_fault" }]);
  });
});
