/** What the bench page exposes as `window.gantt`. */
export interface GanttProbe {
  /** performance.now() when React was asked to render the Gantt. */
  startedAt: number;
  /** performance.now() when the Gantt reported data-rendered="true" (ECharts' `finished`). */
  renderedAt: number | null;
  /** The last bar's end (minutes from origin). */
  planEnd: number;
}

const WEEK = 10_080;

/**
 * The scripted sweep: pan a one-week window across the whole plan in 120 frames (scrolling), then
 * zoom around the middle from one shift out to a month and back in 60 frames (log steps).
 */
export function sweepSteps(planEnd: number): [number, number][] {
  const steps: [number, number][] = [];
  const span = Math.max(0, planEnd - WEEK);
  for (let i = 0; i <= 120; i++) {
    const a = (span * i) / 120;
    steps.push([a, a + WEEK]);
  }
  const mid = planEnd / 2;
  const widths: number[] = [];
  for (let i = 0; i <= 30; i++) widths.push(480 * (43_200 / 480) ** (i / 30));
  for (const w of [...widths, ...widths.slice().reverse()])
    steps.push([Math.max(0, mid - w / 2), mid + w / 2]);
  return steps;
}

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of frames longer than 50 ms (a dropped interaction, in RAIL terms). */
  over50Pct: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function frameStats(deltas: number[]): FrameStats {
  const s = deltas.slice().sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return {
    frames: s.length,
    p50: r1(at(0.5)),
    p95: r1(at(0.95)),
    max: r1(s[s.length - 1] ?? 0),
    over50Pct: r1((100 * s.filter((d) => d > 50).length) / Math.max(1, s.length)),
  };
}
