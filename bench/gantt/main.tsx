// The bench page: the real GanttChart of the scheduling screen, fed a synthetic plan of `?bars=N`
// in the `?view=` the planner picks, at the screen's default zoom (one week from the origin).
import { createRoot } from "react-dom/client";
import { GanttChart } from "../../apps/web/src/features/scheduling/gantt.component.tsx";
import { type GanttView, zoomWindow } from "../../apps/web/src/features/scheduling/gantt-option.ts";
import { echarts } from "../../apps/web/src/shared/charts/echarts.setup.ts";
import { benchScenario } from "./scenario.ts";
import type { GanttProbe } from "./sweep.ts";

const q = new URLSearchParams(location.search);
const bars = Number(q.get("bars") ?? 5000);
const view: GanttView = q.get("view") === "order" ? "order" : "machine";
const scenario = benchScenario(bars, 20, 7);
const planEnd = Math.max(...scenario.operations.map((o) => o.end));
const win = zoomWindow("week", 0);

const probe: GanttProbe = { startedAt: 0, renderedAt: null, planEnd };
(window as unknown as { gantt: GanttProbe }).gantt = probe;
new MutationObserver((_, obs) => {
  if (document.querySelector('[data-testid="gantt"][data-rendered="true"]')) {
    probe.renderedAt = performance.now();
    obs.disconnect();
  }
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-rendered"] });

/**
 * Plays `steps` (dataZoom windows, one per animation frame, the way a planner's wheel/drag moves
 * the Gantt's inside zoom) and resolves with the requestAnimationFrame deltas in ms.
 */
function sweep(steps: [number, number][]): Promise<number[]> {
  const dom = document.querySelector<HTMLElement>('[data-testid="gantt"] .echarts-for-react');
  const chart = dom ? echarts.getInstanceByDom(dom) : undefined;
  if (!chart) return Promise.reject(new Error("no chart"));
  const deltas: number[] = [];
  return new Promise((done) => {
    let i = 0;
    let last = 0;
    const frame = (t: number) => {
      if (last) deltas.push(t - last);
      last = t;
      if (i === steps.length) {
        done(deltas);
        return;
      }
      const [a, b] = steps[i++];
      chart.dispatchAction({ type: "dataZoom", dataZoomIndex: 0, startValue: a, endValue: b });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
(window as unknown as { ganttSweep: typeof sweep }).ganttSweep = sweep;

const root = document.getElementById("root");
if (root) {
  probe.startedAt = performance.now();
  createRoot(root).render(
    <GanttChart
      scenario={scenario}
      view={view}
      window={win}
      selected={null}
      onSelect={() => undefined}
      onDrop={() => undefined}
    />,
  );
}
