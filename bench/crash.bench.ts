// `npm run bench -- crash [--cycles 30] [--target server|broker|database|all] [--db private|pglite|postgres]
//   [--pg postgres://…] [--devices 4] [--seed 1] [--max-delay-ms 2500] [--broker-rate 100] [--share-group off|<group>] [--out crash]`
// kill -9 during QoS 1 MQTT ingest, again and again, of the server process, the external broker
// and the database in turn (target all: the cycles split over the three, one phase each).
// Publishers keep running across the kills (one MQTT client per device, reconnecting, resending
// what was never acknowledged) and record every PUBACK. After each recovery every point
// acknowledged before the kill must be in the database: 0 missing. Duplicates (points committed
// whose acknowledgement the kill swallowed, then resent) are detected by storage and counted.
// The broker is a private Mosquitto and the database a private PostgreSQL cluster (temp dirs,
// free ports): the machine's own services are never touched. `--db pglite|postgres` (target
// server only) runs the server phase on PGlite or an existing PostgreSQL instead.
// Exits 1 when an acknowledged point is missing or a component does not come back.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mulberry32 } from "@clusterbrain/engine/shared";
import { type KillTarget, type PhaseResult, runPhase } from "./crash/ingest-phase.ts";
import { quantile, TAGS } from "./ingest/workload.ts";
import { benchSchema } from "./lib/bench-schema.ts";
import { arg, freePort } from "./lib/free-port.ts";
import { type PrivateMosquitto, startPrivateMosquitto } from "./lib/private-mosquitto.ts";
import { type PrivatePostgres, startPrivatePostgres } from "./lib/private-postgres.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const ALL: KillTarget[] = ["server", "broker", "database"];

function stats(xs: number[]) {
  return xs.length === 0
    ? { min: 0, median: 0, p95: 0, max: 0 }
    : { min: Math.min(...xs), median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) };
}

