import type { Schedule, ScheduleInstance } from "./types.ts";

export interface GanttOptions {
  title?: string;
  width?: number;
}

const ROW = 26;
const LEFT = 70;
const TOP = 40;

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

/** A distinct, stable colour per job (golden-angle hues). */
function jobColour(job: number): string {
  return `hsl(${(job * 137.508) % 360} 65% 62%)`;
}

/**
 * Self-contained HTML Gantt chart (inline SVG, no scripts or network): one row per machine,
 * one bar per operation coloured by job, hatched downtime, tooltips via SVG <title>.
 */
export function renderGanttHtml(
  instance: ScheduleInstance,
  schedule: Schedule,
  options: GanttOptions = {},
): string {
  const width = options.width ?? 1200;
  const horizon = Math.max(1, ...schedule.operations.map((o) => o.end));
  const plotW = width - LEFT - 20;
  const x = (t: number) => LEFT + (t / horizon) * plotW;
  const height = TOP + instance.machineCount * ROW + 40;
  const parts: string[] = [];
  for (let m = 0; m < instance.machineCount; m++) {
    const y = TOP + m * ROW;
    parts.push(`<text x="${LEFT - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">M${m}</text>`);
    parts.push(`<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${y + ROW}" y2="${y + ROW}" stroke="#eee"/>`);
    for (const iv of instance.unavailable?.[m] ?? []) {
      if (iv.start >= horizon) continue;
      const w = Math.max(1, x(Math.min(iv.end, horizon)) - x(iv.start));
      parts.push(
        `<rect x="${x(iv.start)}" y="${y + 2}" width="${w}" height="${ROW - 4}" fill="url(#down)"><title>downtime ${iv.start}–${iv.end}</title></rect>`,
      );
    }
  }
  for (const o of schedule.operations) {
    const y = TOP + o.machine * ROW;
    const w = Math.max(1, x(o.end) - x(o.start));
    const label =
      w > 22 ? `<text x="${x(o.start) + 3}" y="${y + ROW / 2 + 4}" class="l">${o.job}</text>` : "";
    parts.push(
      `<g><rect x="${x(o.start)}" y="${y + 3}" width="${w}" height="${ROW - 6}" rx="2" fill="${jobColour(o.job)}" stroke="#333" stroke-width="0.5"><title>job ${o.job} op ${o.op} · machine ${o.machine} · ${o.start}–${o.end}</title></rect>${label}</g>`,
    );
  }
  const ticks = 10;
  for (let i = 0; i <= ticks; i++) {
    const t = Math.round((horizon * i) / ticks);
    const y = TOP + instance.machineCount * ROW;
    parts.push(
      `<line x1="${x(t)}" x2="${x(t)}" y1="${TOP}" y2="${y + 4}" stroke="#ccc" stroke-dasharray="2 3"/>`,
    );
    parts.push(`<text x="${x(t)}" y="${y + 18}" text-anchor="middle">${t}</text>`);
  }
  const title = esc(options.title ?? instance.name ?? "schedule");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:16px}svg text{font-size:11px;fill:#222}svg text.l{font-size:10px}</style>
</head><body>
<h2>${title}</h2>
<p>makespan ${horizon} · ${instance.jobs.length} jobs · ${instance.machineCount} machines · ${schedule.operations.length} operations</p>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><pattern id="down" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3f3f3"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>
${parts.join("\n")}
</svg>
</body></html>
`;
}
