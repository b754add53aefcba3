// `npm run bench -- api [--quick] [--pg postgres://…]`: p50/p95/p99 of search, profile and
// chain-map requests at 50 and 200 concurrent connections on PGlite and PostgreSQL, beside a
// bare Fastify route measured in the same run.

import { loadavg } from "node:os";
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
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function endpoints(t: Target): { name: string; paths: string[] }[] {
  return [
    { name: "search", paths: QUERIES.map((q) => `/api/v1/orgs?q=${encodeURIComponent(q)}&pageSize=20`) },
    { name: "profile", paths: t.orgIds.slice(0, 100).map((id) => `/api/v1/orgs/${encodeURIComponent(id)}`) },
    { name: "chain-map", paths: ["/api/v1/chain/map"] },
  ];
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  const pgUrl = arg(args, "--pg") ?? process.env.TEST_DATABASE_URL;
  const requests = quick ? 400 : 1000;
  const warmup = quick ? 100 : 200;
  const rows: Row[] = [];
  const loadBefore = loadavg()[0];
  const measure = async (t: Target, database: string, endpoint: string, paths: string[]) => {
    for (const concurrency of CONCURRENCY) {
      const r = await runLoad({ base: t.base, paths, headers: t.headers, concurrency, requests, warmup });
      rows.push({ database, endpoint, concurrency, ...r });
      console.log(
        `${database.padEnd(20)} ${endpoint.padEnd(10)} c=${String(concurrency).padEnd(4)} p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms, ${r.rps} req/s, errors ${r.errors}`,
      );
    }
  };

  const bare = await bareTarget();
  await measure(bare, "none", "bare", ["/bare"]);
  await bare.close();

  const kinds: ("pglite" | "postgres")[] = pgUrl ? ["pglite", "postgres"] : ["pglite"];
  for (const kind of kinds) {
    const t = await appTarget(kind, pgUrl);
    try {
      for (const e of endpoints(t)) await measure(t, t.label, e.name, e.paths);
    } finally {
      await t.close();
    }
  }

  const machine = {
    ...(await machineInfo()),
    loadavg1mBefore: round2(loadBefore),
    loadavg1mAfter: round2(loadavg()[0]),
  };
  const note = pgUrl ? "" : "PostgreSQL not measured: pass --pg postgres://… or set TEST_DATABASE_URL.";
  writeResults(
    quick ? "api-quick" : "api",
    { machine, goalP95Ms: GOAL_P95_MS, requestsPerCell: requests, warmupPerCell: warmup, note, rows },
    markdown(rows, machine, requests, note),
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
): string {
  const bareP95 = new Map(rows.filter((r) => r.endpoint === "bare").map((r) => [r.concurrency, r.p95]));
  const lines = [
    "# API latency (`npm run bench -- api`)",
    "",
    `Closed-loop load (keep-alive connections, each sends its next request when the previous answers), ${requests} measured requests per cell after warm-up; server and load generator share the machine (${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.date}).`,
    "Demo cluster loaded (≈310 orgs, 1,600 relations); signed in with a session cookie as the demo operator.",
    "search = `GET /api/v1/orgs?q=…` rotating 8 Chinese/English queries; profile = `GET /api/v1/orgs/:id` over 100 orgs; chain-map = `GET /api/v1/chain/map`.",
    `Goal: p95 < ${GOAL_P95_MS} ms at 200 connections. "× bare" = p95 over the bare Fastify route's p95 at the same connection count in this run: it factors out how busy the shared machine was (1-min load average ${machine.loadavg1mBefore} before, ${machine.loadavg1mAfter} after, on ${machine.cores} cores).`,
    "",
    "| database | endpoint | connections | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | p95 × bare | p95 goal |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.endpoint} | ${r.concurrency} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.rps} | ${r.errors} | ${r.endpoint === "bare" ? "1" : round2(r.p95 / (bareP95.get(r.concurrency) ?? Number.NaN))} | ${r.concurrency === 200 ? (r.p95 < GOAL_P95_MS ? "met" : "missed") : ""} |`,
    ),
    "",
  ];
  if (note) lines.push(note, "");
  return lines.join("\n");
}
