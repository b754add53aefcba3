// `npm run bench -- crash [--cycles 20] [--db pglite|postgres] [--pg postgres://…] [--devices 4]
//   [--seed 1] [--max-delay-ms 2500] [--out crash]`
// Kills the server process (kill -9) during QoS 1 MQTT ingest, again and again. Publishers keep
// running across the kills (one MQTT client per device, reconnecting, resending what was never
// acknowledged) and record every PUBACK. After each restart every acknowledged point must be in
// the database: 0 missing. Duplicates (points committed whose PUBACK the kill swallowed, then
// resent) are detected by storage and counted; recovery = kill → server ready → first new PUBACK.
// Exits 1 when an acknowledged point is missing or the server does not come back.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "@clusterbrain/engine/shared";
import { openDatabase } from "../apps/server/src/db/database.ts";
import {
  type BenchDevice,
  type Child,
  quantile,
  scrapeCounter,
  spawnChild,
  startPublishing,
  TAGS,
} from "./ingest/workload.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

const serverScript = fileURLToPath(new URL("./ingest/server.ts", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DUPLICATES = 'clusterbrain_ingest_points_total{outcome="duplicate"}';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const address = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return typeof address === "object" && address ? address.port : 0;
}

interface CycleRow {
  cycle: number;
  killAfterMs: number;
  ackedMessagesTotal: number;
  missingPoints: number;
  duplicatesThisLife: number;
  restartMs: number;
  recoveryMs: number;
}

export async function run(args: string[]): Promise<void> {
  const cycles = Number(arg(args, "--cycles", "20"));
  const db = arg(args, "--db", "pglite");
  const nDevices = Number(arg(args, "--devices", "4"));
  const maxDelayMs = Number(arg(args, "--max-delay-ms", "2500"));
  const rng = mulberry32(Number(arg(args, "--seed", "1")));
  const out = arg(args, "--out", "crash");
  const work = mkdtempSync(join(tmpdir(), "cb-crash-ingest-"));
  const devicesFile = join(work, "devices.json");
  let dbUrl = join(work, "pglite");
  let cleanup = async (): Promise<void> => {};
  if (db === "postgres") {
    const pg = arg(args, "--pg", process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
    const schema = `crash_ingest_${randomBytes(4).toString("hex")}`;
    const admin = await openDatabase({ url: pg });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    dbUrl = `${pg}${pg.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    cleanup = async () => {
      const a = await openDatabase({ url: pg });
      await a.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.close();
    };
  }
  // One fixed port for every restart, so the publishers reconnect to the same address.
  const mqttPort = await freePort();
  const env = (seed: boolean) => ({
    INGEST_DB_URL: dbUrl,
    INGEST_SEED: seed ? String(nDevices) : "0",
    INGEST_DEVICES_FILE: devicesFile,
    SESSION_SECRET: "crash-ingest-secret-0123456789-0123456789",
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    MQTT_URL: "",
    MQTT_PORT: String(mqttPort),
    OVERLOAD_EVENT_LOOP_DELAY_MS: "0",
  });
  const rows: CycleRow[] = [];
  let server: Child = await spawnChild(serverScript, env(true));
  const devices = JSON.parse(readFileSync(devicesFile, "utf8")) as BenchDevice[];
  const pub = startPublishing({
    url: `mqtt://127.0.0.1:${mqttPort}`,
    devices,
    samples: 10,
    window: 8,
    rate: 0,
    base: Date.now() - 3_600_000,
    reconnectMs: 100,
  });
  let duplicates = 0;
  let failed = false;
  try {
    for (let cycle = 1; cycle <= cycles; cycle++) {
      const killAfterMs = 300 + Math.round(rng() * maxDelayMs);
      let lifeDuplicates = 0;
      const until = performance.now() + killAfterMs;
      while (performance.now() < until) {
        await sleep(Math.min(200, Math.max(1, until - performance.now())));
        lifeDuplicates = Math.max(lifeDuplicates, await scrapeCounter(server.url, DUPLICATES));
      }
      await server.kill();
      const killedAt = performance.now();
      duplicates += lifeDuplicates;
      const ackedAtKill = pub.ackedMessages();
      try {
        server = await spawnChild(serverScript, env(false));
      } catch (err) {
        console.error(`cycle ${cycle}: the server did not start: ${String(err).slice(0, 300)}`);
        failed = true;
        break;
      }
      const restartMs = Math.round(performance.now() - killedAt);
      while (pub.ackedMessages() === ackedAtKill && performance.now() - killedAt < 60_000) await sleep(5);
      const recoveryMs = Math.round(performance.now() - killedAt);
      const report = await server.check(pub.ledger);
      rows.push({
        cycle,
        killAfterMs,
        ackedMessagesTotal: pub.ackedMessages(),
        missingPoints: report.missing,
        duplicatesThisLife: lifeDuplicates,
        restartMs,
        recoveryMs,
      });
      console.log(
        `${report.missing === 0 ? "ok  " : "FAIL"} cycle ${cycle}: killed after ${killAfterMs} ms; ` +
          `${pub.ackedMessages()} messages acked so far (${report.expected} points checked, ${report.missing} missing); ` +
          `${lifeDuplicates} duplicates; restart ${restartMs} ms, first new PUBACK after ${recoveryMs} ms`,
      );
    }
    // Let the last life run a moment, then a final check.
    await sleep(500);
  } finally {
    await pub.stop();
    duplicates += await scrapeCounter(server.url, DUPLICATES);
    const final = await server.check(pub.ledger).catch(() => ({ expected: 0, missing: -1, totalRows: 0 }));
    await server.kill();
    await cleanup();
    rmSync(work, { recursive: true, force: true });
    const missing = rows.reduce((n, r) => n + r.missingPoints, 0) + Math.max(0, final.missing);
    const recovery = rows.map((r) => r.recoveryMs);
    const result = {
      database: db,
      cycles: rows.length,
      devices: nDevices,
      pointsPerMessage: TAGS.length * 10,
      acknowledgedMessages: pub.ackedMessages(),
      acknowledgedPointsChecked: final.expected,
      acknowledgedPointsMissing: missing,
      duplicatesDetected: duplicates,
      rowsInDatabase: final.totalRows,
      recoveryMs: {
        min: Math.min(...recovery),
        median: quantile(recovery, 0.5),
        p95: quantile(recovery, 0.95),
        max: Math.max(...recovery),
      },
      rows,
      machine: await machineInfo(),
    };
    const md = [
      `# Crash test: kill -9 of the server during QoS 1 MQTT ingest (${db})`,
      "",
      `${rows.length} cycles, ${nDevices} publishing devices (QoS 1, ${TAGS.length * 10} points per message, 8 in flight each).`,
      "",
      "| acknowledged messages | acknowledged points checked | missing | duplicates detected | recovery median | p95 | max |",
      "|---|---|---|---|---|---|---|",
      `| ${result.acknowledgedMessages} | ${final.expected} | ${missing} | ${duplicates} | ${result.recoveryMs.median} ms | ${result.recoveryMs.p95} ms | ${result.recoveryMs.max} ms |`,
      "",
      "Recovery = kill → restarted server ready → first new PUBACK. Duplicates = points committed whose",
      "PUBACK the kill swallowed, resent by the device and counted by storage instead of stored twice",
      "(scraped from /metrics every 200 ms, so a lower bound).",
      "",
      "| cycle | killed after | missing | duplicates | restart | recovery |",
      "|---|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.cycle} | ${r.killAfterMs} ms | ${r.missingPoints} | ${r.duplicatesThisLife} | ${r.restartMs} ms | ${r.recoveryMs} ms |`,
      ),
      "",
      `Machine: ${JSON.stringify(result.machine)}`,
    ].join("\n");
    writeResults(out, result, md);
    if (missing !== 0 || failed) process.exitCode = 1;
  }
}
