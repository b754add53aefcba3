// `npm run bench -- crash-writes [--cycles 50] [--db pglite|postgres|both] [--pg postgres://…]
//   [--seed N] [--max-delay-ms 4000] [--out crash-writes]`
// Kills the real server process with SIGKILL at a random moment while a batch of writes is in
// flight (imports, grants, members, jobs), restarts it on the same PGlite data directory or
// PostgreSQL schema, and checks what the database holds (bench/crash/invariants.ts).
// Exits 1 on any invariant violation or failed start.

import { loadavg } from "node:os";
import { mulberry32 } from "@clusterbrain/engine/shared";
import type { Report } from "./crash/invariants.ts";
import { type CrashTarget, spawnServer, target } from "./crash/process.ts";
import { fire, planBatch, send, signInAll } from "./crash/workload.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

interface Cycle {
  cycle: number;
  killAfterMs: number;
  answers: Record<string, number>;
  acks: number;
  recoveryMs: number;
  violations: string[];
}

interface DbResult {
  database: string;
  cycles: number;
  violations: number;
  failedStarts: number;
  recoveryMs: { min: number; median: number; p95: number; max: number };
  acksByKind: Record<string, number>;
  /** Imports that ended whole (committed before the kill) or absent (rolled back); never partial. */
  importsWhole: number;
  importsAbsent: number;
  importsPartial: number;
  finalCounts: Report["counts"];
  finalJobs: Record<string, number>;
  rows: Cycle[];
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

async function runOne(t: CrashTarget, cycles: number, seed: number, maxDelayMs: number): Promise<DbResult> {
  const rng = mulberry32(seed);
  const rows: Cycle[] = [];
  const acksByKind: Record<string, number> = {};
  let failedStarts = 0;
  let importsWhole = 0;
  let importsAbsent = 0;
  let importsPartial = 0;
  let server = await spawnServer(t, true);
  let report = await server.check({ imports: [], acks: [], orgId: "org-a" });
  let sessions = await signInAll(server.url);
  try {
    for (let cycle = 1; cycle <= cycles; cycle++) {
      // Sessions live in the database, so they outlive the kill; sign in again only if one did not.
      const longJob = {
        kind: "schedule",
        input: {
          instance: { source: "generated", jobs: 15, machines: 15, seed: cycle },
          timeLimitSeconds: 60,
          seed: cycle,
        },
      };
      // A long job in firm C, for the batch to cancel while it runs.
      let long = await send(server.url, sessions.cOwner, "POST", "/api/v1/jobs", longJob);
      if (long.status === 401) {
        sessions = await signInAll(server.url);
        long = await send(server.url, sessions.cOwner, "POST", "/api/v1/jobs", longJob);
      }
      if (long.status !== 200) throw new Error(`long job: ${long.status} ${JSON.stringify(long.json)}`);
      const plan = planBatch(cycle, rng, report, sessions, String(long.json.id));
      const killAfterMs = Math.round(rng() * maxDelayMs);
      const fired = fire(server.url, plan);
      await new Promise((r) => setTimeout(r, killAfterMs));
      await server.kill();
      const { acks, statuses } = await fired.done;
      for (const a of acks) acksByKind[a.kind] = (acksByKind[a.kind] ?? 0) + 1;

      let recoveryMs = -1;
      const violations: string[] = [];
      for (let attempt = 0; attempt < 3 && recoveryMs < 0; attempt++) {
        try {
          server = await spawnServer(t, false);
          recoveryMs = server.readyMs;
        } catch (err) {
          failedStarts++;
          violations.push(`start ${attempt + 1} failed: ${String(err).slice(0, 300)}`);
        }
      }
      if (recoveryMs < 0)
        throw new Error(`the server did not start after cycle ${cycle}: ${violations.join("; ")}`);
      report = await server.check({ imports: plan.imports, acks, orgId: "org-a" });
      violations.push(...report.violations);
      importsWhole += report.imports.whole;
      importsAbsent += report.imports.absent;
      importsPartial += report.imports.partial;
      rows.push({ cycle, killAfterMs, answers: statuses, acks: acks.length, recoveryMs, violations });
      console.log(
        `${violations.length === 0 ? "ok  " : "FAIL"} ${t.label} cycle ${cycle}: kill after ${killAfterMs} ms; answers ${JSON.stringify(
          statuses,
        )}; ${acks.length} acked; restart ${recoveryMs} ms${violations.length ? `; ${violations.join("; ")}` : ""}`,
      );
    }
  } finally {
    await server.kill();
  }
  const final = report.counts;
  const recovery = rows.map((r) => r.recoveryMs);
  return {
    database: t.label,
    cycles,
    violations: rows.reduce((s, r) => s + r.violations.length, 0),
    failedStarts,
    recoveryMs: {
      min: Math.min(...recovery),
      median: quantile(recovery, 0.5),
      p95: quantile(recovery, 0.95),
      max: Math.max(...recovery),
    },
    acksByKind,
    importsWhole,
    importsAbsent,
    importsPartial,
    finalCounts: final,
    finalJobs: report.jobs,
    rows,
  };
}

export async function run(args: string[]): Promise<void> {
  const cycles = Number(arg(args, "--cycles") ?? 50);
  const seed = Number(arg(args, "--seed") ?? Date.now() % 2 ** 31);
  const maxDelayMs = Number(arg(args, "--max-delay-ms") ?? 4000);
  const out = arg(args, "--out") ?? "crash-writes";
  const pgUrl = arg(args, "--pg") ?? process.env.TEST_DATABASE_URL;
  const dbArg = arg(args, "--db") ?? (pgUrl ? "both" : "pglite");
  const kinds: ("pglite" | "postgres")[] =
    dbArg === "both" ? ["pglite", "postgres"] : dbArg === "postgres" ? ["postgres"] : ["pglite"];
  if (kinds.includes("postgres") && !pgUrl) throw new Error("--db postgres needs --pg or TEST_DATABASE_URL");
  console.log(`crash-writes: seed ${seed}, ${cycles} cycles per database, kill within ${maxDelayMs} ms`);
  const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const results: DbResult[] = [];
  for (const kind of kinds) {
    const t = await target(kind, pgUrl);
    try {
      results.push(await runOne(t, cycles, seed, maxDelayMs));
    } finally {
      await t.cleanup();
    }
  }
  const loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
  const machine = await machineInfo();
  const violations = results.reduce((s, r) => s + r.violations, 0);
  writeResults(
    out,
    { machine, loadAverage: { before: loadBefore, after: loadAfter }, seed, cycles, maxDelayMs, results },
    [
      "# Crash-safe writes (`npm run bench -- crash-writes`)",
      "",
      `Each cycle signs in, starts a long job in firm C, fires one batch at once over HTTP — 2 organisation imports (all-or-nothing, 50–399 rows each), a grant revocation and 2 grant creations, a member addition, re-role and removal in firm A, 2 schedule jobs and the cancel of firm C's job — waits a random 0–${maxDelayMs} ms and SIGKILLs the server process (\`startServer\`, port 0), then starts it again on the same PGlite data directory / PostgreSQL schema and checks the database from inside the new process (bench/crash/invariants.ts). Seed ${seed}. ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.date}; load average (1/5/15 min) ${loadBefore.join(" / ")} before, ${loadAfter.join(" / ")} after (the machine is shared).`,
      "",
      "Invariants after every restart: every 2xx answer is in the database (acknowledged means committed); each import holds 0 or all of its rows; every imported org, grant creation/revocation and membership change has exactly one audit row and no such audit row lacks its change (membership audit rows replayed = memberships held); no job is left queued/running and every acknowledged job exists; the server starts (recovery = spawn → `/readyz` 200).",
      "",
      "PGlite has one connection, so the batch's writes queue behind the import transactions and fewer are answered before the kill than on PostgreSQL (pool of 10); a larger `--max-delay-ms` lets more of them commit first. A write cut by the kill has an unknown outcome: it may be whole or absent, never partial.",
      "",
      "| database | cycles | invariant violations | failed starts | recovery ms min / median / p95 / max | acknowledged writes checked | imports whole / absent / partial | imported orgs | jobs at the end |",
      "|---|---:|---:|---:|---|---|---|---:|---|",
      ...results.map(
        (r) =>
          `| ${r.database} | ${r.cycles} | ${r.violations} | ${r.failedStarts} | ${r.recoveryMs.min} / ${r.recoveryMs.median} / ${r.recoveryMs.p95} / ${r.recoveryMs.max} | ${Object.entries(
            r.acksByKind,
          )
            .map(([k, v]) => `${k} ${v}`)
            .join(
              ", ",
            )} | ${r.importsWhole} / ${r.importsAbsent} / ${r.importsPartial} | ${r.finalCounts.importedOrgs} | ${Object.entries(
            r.finalJobs,
          )
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")} |`,
      ),
      "",
      ...results.flatMap((r) => [
        `## ${r.database}: answers at the kill`,
        "",
        "| cycle | kill after ms | answers | acked | restart ms | violations |",
        "|---:|---:|---|---:|---:|---|",
        ...r.rows.map(
          (c) =>
            `| ${c.cycle} | ${c.killAfterMs} | ${Object.entries(c.answers)
              .map(([k, v]) => `${v}×${k}`)
              .join(
                " ",
              )} | ${c.acks} | ${c.recoveryMs} | ${c.violations.length === 0 ? "0" : c.violations.join("; ")} |`,
        ),
        "",
      ]),
    ].join("\n"),
  );
  console.log(
    `${violations} invariant violation(s) over ${results.map((r) => `${r.cycles} ${r.database}`).join(", ")} cycles`,
  );
  if (violations > 0) process.exitCode = 1;
}
