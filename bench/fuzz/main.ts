// `npm run fuzz -- [--seed N] [--runs N | --long] [--only TEXT] [--db pglite|postgres|both] [--write]`
// Contract fuzzer: every operation of /api/openapi.json, as anonymous, each role and the cluster
// operator, valid and spoiled requests; exits 1 on any finding. CI passes a seed from the commit.
import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { machineInfo, writeResults } from "../lib/results.ts";
import { CATEGORIES } from "./checks.ts";
import { type Method, type OpenApiDocument, type Operation, operationsOf } from "./openapi.ts";
import { LEGEND, summaryTable, totals } from "./report.ts";
import { Fuzzer, type OperationStats } from "./run.ts";
import { startTarget } from "./target.ts";

const BOUNDED_RUNS = 12;
const LONG_RUNS = 200;

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** --seed, else FUZZ_SEED, else (under CI) the commit's hash, else random: always printed. */
function chooseSeed(args: string[]): { seed: number; source: string } {
  const given = arg(args, "--seed") ?? process.env.FUZZ_SEED;
  if (given !== undefined) return { seed: Number(given) | 0, source: "given" };
  if (process.env.CI) {
    try {
      const head = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
      return { seed: Number.parseInt(head.slice(0, 8), 16) | 0, source: `commit ${head.slice(0, 12)}` };
    } catch {
      // not a git checkout: fall through to a random seed
    }
  }
  return { seed: randomInt(2 ** 31 - 1), source: "random" };
}

/** Methods the document does not list on a path, and paths it does not have: 404/405 in the error shape. */
function strayOperations(ops: Operation[]): Operation[] {
  const documented = new Map<string, Set<string>>();
  for (const op of ops) documented.set(op.path, (documented.get(op.path) ?? new Set()).add(op.method));
  const notThere = { "404": { "application/json": undefined }, "405": { "application/json": undefined } };
  const out: Operation[] = [];
  const all: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
  // A literal path another template serves (PATCH /orgs/facets is PATCH /orgs/{id}) is not stray.
  const served = (method: Method, path: string) =>
    ops.some((o) => o.method === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(path));
  for (const [path, methods] of documented)
    for (const method of all.filter((m) => !methods.has(m) && !served(m, path)))
      out.push({
        method,
        path,
        key: `${method} ${path} (undocumented)`,
        pathParams: [],
        query: [],
        responses: notThere,
      });
  for (const path of ["/api/v1/no-such-route", "/api/v1/orgs/org-a/no/such/thing", "/api/v2/orgs"])
    out.push({
      method: "GET",
      path,
      key: `GET ${path} (undocumented)`,
      pathParams: [],
      query: [],
      responses: notThere,
    });
  return out;
}

