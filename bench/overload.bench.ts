// `npm run bench -- overload [--quick]`: the server in its own process with a 256 MB heap, driven
// open-loop first lightly (0.3× its sustainable rate) and then at 3× that rate. Reports whether
// the process stays up, its RSS over time, and p99 of the accepted requests beside the light run.

import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { DEFAULT_DEMO_SEED, generateDemoCluster } from "@clusterbrain/demo";
import { type LoadResult, runLoad } from "./api/load.ts";
import { machineInfo, writeResults } from "./lib/results.ts";
import { type OpenLoopResult, runOpenLoop } from "./overload/open-loop.ts";

const HEAP_MB = 256;
const here = dirname(fileURLToPath(import.meta.url));

interface Phase extends OpenLoopResult {
  name: string;
  rate: number;
  seconds: number;
  rssMb: { start: number; max: number; end: number; slopeMbPerMin: number };
  healthzMaxMs: number;
  aliveAfter: boolean;
}

async function startChild(
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", `--max-old-space-size=${HEAP_MB}`, join(here, "overload", "server.ts")],
    {
      env: {
        ...process.env,
        // One load generator stands in for many clients on one address: the per-IP and per-user
        // limits would otherwise answer most requests 429 and hide the shedding under test.
        RATE_LIMIT_PER_IP: "100000000",
        RATE_LIMIT_PER_USER: "100000000",
        NODE_ENV: "production",
        SESSION_SECRET: "bench-overload-secret-0123456789abcdef",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith("{")) return { child, url: (JSON.parse(line) as { url: string }).url };
  }
  throw new Error("server process ended before listening");
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 102.4) / 10;
}

/** Least-squares slope of RSS over the samples, in MB per minute. */
function slope(samples: { t: number; mb: number }[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n;
  const mm = samples.reduce((s, x) => s + x.mb, 0) / n;
  const num = samples.reduce((s, x) => s + (x.t - mt) * (x.mb - mm), 0);
  const den = samples.reduce((s, x) => s + (x.t - mt) ** 2, 0);
  return Math.round((num / den) * 60 * 10) / 10;
}

async function healthz(url: string): Promise<number> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await res.text();
    return res.ok ? performance.now() - t0 : 10_000;
  } catch {
    return 10_000;
  }
}

async function phase(
  name: string,
  child: ChildProcess,
  url: string,
  load: { paths: string[]; headers: Record<string, string>; rate: number; seconds: number },
): Promise<Phase> {
  const pid = child.pid ?? 0;
  const samples: { t: number; mb: number }[] = [];
  let healthzMaxMs = 0;
  const t0 = performance.now();
  const sampler = setInterval(() => {
    samples.push({ t: (performance.now() - t0) / 1000, mb: rssMb(pid) });
    void healthz(url).then((ms) => {
      healthzMaxMs = Math.max(healthzMaxMs, Math.round(ms));
    });
  }, 1000);
  const result = await runOpenLoop({ base: url, ...load, maxSockets: 512, timeoutMs: 10_000 });
  clearInterval(sampler);
  const mbs = samples.map((s) => s.mb);
  return {
    name,
    rate: load.rate,
    seconds: load.seconds,
    ...result,
    rssMb: {
      start: mbs[0] ?? Number.NaN,
      max: Math.max(...mbs),
      end: mbs[mbs.length - 1] ?? Number.NaN,
      // Over the second half: start-up growth (JIT, caches) is not a leak.
      slopeMbPerMin: slope(samples.slice(Math.floor(samples.length / 2))),
    },
    healthzMaxMs,
    aliveAfter: child.exitCode === null && (await healthz(url)) < 10_000,
  };
}

/** Signs in as the demo operator and lists 100 profile paths to request in rotation. */
async function prepare(url: string): Promise<{ paths: string[]; headers: Record<string, string> }> {
  const operator = generateDemoCluster(DEFAULT_DEMO_SEED).users.find((u) => u.persona === "operator");
  if (!operator) throw new Error("the demo cluster has no operator");
  // The first moments after start-up may still be shed: loading the demo blocked the event loop.
  let res: Response | undefined;
  for (let i = 0; i < 20 && (res === undefined || res.status === 503); i++) {
    if (res) await new Promise((resolve) => setTimeout(resolve, 500));
    res = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: operator.email, password: operator.password }),
    });
  }
  if (!res?.ok) throw new Error(`sign-in failed: ${res?.status} ${await res?.text()}`);
  const headers = { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] };
  const orgs = await fetch(`${url}/api/v1/orgs?pageSize=100&sort=name`, { headers });
  if (!orgs.ok) throw new Error(`org list failed: ${orgs.status} ${await orgs.text()}`);
  const ids = ((await orgs.json()) as { items: { id: string }[] }).items.map((o) => o.id);
  return { paths: ids.map((id) => `/api/v1/orgs/${encodeURIComponent(id)}`), headers };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  const seconds = quick ? 10 : 30;
  const loadBefore = loadavg()[0];

  // Sustainable rate: closed-loop throughput of the same server with shedding switched off, so
  // cheap 503s neither inflate the figure nor cut it short.
  const raw = await startChild({ OVERLOAD_EVENT_LOOP_DELAY_MS: "0", OVERLOAD_HEAP_PERCENT: "100" });
  let closed: LoadResult;
  try {
    const { paths, headers } = await prepare(raw.url);
    closed = await runLoad({
      base: raw.url,
      paths,
      headers,
      concurrency: 16,
      requests: quick ? 600 : 2000,
      warmup: 100,
    });
  } finally {
    await stop(raw.child);
  }
  const sustainable = closed.rps;
  console.log(
    `sustainable: ${sustainable} req/s (closed loop, 16 connections, p99 ${closed.p99} ms, errors ${closed.errors})`,
  );

  const { child, url } = await startChild();
  try {
    const { paths, headers } = await prepare(url);
    const phases: Phase[] = [];
    for (const [name, factor] of [
      ["unloaded (0.3×)", 0.3],
      ["overload (3×)", 3],
    ] as const) {
      const p = await phase(name, child, url, {
        paths,
        headers,
        rate: Math.round(sustainable * factor),
        seconds,
      });
      phases.push(p);
      console.log(
        `${name}: ${p.rate} req/s sent for ${p.seconds} s; accepted ${p.accepted.count} (p99 ${p.accepted.p99} ms), shed ${p.shed.count} (p99 ${p.shed.p99} ms), 429 ${p.rateLimited.count}, failed ${p.failed}; RSS ${p.rssMb.start}→${p.rssMb.max}→${p.rssMb.end} MB (${p.rssMb.slopeMbPerMin} MB/min); alive ${p.aliveAfter}`,
      );
    }
    const machine = { ...(await machineInfo()), loadavg1mBefore: loadBefore, loadavg1mAfter: loadavg()[0] };
    writeResults(
      quick ? "overload-quick" : "overload",
      { machine, heapMb: HEAP_MB, sustainable: closed, phases },
      markdown(machine, sustainable, closed.p99, phases),
    );
  } finally {
    await stop(child);
  }
}

