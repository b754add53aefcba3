// The scheduling Gantt in Chromium: the real GanttChart (apps/web/src/features/scheduling) built by
// Vite into a static page (bench/gantt/), fed 500 / 2,000 / 5,000 synthetic bars; time until the
// chart reports rendered, then rAF frame times over a scripted dataZoom pan + zoom sweep.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { GANTT_MAX_ROWS } from "../apps/web/src/features/scheduling/gantt-option.ts";
import { chromiumBrowser, launchChromium } from "../e2e/harness/browser.harness.ts";
import { type FrameStats, frameStats, type GanttProbe, sweepSteps } from "./gantt/sweep.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const PAGE_ROOT = resolve(import.meta.dirname, "gantt");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

async function buildPage(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "clusterbrain-gantt-bench-"));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production"; // React's production build, as users get it
  try {
    await build({
      root: PAGE_ROOT,
      configFile: false,
      mode: "production",
      logLevel: "warn",
      plugins: [react()],
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = join(dir, path === "/" ? "index.html" : path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      console.error(`404 ${path}`);
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}/` });
    }),
  );
}

interface Row extends FrameStats {
  bars: number;
  view: string;
  /** Navigation start → chart reported rendered (includes loading and parsing the bundle). */
  firstPaintMs: number;
  /** React render call → chart reported rendered. */
  renderMs: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Side by side with bench/results/gantt-before-windowing.json: the run of commit 94ba533 (the order
 * view's machine index already in), before the chart capped its height and windowed its rows.
 */
function beforeWindowing(rows: Row[]): string {
  const file = join(import.meta.dirname, "results", "gantt-before-windowing.json");
  if (!existsSync(file)) return "";
  const old = (JSON.parse(readFileSync(file, "utf8")) as { rows: Row[] }).rows;
  const lines = rows.flatMap((r) => {
    const o = old.find((x) => x.view === r.view && x.bars === r.bars);
    if (!o) return [];
    const f = (x: Row) => `${x.p50} / ${x.p95} / ${x.max} ms, ${x.over50Pct} %`;
    return [`| ${r.view} | ${r.bars} | ${o.renderMs} → ${r.renderMs} ms | ${f(o)} | ${f(r)} |`];
  });
  return `
Before → after windowing the rows. The order view drew one 28 px row per order, so 5,000 bars
(500 orders) made a 1280 × 14,060 px chart that ECharts cleared and repainted whole on every
dataZoom step (an earlier fix of a quadratic lookup, bench/results/gantt-before-fix.{md,json}, did
not move its frame times). Now at most ${GANTT_MAX_ROWS} rows are drawn, the rest behind a vertical
slider (rows outside are filtered, not drawn off-screen). "Before" is
bench/results/gantt-before-windowing.{md,json}, an earlier run of the same bench on the same shared
machine (other jobs were running in both; differences of a few ms are noise).

| view | bars | render | frames before (p50 / p95 / max, > 50 ms) | frames after |
|---|---:|---:|---|---|
${lines.join("\n")}
`;
}

export async function run(args: string[]): Promise<void> {
  const sizes = args.includes("--quick") ? [500] : [500, 2000, 5000];
  const views = ["machine", "order"];
  const dir = await buildPage();
  const { server, url } = await serve(dir);
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    for (const view of views) {
      for (const bars of sizes) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
        page.on("console", (m) => m.type() === "error" && console.error(`console: ${m.text()}`));
        await page.goto(`${url}?bars=${bars}&view=${view}`);
        await page.waitForSelector('[data-testid="gantt"][data-rendered="true"]', {
          state: "attached",
          timeout: 120_000,
        });
        const probe = await page.evaluate(() => (window as unknown as { gantt: GanttProbe }).gantt);
        const steps = sweepSteps(probe.planEnd);
        const deltas = await page.evaluate(
          (s) =>
            (window as unknown as { ganttSweep: (x: [number, number][]) => Promise<number[]> }).ganttSweep(s),
          steps,
        );
        const row: Row = {
          bars,
          view,
          firstPaintMs: r1(probe.renderedAt ?? Number.NaN),
          renderMs: r1((probe.renderedAt ?? Number.NaN) - probe.startedAt),
          ...frameStats(deltas),
        };
        console.log(JSON.stringify(row));
        rows.push(row);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
  const machine = await machineInfo();
  const before = beforeWindowing(rows);
  const chromium = await chromiumBrowser();
  const table = rows
    .map(
      (r) =>
        `| ${r.view} | ${r.bars} | ${r.firstPaintMs} ms | ${r.renderMs} ms | ${r.p50} | ${r.p95} | ${r.max} | ${r.over50Pct} % |`,
    )
    .join("\n");
  writeResults(
    "gantt",
    { machine, chromium: chromium.version, shared: true, rows },
    `# Gantt in Chromium

\`npm run bench -- gantt\` — the real \`GanttChart\` of the scheduling screen (ECharts custom series,
\`apps/web/src/features/scheduling\`) built by Vite into a static page (\`bench/gantt/\`), fed a seeded
synthetic plan (bars/10 orders × 10 operations on 20 machines, nightly downtime), 1280×800 viewport,
default zoom (one week). **First paint**: navigation start → the chart reports \`data-rendered\`
(ECharts \`finished\`); **render**: React render call → same. **Frames**: requestAnimationFrame deltas
while a script moves the dataZoom one step per frame: a one-week window panned across the whole plan
(120 frames), then zoomed from one shift to a month and back (62 frames).
Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${chromium.version} (headless,
software rendering). **The machine was shared** with CI and other engineers' jobs during the run, so
the figures are upper bounds of what a planner's desktop shows.

| view | bars | first paint | render | frame p50 (ms) | p95 | max | frames > 50 ms |
|---|---:|---:|---:|---:|---:|---:|---:|
${table}
${before}`,
  );
}
