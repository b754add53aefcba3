import type { OeePeriodRow } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { paretoOption, trendOption } from "./oee-chart.option.ts";

const losses = {
  breakdowns: 0,
  setupAdjustments: 0,
  smallStops: 0,
  reducedSpeed: 0,
  startupRejects: 0,
  productionRejects: 0,
  unaccounted: 0,
};
const period = (oee: number | null): OeePeriodRow => ({
  start: "2026-12-07T00:00:00.000Z",
  end: "2026-12-07T12:00:00.000Z",
  shift: "day",
  plannedMinutes: 720,
  runMinutes: 600,
  totalCount: 10,
  goodCount: 9,
  availability: 0.8333,
  performance: oee === null ? null : 0.9,
  quality: 0.9,
  oee,
  losses,
});

describe("OEE chart options", () => {
  it("draws the trend in percent, leaving a gap where a figure is undefined", () => {
    const o = trendOption([period(0.675), period(null)], {
      oee: "OEE",
      availability: "A",
      performance: "P",
      quality: "Q",
      period: (p) => p.shift ?? "",
    }) as { series: { name: string; data: (number | null)[] }[] };
    expect(o.series[0]).toMatchObject({ name: "OEE", data: [67.5, null] });
    expect(o.series[1].data).toEqual([83.3, 83.3]);
  });

  it("draws the Pareto as bars with the cumulative share in percent", () => {
    const o = paretoOption(
      [
        { state: "down", reason: "jam", minutes: 20, events: 1, cumulative: 0.6667 },
        { state: "idle", reason: "waiting", minutes: 10, events: 2, cumulative: 1 },
      ],
      { minutes: "min", cumulative: "cum", reason: (r) => r.reason },
    ) as { series: { data: number[] }[]; xAxis: { data: string[] } };
    expect(o.xAxis.data).toEqual(["jam", "waiting"]);
    expect(o.series[0].data).toEqual([20, 10]);
    expect(o.series[1].data).toEqual([66.7, 100]);
  });
});