async function fuzzOne(
  kind: "pglite" | "postgres",
  pgUrl: string | undefined,
  seed: number,
  runs: number,
  only: string | undefined,
): Promise<{ label: string; stats: OperationStats[]; alive: boolean; operations: number }> {
  const target = await startTarget(kind, pgUrl);
  try {
    const doc = (await (await fetch(`${target.base}/api/openapi.json`)).json()) as OpenApiDocument;
    const ops = operationsOf(doc).filter((o) => !only || o.key.includes(only));
    const fuzzer = new Fuzzer(target, seed, runs);
    const other = await target.signIn("owner@b.test");
    await fuzzer.warmUp([...target.sessions.values(), other]);
    let alive = true;
    for (const op of ops) {
      const started = performance.now();
      await fuzzer.fuzzOperation(op);
      const s = fuzzer.stats.get(op.key);
      const found = s ? CATEGORIES.reduce((n, c) => n + s.findings[c], 0) : 0;
      console.log(
        `  ${target.label.padEnd(20)} ${op.key.padEnd(45)} ${String(s?.requests ?? 0).padStart(5)} requests, ${found} findings, ${Math.round(performance.now() - started)} ms`,
      );
      alive = await fuzzer.alive();
      if (!alive) {
        console.log(`  the server stopped answering /healthz after ${op.key}`);
        break;
      }
    }
    if (alive && !only)
      for (const stray of strayOperations(operationsOf(doc)))
        await fuzzer.send(
          stray,
          "owner",
          { kind: "stray", path: stray.path.replace(/\{\w+\}/g, "org-a"), pathValues: {}, query: "" },
          "ok",
        );
    const stats = [...fuzzer.stats.values()];
    // The stray routes share one row: what matters is their count and shape, not each path.
    const strays = stats.filter((s) => s.key.endsWith("(undocumented)"));
    const merged: OperationStats = {
      key: "undocumented methods and paths",
      requests: strays.reduce((n, s) => n + s.requests, 0),
      statuses: {},
      findings: totals(strays),
      examples: strays.flatMap((s) => s.examples).slice(0, 6),
    };
    for (const s of strays)
      for (const [code, n] of Object.entries(s.statuses))
        merged.statuses[code] = (merged.statuses[code] ?? 0) + n;
    const rows = stats.filter((s) => !s.key.endsWith("(undocumented)"));
    if (strays.length > 0) rows.push(merged);
    return {
      label: target.label,
      stats: rows,
      alive: alive && (await fuzzer.alive()),
      operations: ops.length,
    };
  } finally {
    await target.close();
  }
}

const args = process.argv.slice(2);
const { seed, source } = chooseSeed(args);
const runs = Number(arg(args, "--runs") ?? (args.includes("--long") ? LONG_RUNS : BOUNDED_RUNS));
const only = arg(args, "--only");
const pgUrl = arg(args, "--pg") ?? process.env.TEST_DATABASE_URL;
const dbArg = arg(args, "--db") ?? (pgUrl ? "both" : "pglite");
const kinds: ("pglite" | "postgres")[] =
  dbArg === "both" ? ["pglite", "postgres"] : dbArg === "postgres" ? ["postgres"] : ["pglite"];
if (kinds.includes("postgres") && !pgUrl) {
  console.error("--db postgres needs --pg postgres://… or TEST_DATABASE_URL");
  process.exit(2);
}

console.log(`fuzz seed ${seed} (${source}); ${runs} draws per operation and persona`);
console.log(`replay: npm run fuzz -- --seed ${seed} --runs ${runs}${only ? ` --only '${only}'` : ""}`);
const started = performance.now();
const sections: string[] = [];
const results = [];
let failed = false;
for (const kind of kinds) {
  const r = await fuzzOne(kind, pgUrl, seed, runs, only);
  const t = totals(r.stats);
  const findings = CATEGORIES.reduce((n, c) => n + t[c], 0) + (r.alive ? 0 : 1);
  failed ||= findings > 0;
  const table = summaryTable(`${r.label}: ${r.operations} operations, seed ${seed}`, r.stats);
  console.log(`\n${table}`);
  console.log(
    `${r.label}: ${CATEGORIES.map((c) => `${t[c]}×${c}`).join(", ")}; server ${r.alive ? "still up" : "DOWN"}`,
  );
  sections.push(table);
  results.push({ database: r.label, alive: r.alive, totals: t, operations: r.stats });
}
const seconds = Math.round((performance.now() - started) / 100) / 10;
console.log(`\nfuzz ${failed ? "FOUND PROBLEMS" : "passed"} in ${seconds} s (seed ${seed})`);
if (args.includes("--write")) {
  const machine = await machineInfo();
  writeResults(
    "fuzz",
    { machine, seed, runs, seconds, results },
    [
      "# Contract fuzz (`npm run fuzz`)",
      "",
      `Seed ${seed}, ${runs} draws per operation and persona (anonymous, owner, admin, member, viewer of one firm, the cluster operator's admin), plus two CSRF probes per cookie write; ${seconds} s on ${machine.cores} cores (${machine.cpu}, Node ${machine.node}, ${machine.date}).`,
      "",
      LEGEND,
      "",
      ...sections,
    ].join("\n"),
  );
}
process.exit(failed ? 1 : 0);
