import type { ScenarioDetail } from "@clusterbrain/contracts";
import type { EChartsType } from "echarts/core";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useMemo, useRef, useState } from "react";
import { CHART_FONT } from "../../shared/charts/chart.component.tsx";
import { echarts } from "../../shared/charts/echarts.setup.ts";
import { type BarDatum, dropTarget, type GanttView, ganttOption } from "./gantt-option.ts";

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
 * becomes its machine in the machine view; the time moves by the drag distance). A press without
 * movement selects. `data-probe` is the pixel centre of the plan's last bar, so browser tests can
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
  const handlers = useRef({ onSelect, onDrop, view, rows: 0 });
  handlers.current = {
    onSelect,
    onDrop,
    view,
    rows: view === "machine" ? scenario.machines.length : scenario.jobs.length,
  };

  const events = useMemo(
    () => ({
      mousedown: (e: {
        seriesIndex?: number;
        value?: BarDatum;
        event?: { offsetX: number; offsetY: number };
      }) => {
        if (e.seriesIndex !== 1 || !e.value || !e.event || !chart.current) return;
        const [, start, , job, op] = e.value;
        const at = chart.current.convertFromPixel({ gridIndex: 0 }, [
          e.event.offsetX,
          e.event.offsetY,
        ]) as number[];
        const machine = scenario.operations.find((o) => o.job === job && o.op === op)?.machine ?? 0;
        drag.current = { job, op, start, machine, x: e.event.offsetX, y: e.event.offsetY, minute: at[0] };
      },
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
    [scenario, last, view],
  );

  const onFinished = useRef(events.finished);
  onFinished.current = events.finished;

  const ready = (instance: EChartsType) => {
    chart.current = instance;
    // echarts-for-react binds `onEvents` only after its first setOption, which renders synchronously:
    // that first `finished` is lost, so a chart whose option never changes afterwards would stay
    // data-rendered="false" (the bench page showed it). The chart is drawn by now; report it.
    onFinished.current();
    instance.getZr().on("mouseup", (raw: unknown) => {
      const e = raw as ZrEvent;
      const d = drag.current;
      drag.current = null;
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
        style={{ height: Math.max(260, 60 + 28 * handlers.current.rows), width: "100%" }}
        onEvents={events}
        onChartReady={ready}
      />
    </div>
  );
}
