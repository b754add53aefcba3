import type { ScenarioDetail } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import {
  barAt,
  clockLabel,
  colour,
  dropTarget,
  GANTT_MAX_ROWS,
  ganttBars,
  ganttHeight,
  ganttOption,
  zoomWindow,
} from "./gantt-option.ts";

const scenario = {
  origin: "2026-12-07",
  machines: [
    { code: "M1", name: "M1", workCentre: "W" },
    { code: "M2", name: "M2", workCentre: "W" },
  ],
  jobs: [
    {
      orderNo: "MO-1",
      item: "A",
      quantity: 5,
      dueDate: "2026-12-08",
      due: 2880,
      priority: 1,
      family: "F",
      operations: [],
    },
  ],
  operations: [
    { job: 0, op: 0, machine: 1, start: 60, end: 120, setup: 0, locked: true, affected: false },
    { job: 0, op: 1, machine: 0, start: 130, end: 200, setup: 0, locked: false, affected: true },
  ],
  downtime: [[{ start: 0, end: 480 }], []],
} as unknown as ScenarioDetail;

describe("gantt option", () => {
  it("puts bars on machine rows or order rows, flags locked and affected", () => {
    expect(ganttBars(scenario, "machine")).toEqual([
      [1, 60, 120, 0, 0, 1, 0],
      [0, 130, 200, 0, 1, 0, 1],
    ]);
    expect(ganttBars(scenario, "order").map((b) => b[0])).toEqual([0, 0]);
    const option = ganttOption(scenario, "machine", [0, 480], null) as { series: { data: unknown[] }[] };
    expect(option.series[0].data).toHaveLength(1);
    expect(option.series[1].data).toHaveLength(2);
  });

  it("colours each order-view bar by its own operation's machine", () => {
    const option = ganttOption(scenario, "order", [0, 480], null) as {
      series: { data: number[][]; renderItem: (p: unknown, api: unknown) => { style: { fill: string } } }[];
    };
    const fills = option.series[1].data.map((d) => {
      const api = {
        value: (i: number) => d[i],
        coord: ([x, y]: [number, number]) => [x, y * 28],
        size: () => [0, 28],
      };
      return option.series[1].renderItem({ coordSys: { x: 0, y: 0, width: 480, height: 100 } }, api).style
        .fill;
    });
    expect(fills).toEqual([colour(1), colour(0)]);
  });

  it("labels minutes on the factory clock, zooms from shift to month, snaps drops", () => {
    expect(clockLabel("2026-12-07", 1440 + 90)).toBe("12-08 01:30");
    expect(zoomWindow("shift", 95)).toEqual([60, 540]);
    expect(zoomWindow("month", 0)).toEqual([0, 43_200]);
    expect(dropTarget(2, 3.4, 127)).toEqual({ row: 1, start: 130 });
  });

  it("finds the bar under a pointer by row and minute, with a few minutes of slack for thin bars", () => {
    expect(barAt(scenario, "machine", 1, 90, 0)).toEqual({ job: 0, op: 0 });
    expect(barAt(scenario, "machine", 0.2, 125, 6)).toEqual({ job: 0, op: 1 });
    // Between the rows' bands, beyond the slack, or on another row: nothing.
    expect(barAt(scenario, "machine", 0.5, 150, 0)).toBeNull();
    expect(barAt(scenario, "machine", 0, 125, 2)).toBeNull();
    expect(barAt(scenario, "machine", 1, 150, 0)).toBeNull();
    // The order view: rows are jobs, the nearer of two bars wins.
    expect(barAt(scenario, "order", 0, 124, 10)).toEqual({ job: 0, op: 0 });
    expect(barAt(scenario, "order", 0, 127, 10)).toEqual({ job: 0, op: 1 });
  });

  it("windows the rows of a big order view behind a vertical slider and caps the chart's height", () => {
    const many = {
      ...scenario,
      jobs: Array.from({ length: 200 }, (_, i) => ({ ...scenario.jobs[0], orderNo: `MO-${i}` })),
    } as ScenarioDetail;
    const zooms = (s: ScenarioDetail, view: "machine" | "order") =>
      (ganttOption(s, view, [0, 480], null) as { dataZoom: { yAxisIndex?: number; endValue: number }[] })
        .dataZoom;
    expect(zooms(many, "order").filter((z) => z.yAxisIndex === 0)).toEqual([
      expect.objectContaining({ endValue: GANTT_MAX_ROWS - 1 }),
    ]);
    expect(zooms(scenario, "order").filter((z) => z.yAxisIndex === 0)).toEqual([]);
    expect(ganttHeight(200)).toBe(ganttHeight(GANTT_MAX_ROWS));
    expect(ganttHeight(2)).toBe(260);
  });
});