export function markdown(
  machine: Record<string, string | number>,
  sustainable: number,
  closedP99: number,
  phases: Phase[],
): string {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return [
    "# Overload (`npm run bench -- overload`)",
    "",
    `The server runs in its own process with \`--max-old-space-size=${HEAP_MB}\` (memory:// PGlite with the demo cluster, production limits except the per-IP and per-user rate limits, raised because one load generator stands in for many clients). Load: \`GET /api/v1/orgs/:id\` over 100 orgs, signed in as the demo operator.`,
    `Sustainable rate = throughput of a closed loop with 16 connections against the same server started with shedding off: **${sustainable} req/s** (p99 ${closedP99} ms). Then the server is restarted with its production limits and each phase sends requests open-loop on a fixed schedule (up to 512 connections, 10 s timeout) at a multiple of that rate; latency counts from the send time, including waiting for a connection.`,
    `**Shared machine**: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.date}; other helpers' builds and tests ran at the same time (1-min load average ${r2(Number(machine.loadavg1mBefore))} before, ${r2(Number(machine.loadavg1mAfter))} after), and the load generator shares the cores with the server. Figures are indicative; rerun on a quiet machine for absolute numbers.`,
    "",
    "| phase | sent req/s | s | accepted (200) | accepted/s | accepted p50 ms | accepted p99 ms | accepted max ms | shed 503 | shed p99 ms | 429 | failed/timeouts | RSS start MB | RSS max MB | RSS end MB | RSS slope MB/min (2nd half) | /healthz max ms | alive after |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...phases.map(
      (p) =>
        `| ${p.name} | ${p.rate} | ${p.seconds} | ${p.accepted.count} | ${p.acceptedPerSecond} | ${p.accepted.p50} | ${p.accepted.p99} | ${p.accepted.max} | ${p.shed.count} | ${p.shed.count ? p.shed.p99 : "–"} | ${p.rateLimited.count} | ${p.failed} | ${p.rssMb.start} | ${p.rssMb.max} | ${p.rssMb.end} | ${p.rssMb.slopeMbPerMin} | ${p.healthzMaxMs} | ${p.aliveAfter ? "yes" : "**no**"} |`,
    ),
    "",
    `Every 503 carried \`Retry-After\` and the \`{"error":{"code":"OVERLOADED",…}}\` body: ${phases.every((p) => p.shedWellFormed) ? "yes" : "**no**"}.`,
    "",
    ...reading(phases),
    "",
  ].join("\n");
}

/** What the figures say, computed from them so the text cannot drift from the table. */
function reading(phases: Phase[]): string[] {
  const light = phases[0];
  const heavy = phases[phases.length - 1];
  if (!light || !heavy) return [];
  const rssChange = Math.round((heavy.rssMb.max - light.rssMb.start) * 10) / 10;
  const lines = [
    "## Reading",
    "",
    `- Process up after the overload phase: ${heavy.aliveAfter ? "yes" : "**no**"}; /healthz (never shed) answered within ${heavy.healthzMaxMs} ms at worst.`,
    `- RSS from the start of the light phase to the peak under overload: ${rssChange >= 0 ? "+" : ""}${rssChange} MB (${light.rssMb.start} → ${heavy.rssMb.max} MB); most of it is PGlite's WebAssembly memory, outside the 256 MB V8 heap.`,
    `- Accepted p99: ${light.accepted.p99} ms light vs ${heavy.accepted.p99} ms at 3× (${Math.round((heavy.accepted.p99 / light.accepted.p99) * 10) / 10}×); ${heavy.shed.count} of ${heavy.sent} requests were shed with 503, ${heavy.failed} failed or timed out.`,
  ];
  if (heavy.shed.count > 0 && heavy.shed.p99 > heavy.accepted.p99 / 2) {
    lines.push(
      `- Shed answers took about as long as accepted ones (p99 ${heavy.shed.p99} ms). A shed request does no work after the first hook, so that time was spent before the server (or the load generator, on the same cores) got to it at all: CPU starvation, which shedding cannot remove. This run's machine was saturated by other work (load average above), so the overload p99 here is not evidence of the bound; rerun on a quiet machine.`,
    );
  }
  return lines;
}
