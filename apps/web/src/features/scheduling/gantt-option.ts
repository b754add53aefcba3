import type { ScenarioDetail } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";

export type GanttView = "machine" | "order";
export type GanttZoom = "shift" | "day" | "week" | "month";
export const ZOOM_MINUTES: Record<GanttZoom, number> = { shift: 480, day: 1440, week: 10_080, month: 43_200 };

/**
 * At most this many rows are drawn at once; more (the order view of a big plan) get a vertical
 * slider. A chart one 28 px row per order grew to 14,000 px at 5,000 bars and ECharts repainted all
 * of it on every zoom step (frame p50 83 ms in bench/results/gantt.md).
 */
export const GANTT_MAX_ROWS = 30;

/** The chart's height in pixels for a number of rows. */
export function ganttHeight(rows: number): number {
  return Math.max(260, 60 + 28 * Math.min(rows, GANTT_MAX_ROWS));
}

/** One bar: [row, start, end, job, op, locked, affected]. */
export type BarDatum = [number, number, number, number, number, number, number];

/** Minutes from the scenario's origin → "MM-DD HH:mm" of the factory clock. */
export function clockLabel(origin: string, minutes: number, withYear = false): string {
  const iso = new Date(Date.parse(`${origin}T00:00:00Z`) + Math.round(minutes) * 60_000).toISOString();
  return `${iso.slice(withYear ? 0 : 5, 10)} ${iso.slice(11, 16)}`;
}

/** A distinct, stable colour per index (golden-angle hues). */
export function colour(i: number): string {
  return `hsl(${(i * 137.508) % 360} 62% 58%)`;
}

export function ganttBars(s: ScenarioDetail, view: GanttView): BarDatum[] {
  return s.operations.map((o) => [
    view === "machine" ? o.machine : o.job,
    o.start,
    o.end,
    o.job,
    o.op,
    o.locked ? 1 : 0,
    o.affected ? 1 : 0,
  ]);
}

interface RenderApi {
  value(i: number): number;
  coord(p: [number, number]): [number, number];
  size(p: [number, number]): [number, number];
}
interface RenderParams {
  coordSys: { x: number; y: number; width: number; height: number };
}

function clip(x: number, y: number, w: number, h: number, c: RenderParams["coordSys"]) {
  const x0 = Math.max(x, c.x);
  const x1 = Math.min(x + w, c.x + c.width);
  return x1 <= x0 ? null : { x: x0, y, width: x1 - x0, height: h };
}

/**
 * The Gantt as an ECharts custom series: rows are machines (or orders), x is minutes from the
 * origin; downtime is hatched grey behind the bars; `window` is the visible range (the zoom).
 */