export async function run(args: string[]): Promise<void> {
  const cycles = Number(arg(args, "--cycles", "30"));
  const target = arg(args, "--target", "all");
  const targets = target === "all" ? ALL : ALL.filter((t) => t === target);
  if (targets.length === 0)
    throw new Error(`--target must be server, broker, database or all, not ${target}`);
  const db = arg(args, "--db", "private");
  if (db !== "private" && target !== "server")
    throw new Error("--db pglite|postgres works with --target server only");
  const nDevices = Number(arg(args, "--devices", "4"));
  const maxDelayMs = Number(arg(args, "--max-delay-ms", "2500"));
  const rng = mulberry32(Number(arg(args, "--seed", "1")));
  const out = arg(args, "--out", "crash");
  const work = mkdtempSync(join(tmpdir(), "cb-crash-ingest-"));
  const cleanups: (() => Promise<void>)[] = [];
  const phases: PhaseResult[] = [];
  let postgres: PrivatePostgres | undefined;
  let mosquitto: PrivateMosquitto | undefined;
  try {
    if (db === "private") {
      postgres = await startPrivatePostgres();
      cleanups.push(() => postgres?.cleanup() ?? Promise.resolve());
    }
    if (targets.includes("broker")) {
      mosquitto = await startPrivateMosquitto();
      cleanups.push(() => mosquitto?.cleanup() ?? Promise.resolve());
    }
    for (const [i, t] of targets.entries()) {
      // Cycles spread over the targets: 100 → 34 + 33 + 33.
      const n = Math.floor(cycles / targets.length) + (i < cycles % targets.length ? 1 : 0);
      if (n === 0) continue;
      let dbUrl = join(work, `pglite-${t}`);
      if (db !== "pglite") {
        const pg =
          db === "private"
            ? (postgres?.url ?? "")
            : arg(args, "--pg", process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
        const schema = await benchSchema(pg, `crash_ingest_${t}`);
        cleanups.push(() => schema.cleanup());
        dbUrl = schema.url;
      }
      console.log(`— ${t}: ${n} cycles of kill -9`);
      phases.push(
        await runPhase({
          target: t,
          cycles: n,
          devices: nDevices,
          dbUrl,
          workDir: work,
          mqttPort: await freePort(),
          maxDelayMs,
          brokerRate: Number(arg(args, "--broker-rate", "100")),
          shareGroup: arg(args, "--share-group", "off"),
          rng,
          mosquitto,
          postgres,
        }),
      );
    }
  } finally {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error(String(e)));
    rmSync(work, { recursive: true, force: true });
  }
  const dbLabel = db === "private" ? "private PostgreSQL 15 cluster" : db;
  const summary = phases.map((p) => ({
    target: p.target,
    cycles: p.rows.length,
    acknowledgedMessages: p.acknowledgedMessages,
    acknowledgedPointsChecked: p.acknowledgedPointsChecked,
    acknowledgedPointsMissing: p.missing,
    cyclesWithMissing: p.cyclesWithMissing,
    duplicatesDetected: p.duplicates,
    rowsInDatabase: p.rowsInDatabase,
    restartMs: stats(p.rows.map((r) => r.restartMs)),
    recoveryMs: stats(p.rows.map((r) => r.recoveryMs)),
    failed: p.failed,
  }));
  const result = {
    database: dbLabel,
    devices: nDevices,
    pointsPerMessage: TAGS.length * 10,
    cycles: phases.reduce((n, p) => n + p.rows.length, 0),
    acknowledgedPointsMissing: phases.reduce((n, p) => n + p.missing, 0),
    summary,
    rows: phases.flatMap((p) => p.rows),
    machine: await machineInfo(),
  };
  const md = [
    `# Crash test: kill -9 during QoS 1 MQTT ingest (${dbLabel})`,
    "",
    `${result.cycles} cycles over ${targets.join(", ")}; ${nDevices} publishing devices per phase (QoS 1, ${TAGS.length * 10} points per message, 8 in flight each), killed 300–${300 + maxDelayMs} ms into each cycle.`,
    "",
    "- **server**: kill -9 of the server process (embedded broker: a PUBACK leaves only after commit); restarted.",
    "- **broker**: kill -9 of a private Mosquitto 2 (persistence on, saved after every change); the server subscribes",
    "  through `MQTT_URL` with a persistent session and acks to the broker only after commit; publishers get their PUBACK from Mosquitto.",
    "- **database**: kill -9 of the private PostgreSQL's postmaster (its backends follow), then `pg_ctl start` (crash recovery).",
    "",
    "| target | cycles | acknowledged messages | acknowledged points checked | missing | cycles with missing | duplicates detected | restart median | recovery median | p95 | max |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...summary.map(
      (s) =>
        `| ${s.target} | ${s.cycles} | ${s.acknowledgedMessages} | ${s.acknowledgedPointsChecked} | ${s.acknowledgedPointsMissing} | ${s.cyclesWithMissing} | ${s.duplicatesDetected} | ${s.restartMs.median} ms | ${s.recoveryMs.median} ms | ${s.recoveryMs.p95} ms | ${s.recoveryMs.max} ms |`,
    ),
    "",
    "Restart = kill → the killed component accepts connections again (server: /readyz answered and broker listening).",
    "Recovery = kill → a new PUBACK reached a publisher and the server committed new points. Missing = acknowledged",
    "points not in the database (each cycle checks what was acknowledged before its kill; on the broker path it waits",
    "up to 10 s for the broker's redelivery). Duplicates = points committed whose acknowledgement the kill swallowed,",
    "resent and counted by storage instead of stored twice (server target: /metrics scraped every 200 ms, a lower bound).",
    "",
    "| target | cycle | killed after | missing | duplicates | restart | recovery |",
    "|---|---|---|---|---|---|---|",
    ...result.rows.map(
      (r) =>
        `| ${r.target} | ${r.cycle} | ${r.killAfterMs} ms | ${r.missingPoints} | ${r.duplicates} | ${r.restartMs} ms | ${r.recoveryMs} ms |`,
    ),
    "",
    `Machine: ${JSON.stringify(result.machine)}`,
  ].join("\n");
  writeResults(out, result, md);
  const failed = phases.some((p) => p.failed || p.missing > 0 || p.cyclesWithMissing > 0);
  if (failed || phases.length < targets.length) process.exitCode = 1;
}
