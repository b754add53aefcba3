import type { SpcChart } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { spcChartOption, violatingPoints } from "./spc-chart.option.ts";

const labels = { value: "v", center: "c", limit: "l", zone: "z", violation: "x", spec: "s" };
const spc: SpcChart = {
  tagId: "t",
  tagKey: "width",
  unit: "mm",
  points: [5, 7, 5, 7, 20].map((value, i) => ({ ts: `2026-12-07T00:0${i}:00.000Z`, value })),
  baselinePoints: 4,
  limits: { center: 6, sigma: 1.77, lcl: 0.69, ucl: 11.31 },
  violations: [
    { index: 4, rule: 1 },
    { index: 4, rule: 2 },
  ],
  lsl: 0,
  usl: 12,
  capability: null,
};

describe("SPC chart option", () => {
  it("draws readings, centre, both limits, four zone lines, both spec limits and the violating point", () => {
    const o = spcChartOption(spc, labels) as { series: { name: string; data: [string, number][] }[] };
    const byName = (n: string) => o.series.filter((s) => s.name === n);
    expect(byName("v")[0].data).toHaveLength(5);
    expect(byName("c")[0].data.map((p) => p[1])).toEqual([6, 6]);
    expect(
      byName("l")
        .map((s) => s.data[0][1])
        .sort((a, b) => a - b),
    ).toEqual([0.69, 11.31]);
    expect(
      byName("z")
        .map((s) => s.data[0][1])
        .sort((a, b) => a - b),
    ).toEqual([6 - 3.54, 6 - 1.77, 6 + 1.77, 6 + 3.54]);
    expect(byName("s").map((s) => s.data[0][1])).toEqual([0, 12]);
    expect(byName("x")[0].data).toEqual([["2026-12-07T00:04:00.000Z", 20]]);
    expect(violatingPoints(spc)).toBe(1);
  });

  it("without limits (too few points) only the readings and spec limits are drawn", () => {
    const o = spcChartOption({ ...spc, limits: null, violations: [] }, labels) as {
      series: { name: string }[];
    };
    expect(o.series.map((s) => s.name)).toEqual(["v", "s", "s", "x"]);
  });
});
