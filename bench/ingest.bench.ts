// `npm run bench -- ingest [--db pglite|postgres] [--pg postgres://…] [--devices 20] [--samples 10]
//   [--window 8] [--seconds 10] [--out ingest]`
// End-to-end MQTT ingest: QoS 1 JSON batches from one client per device into the real server
// (embedded broker → decode → PointWriter → database); a PUBACK means committed, so acknowledged
// points/s is publish→committed throughput. Beside it, in the same run, the raw broker rate: the
// same publishers against a plain aedes process. Then publish→PUBACK (= committed, visible to
// every query) latency at half the measured rate. Finally every acknowledged point is looked up.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../apps/server/src/db/database.ts";
import { type BenchDevice, quantile, spawnChild, startPublishing, TAGS } from "./ingest/workload.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

const serverScript = fileURLToPath(new URL("./ingest/server.ts", import.meta.url));
const rawScript = fileURLToPath(new URL("./ingest/raw-broker.ts", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Phase {
  messagesPerS: number;
  pointsPerS: number;
  p50Ms: number;
  p99Ms: number;
}

/** Publishes for `seconds` after a 1 s warm-up; returns rates over the measured window. */
async function measure(
  url: string,
  devices: readonly BenchDevice[],
  o: { samples: number; window: number; seconds: number; rate: number; anonymous: boolean; base: number },
) {
  const pub = startPublishing({ url, devices, ...o });
  await sleep(1000);
  const a0 = pub.ackedMessages();
  const l0 = pub.latencies.length;
  const t0 = performance.now();
  await sleep(o.seconds * 1000);
  const a1 = pub.ackedMessages();
  const t1 = performance.now();
  const lat = pub.latencies.slice(l0);
  await pub.stop();
  const messagesPerS = (a1 - a0) / ((t1 - t0) / 1000);
  const phase: Phase = {
    messagesPerS: Math.round(messagesPerS),
    pointsPerS: Math.round(messagesPerS * TAGS.length * o.samples),
    p50Ms: Math.round(quantile(lat, 0.5) * 10) / 10,
    p99Ms: Math.round(quantile(lat, 0.99) * 10) / 10,
  };
  return { phase, ledger: pub.ledger };
}

export async function run(args: string[]): Promise<void> {
  const db = arg(args, "--db", "pglite");
  const nDevices = Number(arg(args, "--devices", "20"));
  const samples = Number(arg(args, "--samples", "10"));
  const window = Number(arg(args, "--window", "8"));
  const seconds = Number(arg(args, "--seconds", "10"));
  const out = arg(args, "--out", "ingest");
  const work = mkdtempSync(join(tmpdir(), "cb-ingest-"));
  const devicesFile = join(work, "devices.json");
  let dbUrl = join(work, "pglite");
  let cleanup = async (): Promise<void> => {};
  if (db === "postgres") {
    const pg = arg(args, "--pg", process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
    const schema = `ingest_${randomBytes(4).toString("hex")}`;
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
  const env = {
    INGEST_DB_URL: dbUrl,
    INGEST_SEED: String(nDevices),
    INGEST_DEVICES_FILE: devicesFile,
    SESSION_SECRET: "ingest-bench-secret-0123456789-0123456789",
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    MQTT_URL: "",
    MQTT_PORT: "0",
    OVERLOAD_EVENT_LOOP_DELAY_MS: "0",
  };
  const base = Date.now() - 3_600_000;
  const common = { samples, window, seconds };
  try {
    // 1. The raw broker, alone in its process.
    const raw = await spawnChild(rawScript, {});
    const fake = Array.from({ length: nDevices }, (_, i) => ({
      orgId: "raw",
      deviceId: `raw${i}`,
      username: "",
      password: "",
    }));
    const rawRun = await measure(`mqtt://127.0.0.1:${raw.mqttPort}`, fake, {
      ...common,
      rate: 0,
      anonymous: true,
      base,
    });
    await raw.kill();
    console.log(`raw broker: ${rawRun.phase.messagesPerS} msg/s = ${rawRun.phase.pointsPerS} points/s`);

    // 2. End to end, as fast as acknowledgements come.
    const server = await spawnChild(serverScript, env);
    const devices = JSON.parse(readFileSync(devicesFile, "utf8")) as BenchDevice[];
    const mqtt = `mqtt://127.0.0.1:${server.mqttPort}`;
    const full = await measure(mqtt, devices, { ...common, rate: 0, anonymous: false, base });
    console.log(`end to end: ${full.phase.messagesPerS} msg/s = ${full.phase.pointsPerS} points/s committed`);
    // 3. Latency at half the sustainable rate.
    const half = await measure(mqtt, devices, {
      ...common,
      rate: Math.max(1, full.phase.messagesPerS / 2),
      anonymous: false,
      base: base + 1_000_000_000 / 1000,
    });
    console.log(`at half rate: publish→committed p50 ${half.phase.p50Ms} ms, p99 ${half.phase.p99Ms} ms`);
    const check1 = await server.check(full.ledger);
    const check2 = await server.check(half.ledger);
    const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
    await server.kill();
    const missing = check1.missing + check2.missing;
    const result = {
      database: db,
      devices: nDevices,
      pointsPerMessage: TAGS.length * samples,
      windowPerClient: window,
      seconds,
      rawBroker: rawRun.phase,
      endToEnd: full.phase,
      ratioToRaw: Math.round((full.phase.pointsPerS / Math.max(1, rawRun.phase.pointsPerS)) * 100) / 100,
      halfRate: half.phase,
      acknowledgedPointsMissing: missing,
      acknowledgedPointsChecked: check1.expected + check2.expected,
      ingestCounters: metrics
        .split("\n")
        .filter((l) => l.startsWith("clusterbrain_ingest_") && !l.includes("_bucket"))
        .slice(0, 40),
      machine: await machineInfo(),
    };
    const md = [
      `# Ingest benchmark (${db})`,
      "",
      `${nDevices} devices × QoS 1 JSON batches of ${TAGS.length * samples} points, ${window} in flight per client, ${seconds} s per phase.`,
      "",
      "| phase | messages/s | points/s | publish→PUBACK p50 | p99 |",
      "|---|---|---|---|---|",
      `| raw aedes broker (no auth, no decode, no database) | ${rawRun.phase.messagesPerS} | ${rawRun.phase.pointsPerS} | ${rawRun.phase.p50Ms} ms | ${rawRun.phase.p99Ms} ms |`,
      `| end to end, publish → committed | ${full.phase.messagesPerS} | ${full.phase.pointsPerS} | ${full.phase.p50Ms} ms | ${full.phase.p99Ms} ms |`,
      `| end to end at half that rate | ${half.phase.messagesPerS} | ${half.phase.pointsPerS} | ${half.phase.p50Ms} ms | ${half.phase.p99Ms} ms |`,
      "",
      `End to end / raw broker: ${result.ratioToRaw}. Acknowledged points checked in the database: ${result.acknowledgedPointsChecked}, missing: ${missing}.`,
      "A PUBACK is sent only after the commit, so publish→PUBACK is publish→committed (visible to every query).",
      "",
      `Machine: ${JSON.stringify(result.machine)}`,
    ].join("\n");
    writeResults(out, result, md);
    if (missing > 0) process.exitCode = 1;
  } finally {
    await cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}
