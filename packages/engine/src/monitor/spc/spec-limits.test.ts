import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { checkSpecLimits } from "./spec-limits.ts";

describe("specification and rate-of-change limits", () => {
  const t = [0, 10, 20, 30, 40, 50];
  it("reports each value outside LSL/USL and each step faster than maxRate", () => {
    // Steps: +1, +9 (0.9/s > 0.5), −12 (1.2/s), +1, +2.
    const v = [5, 6, 15, 3, 4, 6];
    const out = checkSpecLimits(t, v, { lsl: 4, usl: 12, maxRate: 0.5 });
    expect(out).toEqual([
      { index: 2, kind: "above_usl", value: 15 },
      { index: 2, kind: "rate", value: 0.9 },
      { index: 3, kind: "below_lsl", value: 3 },
      { index: 3, kind: "rate", value: -1.2 },
    ]);
  });

  it("values exactly on a limit are inside it", () => {
    expect(checkSpecLimits([0, 1], [4, 12], { lsl: 4, usl: 12 })).toEqual([]);
  });

  it("skips NaN rows and out-of-order timestamps when computing rates", () => {
    const out = checkSpecLimits([0, 1, 2, 1, 3], [0, Number.NaN, 1, 100, 2], { maxRate: 1 });
    expect(out).toEqual([]);
  });

  it("rejects LSL ≥ USL and mismatched lengths", () => {
    expect(() => checkSpecLimits([0], [1], { lsl: 5, usl: 5 })).toThrow(MonitorError);
    expect(() => checkSpecLimits([0, 1], [1], {})).toThrow(/length/);
  });
});
