import type { ScenarioDetail } from "@clusterbrain/contracts";
import type { EChartsType } from "echarts/core";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useMemo, useRef, useState } from "react";
import { CHART_FONT } from "../../shared/charts/chart.component.tsx";
import { echarts } from "../../shared/charts/echarts.setup.ts";
import { barAt, dropTarget, type GanttView, ganttHeight, ganttOption } from "./gantt-option.ts";

interface GanttProps {
  scenario: ScenarioDetail;
  view: GanttView;
  window: [number, number];
  selected: string | null;
  onSelect: (key: string) => void;
  onDrop: (job: number, op: number, machine: number, start: number) => void;
}

interface Drag {
  job: number;
  op: number;
  start: number;
  machine: number;
  x: number;
  y: number;
  minute: number;
}

interface ZrEvent {
  offsetX: number;
  offsetY: number;
}

/**
 * The interactive Gantt: press on a bar and release elsewhere to move it (the row under the pointer
 * becomes its machine in the machine view; the time moves by the drag distance); a dashed copy of
 * the bar follows the pointer until release, and the bar itself only moves once the server has
 * accepted the move. A press without movement selects. `data-probe` is the pixel centre of the plan's last bar, so browser tests can
 * drag without reaching into ECharts.
 */
export function GanttChart({ scenario, view, window, selected, onSelect, onDrop }: GanttProps) {
  const chart = useRef<EChartsType | null>(null);
  const drag = useRef<Drag | null>(null);
  const [probe, setProbe] = useState("");
  const [rendered, setRendered] = useState(false);
  const option = useMemo(
    () => ({ textStyle: { fontFamily: CHART_FONT }, ...ganttOption(scenario, view, window, selected) }),
    [scenario, view, window, selected],
  );
  const last = useMemo(
    () =>
      scenario.operations.reduce<(typeof scenario.operations)[number] | null>(
        (a, b) => (!a || b.end > a.end ? b : a),
        null,
      ),
    [scenario],
  );
  const handlers = useRef({ scenario, onSelect, onDrop, view, rows: 0 });
  handlers.current = {
    scenario,
    onSelect,
    onDrop,
    view,
    rows: view === "machine" ? scenario.machines.length : scenario.jobs.length,
  };

  const events = useMemo(
    () => ({
      finished: () => {
        setRendered(true);
        if (!chart.current || !last) return;
        const row = view === "machine" ? last.machine : last.job;
        const [x, y] = chart.current.convertToPixel({ gridIndex: 0 }, [
          (last.start + last.end) / 2,
          row,
        ]) as number[];
        setProbe(`${Math.round(x)},${Math.round(y)}`);
      },
    }),
    [last, view],
  );

  const onFinished = useRef(events.finished);
  onFinished.current = events.finished;

  const ready = (instance: EChartsType) => {
    chart.current = instance;
    // echarts-for-react binds `onEvents` only after its first setOption, which renders synchronously:
    // that first `finished` is lost, so a chart whose option never changes afterwards would stay
    // data-rendered="false" (the bench page showed it). The chart is drawn by now; report it.
    onFinished.current();
    // Press, move and release are the Gantt's own handlers on the zrender layer: the bar under the
    // pointer comes from the scenario's numbers (barAt), not from ECharts' element hit test, which
    // in Chromium sometimes found no element under a drawn bar (its series `mousedown` never came).
    const zr = instance.getZr();
    let ghost: InstanceType<typeof echarts.graphic.Rect> | null = null;
    const clearGhost = () => {
      if (ghost) zr.remove(ghost);
      ghost = null;
    };
    zr.on("mousedown", (raw: unknown) => {
      const e = raw as ZrEvent;
      drag.current = null;
      clearGhost();
      if (!instance.containPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY])) return;
      const h = handlers.current;
      const [minute, row] = instance.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as number[];
      const [perPixel] = instance.convertFromPixel({ gridIndex: 0 }, [e.offsetX + 1, e.offsetY]) as number[];
      // The category axis answers whole rows: place the pointer inside its row from the pixel centre.
      const [, centre] = instance.convertToPixel({ gridIndex: 0 }, [minute, Math.round(row)]) as number[];
      const [, next] = instance.convertToPixel({ gridIndex: 0 }, [minute, Math.round(row) + 1]) as number[];
      const band = Math.abs(next - centre) || 1;
      const exactRow = Math.round(row) + (e.offsetY - centre) / band;
      const hit = barAt(h.scenario, h.view, exactRow, minute, 3 * Math.abs(perPixel - minute));
      if (!hit) return;
      const o = h.scenario.operations.find((x) => x.job === hit.job && x.op === hit.op);
      if (!o) return;
      drag.current = {
        job: o.job,
        op: o.op,
        start: o.start,
        machine: o.machine,
        x: e.offsetX,
        y: e.offsetY,
        minute,
      };
      const [x0] = instance.convertToPixel({ gridIndex: 0 }, [o.start, Math.round(row)]) as number[];
      const [x1] = instance.convertToPixel({ gridIndex: 0 }, [o.end, Math.round(row)]) as number[];
      ghost = new echarts.graphic.Rect({
        shape: { x: x0, y: centre - band * 0.32, width: Math.max(2, x1 - x0), height: band * 0.64 },
        style: { fill: "rgba(22, 119, 255, 0.25)", stroke: "#1677ff", lineWidth: 1, lineDash: [4, 2] },
        silent: true,
        invisible: true,
        z: 100,
      });
      zr.add(ghost);
    });
    zr.on("mousemove", (raw: unknown) => {
      const e = raw as ZrEvent;
      const d = drag.current;
      if (!d || !ghost) return;
      ghost.attr({ x: e.offsetX - d.x, y: e.offsetY - d.y, invisible: false });
    });
    zr.on("mouseup", (raw: unknown) => {
      const e = raw as ZrEvent;
      const d = drag.current;
      drag.current = null;
      clearGhost();
      if (!d) return;
      const h = handlers.current;
      if (Math.abs(e.offsetX - d.x) < 4 && Math.abs(e.offsetY - d.y) < 4) {
        h.onSelect(`${d.job}:${d.op}`);
        return;
      }
      const [minute, row] = instance.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as number[];
      const target = dropTarget(h.rows, row, d.start + (minute - d.minute));
      h.onDrop(d.job, d.op, h.view === "machine" ? target.row : d.machine, target.start);
    });
    // A release outside the chart ends the drag without a move.
    zr.on("globalout", () => {
      drag.current = null;
      clearGhost();
    });
  };

  return (
    <div
      data-testid="gantt"
      data-points={scenario.operations.length}
      data-rendered={rendered ? "true" : "false"}
      data-probe={probe}
      data-probe-key={last ? `${last.job}:${last.op}` : ""}
      style={{ userSelect: "none" }}
    >
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: ganttHeight(handlers.current.rows), width: "100%" }}
        onEvents={events}
        onChartReady={ready}
      />
    </div>
  );
}
