import { describe, expect, it } from "vitest";
import { countDataPoints } from "../../shared/charts/chart-data.ts";
import { appendLive, formatValue, tagChartOption } from "./tag-chart.option.ts";

const labels = { value: "值", mean: "均值", min: "最小", max: "最大", low: "下限", high: "上限" };
const tag = { unit: "N", low: 1.8, high: 2.6, dataType: "number" as const };

describe("tag chart", () => {
  it("appends live points in time order, skipping ones already held, keeping the newest", () => {
    const held = [{ ts: "2026-12-07T10:00:01.000Z", value: 1 }];
    const next = appendLive(
      held,
      [
        { ts: "2026-12-07T10:00:03.000Z", value: 3 },
        { ts: "2026-12-07T10:00:01.000Z", value: 1 },
        { ts: "2026-12-07T10:00:02.000Z", value: 2 },
      ],
      2,
    );
    expect(next.map((p) => p.value)).toEqual([2, 3]);
  });

  it("draws live points as one line with the tag's limits, and rollups as mean, min and max", () => {
    const live = tagChartOption(
      tag,
      "live",
      { buckets: [], live: [{ ts: "2026-12-07T10:00:01Z", value: 2 }] },
      labels,
    );
    expect(countDataPoints(live)).toBe(1);
    const series = (live as { series: { markLine: { data: { yAxis: number }[] } }[] }).series;
    expect(series[0].markLine.data.map((d) => d.yAxis)).toEqual([1.8, 2.6]);
    const bucket = { ts: "2026-12-07T10:00:00Z", min: 1, max: 3, mean: 2, count: 4, last: 3 };
    const rolled = tagChartOption(tag, "1m", { buckets: [bucket, bucket], live: [] }, labels);
    expect(countDataPoints(rolled)).toBe(6);
    const booleans = tagChartOption(
      { ...tag, dataType: "boolean" },
      "raw",
      { buckets: [{ ...bucket, last: true }], live: [] },
      labels,
    );
    expect((booleans as { series: { data: unknown[][] }[] }).series[0].data).toEqual([
      ["2026-12-07T10:00:00Z", 1],
    ]);
  });

  it("keeps the limits inside the value axis and shows values to 4 significant digits", () => {
    const option = tagChartOption(tag, "live", { buckets: [], live: [] }, labels) as {
      yAxis: { min: (v: { min: number }) => number; max: (v: { max: number }) => number };
    };
    expect(option.yAxis.min({ min: 2.1 })).toBe(1.8);
    expect(option.yAxis.max({ max: 2.3 })).toBe(2.6);
    expect(option.yAxis.max({ max: 3 })).toBe(3);
    expect(formatValue(2.2687551215113064)).toBe("2.269");
    expect(formatValue(true)).toBe("true");
  });
});
