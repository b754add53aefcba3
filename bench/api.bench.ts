// `npm run bench -- api [--quick] [--pg postgres://…]`: p50/p95/p99 of search, profile and
// chain-map requests at 50 and 200 concurrent connections on PGlite and PostgreSQL, beside a
// bare Fastify route and the same search/profile requests with the directory caches off (every
// request a cache miss), all measured in the same run; the previous run's p95 is kept beside.

import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LoadResult, runLoad } from "./api/load.ts";
import { appTarget, bareTarget, type Target } from "./api/targets.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const CONCURRENCY = [50, 200];
const GOAL_P95_MS = 50;
const QUERIES = ["电感", "inductor", "监护仪", "capacitor", "磁", "PCB", "医疗", "ferrite"];

interface Row extends LoadResult {
  database: string;
  endpoint: string;
  concurrency: number;
  /** p95 of the bare route measured last before this row (the load varies during a run). */
  bareP95: number;
  /** 1-minute load average when the cell started. */
  load1m: number;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const NO_CACHE = ", no cache";

function endpoints(t: Target & { uncached: Target }): { name: string; target: Target; paths: string[] }[] {
  const search = QUERIES.map((q) => `/api/v1/orgs?q=${encodeURIComponent(q)}&pageSize=20`);
  const profile = t.orgIds.slice(0, 100).map((id) => `/api/v1/orgs/${encodeURIComponent(id)}`);
  return [
    { name: `search${NO_CACHE}`, target: t.uncached, paths: search },
    { name: "search", target: t, paths: search },
    { name: `profile${NO_CACHE}`, target: t.uncached, paths: profile },
    { name: "profile", target: t, paths: profile },
    { name: "chain-map", target: t, paths: ["/api/v1/chain/map"] },
  ];
}

interface PreviousRun {
  date: string;
  loadavg: string;
  p95: Map<string, number>;
}

const rowKey = (r: { database: string; endpoint: string; concurrency: number }) =>
  `${r.endpoint === "bare" ? "none" : r.database}|${r.endpoint}|${r.concurrency}`;

/** The p95 figures of the last run written under `name`, to print beside the new ones. */
function previousRun(name: string): PreviousRun | undefined {
  const file = join(dirname(fileURLToPath(import.meta.url)), "results", `${name}.json`);
  if (!existsSync(file)) return undefined;
  const json = JSON.parse(readFileSync(file, "utf8")) as {
    machine: { date: string; loadavg1mBefore: number; loadavg1mAfter: number };
    rows: Row[];
  };
  return {
    date: json.machine.date,
    loadavg: `${json.machine.loadavg1mBefore} before, ${json.machine.loadavg1mAfter} after`,
    p95: new Map(json.rows.map((r) => [rowKey(r), r.p95])),
  };
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  const pgUrl = arg(args, "--pg") ?? process.env.TEST_DATABASE_URL;
  const requests = quick ? 400 : 1000;
  const warmup = quick ? 100 : 200;
  const rows: Row[] = [];
  const name = quick ? "api-quick" : "api";
  const previous = previousRun(name);
  const loadBefore = loadavg();
  const bareNow = new Map<number, number>();
  const measure = async (t: Target, database: string, endpoint: string, paths: string[]) => {
    for (const concurrency of CONCURRENCY) {
      const load1m = round2(loadavg()[0]);
      const r = await runLoad({ base: t.base, paths, headers: t.headers, concurrency, requests, warmup });
      if (endpoint === "bare") bareNow.set(concurrency, r.p95);
      rows.push({
        database,
        endpoint,
        concurrency,
        ...r,
        bareP95: bareNow.get(concurrency) ?? Number.NaN,
        load1m,
      });
      console.log(
        `${database.padEnd(20)} ${endpoint.padEnd(10)} c=${String(concurrency).padEnd(4)} p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms, ${r.rps} req/s, errors ${r.errors}`,
      );
    }
  };

  // The bare route is measured again before each database, so "× bare" compares with a floor taken
  // under about the same machine load.
  const bare = await bareTarget();
  const kinds: ("pglite" | "postgres")[] = pgUrl ? ["pglite", "postgres"] : ["pglite"];
  try {
    for (const kind of kinds) {
      const t = await appTarget(kind, pgUrl);
      try {
        await measure(bare, `none (before ${t.label})`, "bare", ["/bare"]);
        for (const e of endpoints(t)) await measure(e.target, t.label, e.name, e.paths);
      } finally {
        await t.close();
      }
    }
  } finally {
    await bare.close();
  }

  const loadAfter = loadavg();
  const machine = {
    ...(await machineInfo()),
    loadavg1mBefore: round2(loadBefore[0]),
    loadavg1mAfter: round2(loadAfter[0]),
    loadavg15mAfter: round2(loadAfter[2]),
  };
  const note = pgUrl ? "" : "PostgreSQL not measured: pass --pg postgres://… or set TEST_DATABASE_URL.";
  writeResults(
    name,
    {
      machine,
      goalP95Ms: GOAL_P95_MS,
      requestsPerCell: requests,
      warmupPerCell: warmup,
      note,
      previous: previous && { date: previous.date, loadavg: previous.loadavg },
      rows,
    },
    markdown(rows, machine, requests, note, previous),
  );
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function markdown(
  rows: Row[],
  machine: Record<string, string | number>,
  requests: number,
  note: string,
  previous: PreviousRun | undefined,
): string {
  const lines = [
    "# API latency (`npm run bench -- api`)",
    "",
    `Closed-loop load (keep-alive connections, each sends its next request when the previous answers), ${requests} measured requests per cell after warm-up; server and load generator share the machine (${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.date}).`,
    "Demo cluster loaded (≈310 orgs, 1,600 relations); signed in with a session cookie as the demo operator.",
    "search = `GET /api/v1/orgs?q=…` rotating 8 Chinese/English queries; profile = `GET /api/v1/orgs/:id` over 100 orgs; chain-map = `GET /api/v1/chain/map`.",
    `"${NO_CACHE.slice(2)}" rows = the same requests to a second app on the same database with the directory caches (search pages, org cards, grants) off, so every request does its database work: the cache-miss cost, in the same run.`,
    'The load generator runs in the server\'s process and event loop, so a busy server also slows the client: figures are comparable within a run, and across runs only through "× bare".',
    `Goal: p95 < ${GOAL_P95_MS} ms at 200 connections. "× bare" = p95 over the bare Fastify route's p95 at the same connection count, measured just before each database's rows: it factors out how busy the shared machine was ("load" = 1-min load average when the cell started; overall ${machine.loadavg1mBefore} before, ${machine.loadavg1mAfter} after, 15-min ${machine.loadavg15mAfter}, on ${machine.cores} cores).`,
    ...(previous
      ? [
          `"previous p95" = the run before this one (${previous.date}, 1-min load average ${previous.loadavg}).`,
        ]
      : []),
    "",
    "| database | endpoint | connections | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | load | p95 × bare | previous p95 ms | p95 goal |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.endpoint} | ${r.concurrency} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.rps} | ${r.errors} | ${r.load1m} | ${round2(r.p95 / r.bareP95)} | ${previous?.p95.get(rowKey(r)) ?? "—"} | ${r.concurrency === 200 ? (r.p95 < GOAL_P95_MS ? "met" : "missed") : ""} |`,
    ),
    "",
  ];
  if (note) lines.push(note, "");
  return lines.join("\n");
}
