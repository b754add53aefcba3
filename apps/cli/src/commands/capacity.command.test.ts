import type { CapacityInput } from "@clusterbrain/engine/capacity";
import { balanceLoad } from "@clusterbrain/engine/capacity";
import { describe, expect, it } from "vitest";
import { exampleCapacity } from "../../../../bench/mrp/example-workbook.ts";
import { parseDown } from "./capacity.command.ts";

const input = exampleCapacity() as CapacityInput;

describe("clusterbrain capacity", () => {
  it("parses --down with 1-based periods, a single period, and period labels", () => {
    expect(parseDown("SMT-1:2-3", input)).toEqual({ resource: "SMT-1", from: 1, to: 2 });
    expect(parseDown("WAVE:4", input)).toEqual({ resource: "WAVE", from: 3, to: 3 });
    expect(parseDown("SMT-2:Tue 2-Wed 3", input)).toEqual({ resource: "SMT-2", from: 1, to: 2 });
    expect(() => parseDown("SMT-1:0-3", input)).toThrow(/not a period 1..10/);
    expect(() => parseDown("SMT-1", input)).toThrow(/RESOURCE:FROM-TO/);
  });

  it("levels the example SMT plan (work moves, overload disappears)", async () => {
    const zeroBased: CapacityInput = {
      ...input,
      orders: input.orders.map((o) => ({
        ...o,
        period: o.period - 1,
        earliest: (o.earliest ?? o.period) - 1,
        latest: (o.latest ?? o.period) - 1,
      })),
    };
    const result = await balanceLoad(zeroBased);
    expect(result.before.overloadHours).toBeGreaterThan(0);
    expect(result.after.overloadHours).toBeCloseTo(0, 6);
    expect(result.after.peakUtilisation).toBeLessThan(result.before.peakUtilisation);
  });
});