export function ganttOption(
  s: ScenarioDetail,
  view: GanttView,
  window: [number, number],
  selected: string | null,
): EChartsCoreOption {
  const rows = view === "machine" ? s.machines.map((m) => m.code) : s.jobs.map((j) => j.orderNo);
  const bars = ganttBars(s, view);
  // Machine of each (job, op), looked up per bar on every redraw: a linear search here made the
  // order view quadratic (5,000 bars: frame p50 83 ms, max 500 ms while zooming; bench/results/gantt.md).
  const machineOf: number[][] = s.jobs.map(() => []);
  for (const o of s.operations) {
    const row = machineOf[o.job] ?? [];
    row[o.op] = o.machine;
    machineOf[o.job] = row;
  }
  const down: [number, number, number][] =
    view === "machine"
      ? s.downtime.flatMap((list, m) => list.map((iv) => [m, iv.start, iv.end] as [number, number, number]))
      : [];
  const rect =
    (fill: (api: RenderApi) => Record<string, unknown>, ratio: number) =>
    (params: RenderParams, api: RenderApi) => {
      const a = api.coord([api.value(1), api.value(0)]);
      const b = api.coord([api.value(2), api.value(0)]);
      const h = api.size([0, 1])[1] * ratio;
      const shape = clip(a[0], a[1] - h / 2, Math.max(1, b[0] - a[0]), h, params.coordSys);
      return shape ? { type: "rect", shape, style: fill(api) } : null;
    };
  const windowed = rows.length > GANTT_MAX_ROWS;
  return {
    animation: false,
    grid: { left: 110, right: windowed ? 50 : 20, top: 10, bottom: 60 },
    tooltip: {
      formatter: (p: { seriesIndex: number; value: BarDatum }) => {
        if (p.seriesIndex !== 1) return "";
        const [, start, end, job, op] = p.value;
        const j = s.jobs[job];
        return `${j.orderNo} · ${j.item} × ${j.quantity}<br/>${j.operations[op]?.seq} ${j.operations[op]?.name} · ${
          s.machines[machineOf[job]?.[op] ?? 0]?.code
        }<br/>${clockLabel(s.origin, start)} – ${clockLabel(s.origin, end)}`;
      },
    },
    xAxis: {
      type: "value",
      min: 0,
      max: Math.max(window[1], ...s.operations.map((o) => o.end + 60)),
      axisLabel: { formatter: (v: number) => clockLabel(s.origin, v), hideOverlap: true },
      splitLine: { lineStyle: { color: "#f0f0f0" } },
    },
    yAxis: { type: "category", data: rows, inverse: true, axisLabel: { width: 100, overflow: "truncate" } },
    dataZoom: [
      // The wheel zooms; panning is the slider's job: a press-and-move inside the grid drags a bar,
      // and the inside zoom's own pan would shift the axis under the pointer during that drag.
      {
        type: "inside",
        xAxisIndex: 0,
        filterMode: "weakFilter",
        startValue: window[0],
        endValue: window[1],
        moveOnMouseMove: false,
      },
      {
        type: "slider",
        xAxisIndex: 0,
        filterMode: "weakFilter",
        startValue: window[0],
        endValue: window[1],
        labelFormatter: (v: number) => clockLabel(s.origin, v),
      },
      // Rows beyond the window are filtered out, not drawn off-screen.
      ...(windowed
        ? [
            {
              type: "slider",
              yAxisIndex: 0,
              orient: "vertical",
              right: 8,
              width: 18,
              filterMode: "weakFilter",
              startValue: 0,
              endValue: GANTT_MAX_ROWS - 1,
              zoomLock: true,
              showDetail: false,
            },
          ]
        : []),
    ],
    series: [
      {
        type: "custom",
        silent: true,
        encode: { x: [1, 2], y: 0 },
        renderItem: rect(() => ({ fill: "#eeeeee" }), 1),
        data: down,
        z: 1,
      },
      {
        type: "custom",
        encode: { x: [1, 2], y: 0 },
        renderItem: rect((api) => {
          const key = `${api.value(3)}:${api.value(4)}`;
          return {
            fill: colour(view === "machine" ? api.value(3) : (machineOf[api.value(3)]?.[api.value(4)] ?? 0)),
            stroke: key === selected ? "#000" : api.value(6) ? "#cf1322" : "#555",
            lineWidth: key === selected || api.value(6) ? 2 : 0.5,
            lineDash: api.value(5) ? [4, 2] : undefined,
          };
        }, 0.64),
        data: bars,
        z: 2,
      },
    ],
  };
}

/** The visible window for a zoom level, from a start minute. */
export function zoomWindow(zoom: GanttZoom, from: number): [number, number] {
  const start = Math.max(0, Math.floor(from / 60) * 60);
  return [start, start + ZOOM_MINUTES[zoom]];
}

/** Where a drop lands: the row under the pointer (clamped) and the start snapped to 10 minutes. */
export function dropTarget(rows: number, row: number, minutes: number): { row: number; start: number } {
  return {
    row: Math.min(rows - 1, Math.max(0, Math.round(row))),
    start: Math.max(0, Math.round(minutes / 10) * 10),
  };
}

/**
 * The operation under a pointer, found from the scenario's own numbers: `row` is the (fractional)
 * row and `minute` the time under the pointer, `slack` minutes of tolerance either side (a few
 * pixels, so a bar a pixel wide can still be grabbed). Only the bar's band (0.64 of the row, as
 * drawn) counts. The Gantt uses this instead of ECharts' per-element hit test, which in Chromium
 * sometimes reported no element under a drawn bar, so a press never started a drag.
 */
export function barAt(
  s: ScenarioDetail,
  view: GanttView,
  row: number,
  minute: number,
  slack: number,
): { job: number; op: number } | null {
  const r = Math.round(row);
  if (Math.abs(row - r) > 0.32) return null;
  let best: { job: number; op: number } | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const o of s.operations) {
    if ((view === "machine" ? o.machine : o.job) !== r) continue;
    const distance = minute < o.start ? o.start - minute : minute > o.end ? minute - o.end : 0;
    if (distance <= slack && distance < bestDistance) {
      best = { job: o.job, op: o.op };
      bestDistance = distance;
    }
  }
  return best;
}
