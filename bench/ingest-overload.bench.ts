// `npm run bench -- ingest-overload [--factor 3] [--seconds 20] [--devices 8] [--heap-mb 256] [--queue-points N]
//   [--out ingest-overload]`
// Overload of MQTT ingest at `factor` × the sustainable rate with a 256 MB heap
// (--max-old-space-size on the spawned server), on both broker paths side by side in one run:
// the embedded broker (a full queue closes the connection without PUBACK; the device reconnects
// and resends) and an external private Mosquitto (a full queue answers PUBACK reason 0x97, quota
// exceeded). The sustainable rate is measured first (closed loop, embedded path, this run). The
// server's RSS is sampled every 500 ms; shedding is read from /metrics
// (clusterbrain_ingest_shed_total). Embedded path: every acknowledged point must be stored.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverEnv, serverScript, settledCheck } from "./crash/ingest-phase.ts";
import {
  type BenchDevice,
  type Child,
  scrapeCounter,
  spawnChild,
  startPublishing,
  TAGS,
} from "./ingest/workload.ts";
import { benchSchema } from "./lib/bench-schema.ts";
import { arg, sleep } from "./lib/free-port.ts";
import { startPrivateMosquitto } from "./lib/private-mosquitto.ts";
import { startPrivatePostgres } from "./lib/private-postgres.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const SHED = "clusterbrain_ingest_shed_total";
const QUEUE = "clusterbrain_ingest_queue_points";

function rssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface PathResult {
  path: "embedded" | "external";
  offeredMessagesPerS: number;
  ackedMessagesPerS: number;
  shed: number;
  maxQueuePoints: number;
  rssMiB: { start: number; peak: number; end: number; samples: number[] };
  acknowledgedPointsChecked: number;
  acknowledgedPointsMissing: number;
  metricsLines: string[];
}

async function overload(
  server: Child,
  url: string,
  devices: BenchDevice[],
  path: PathResult["path"],
  rate: number,
  seconds: number,
): Promise<PathResult> {
  const rss: number[] = [rssMiB(server.process.pid)];
  let maxQueue = 0;
  const pub = startPublishing({
    url,
    devices,
    samples: 10,
    // Open loop: far more in flight than the server can take, so the offered rate holds.
    window: 2000,
    rate,
    base: Date.now() - 3_600_000,
    reconnectMs: 100,
  });
  const shed0 = await scrapeCounter(server.url, SHED);
  const t0 = performance.now();
  let sent = 0;
  const sentAt0 = Object.values(pub.next).reduce((a, b) => a + b, 0);
  while (performance.now() - t0 < seconds * 1000) {
    await sleep(500);
    rss.push(rssMiB(server.process.pid));
    maxQueue = Math.max(maxQueue, await scrapeCounter(server.url, QUEUE));
  }
  sent = Object.values(pub.next).reduce((a, b) => a + b, 0) - sentAt0;
  const elapsed = (performance.now() - t0) / 1000;
  const acked = pub.ackedMessages();
  await pub.stop();
  const shed = (await scrapeCounter(server.url, SHED)) - shed0;
  // Embedded: an acknowledgement means committed. External: Mosquitto acknowledged everything;
  // what ingest shed (0x97) the broker dropped, so only the embedded path is checked.
  const check =
    path === "embedded"
      ? await settledCheck(server, pub.ledger, 0)
      : { expected: 0, missing: 0, totalRows: 0 };
  await sleep(2000);
  rss.push(rssMiB(server.process.pid));
  const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
  return {
    path,
    offeredMessagesPerS: Math.round(sent / elapsed),
    ackedMessagesPerS: Math.round(acked / elapsed),
    shed,
    maxQueuePoints: maxQueue,
    rssMiB: { start: rss[0], peak: Math.max(...rss), end: rss[rss.length - 1], samples: rss },
    acknowledgedPointsChecked: check.expected,
    acknowledgedPointsMissing: check.missing,
    metricsLines: metrics
      .split("\n")
      .filter((l) => /^clusterbrain_ingest_(shed|points|queue|write_failures)/.test(l)),
  };
}

export async function run(args: string[]): Promise<void> {
  const factor = Number(arg(args, "--factor", "3"));
  const seconds = Number(arg(args, "--seconds", "20"));
  const nDevices = Number(arg(args, "--devices", "8"));
  const heapMb = Number(arg(args, "--heap-mb", "256"));
  // INGEST_QUEUE_POINTS of the server (default: the server's own default, 100,000).
  const queuePoints = arg(args, "--queue-points", "");
  const out = arg(args, "--out", "ingest-overload");
  const work = mkdtempSync(join(tmpdir(), "cb-ingest-overload-"));
  const mosquitto = await startPrivateMosquitto({ maxInflight: 1000 });
  // PostgreSQL in its own process (PGlite would share the server's thread and heap, so the
  // event loop, not the queue, would be the bottleneck).
  const pg = await startPrivatePostgres();
  const results: PathResult[] = [];
  let sustainable = 0;
  try {
    const devicesFile = join(work, "devices.json");
    const dbUrl = (await benchSchema(pg.url, "overload")).url;
    const heap: Record<string, string> = {
      NODE_OPTIONS: `--max-old-space-size=${heapMb}`,
      ...(queuePoints ? { INGEST_QUEUE_POINTS: queuePoints } : {}),
    };
    const embedded = await spawnChild(
      serverScript,
      serverEnv({ dbUrl, devicesFile, seed: nDevices, mqttPort: 0, extra: heap }),
    );
    const devices = JSON.parse(readFileSync(devicesFile, "utf8")) as BenchDevice[];
    const mqtt = `mqtt://127.0.0.1:${embedded.mqttPort}`;
    // The sustainable rate: closed loop (8 in flight per device), 2 s warm-up, 6 s measured.
    const probe = startPublishing({
      url: mqtt,
      devices,
      samples: 10,
      window: 8,
      rate: 0,
      base: Date.now() - 7_200_000,
    });
    await sleep(2000);
    const a0 = probe.ackedMessages();
    await sleep(6000);
    sustainable = (probe.ackedMessages() - a0) / 6;
    await probe.stop();
    console.log(
      `sustainable: ${Math.round(sustainable)} msg/s = ${Math.round(sustainable * TAGS.length * 10)} points/s`,
    );
    const rate = sustainable * factor;
    results.push(await overload(embedded, mqtt, devices, "embedded", rate, seconds));
    console.log(
      JSON.stringify({
        ...results[0],
        metricsLines: undefined,
        rssMiB: { ...results[0].rssMiB, samples: undefined },
      }),
    );
    await embedded.kill();
    // The same database, now behind the private Mosquitto (4 connections, plain shared group).
    const external = await spawnChild(
      serverScript,
      serverEnv({
        dbUrl,
        devicesFile,
        seed: 0,
        mqttPort: 0,
        mqttUrl: mosquitto.url,
        shareGroup: "clusterbrain",
        extra: { ...heap, MQTT_CONNECTIONS: "4" },
      }),
    );
    results.push(await overload(external, mosquitto.url, devices, "external", rate, seconds));
    console.log(
      JSON.stringify({
        ...results[1],
        metricsLines: undefined,
        rssMiB: { ...results[1].rssMiB, samples: undefined },
      }),
    );
    await external.kill();
  } finally {
    await mosquitto.cleanup();
    await pg.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
  const result = {
    database: "private PostgreSQL 15 cluster",
    heapMb,
    queuePoints: queuePoints ? Number(queuePoints) : 100_000,
    factor,
    seconds,
    devices: nDevices,
    pointsPerMessage: TAGS.length * 10,
    sustainableMessagesPerS: Math.round(sustainable),
    sustainablePointsPerS: Math.round(sustainable * TAGS.length * 10),
    paths: results,
    machine: await machineInfo(),
  };
  const md = [
    `# Ingest overload: ${factor}× the sustainable rate, ${heapMb} MB heap (private PostgreSQL)`,
    "",
    `Sustainable rate measured in this run (embedded path, closed loop): ${result.sustainableMessagesPerS} msg/s = ${result.sustainablePointsPerS} points/s.`,
    `Then ${seconds} s open loop at ${factor}× that per path, ${nDevices} devices, up to 2,000 messages in flight each; server RSS every 500 ms; INGEST_QUEUE_POINTS ${result.queuePoints}.`,
    "",
    "| path | offered msg/s | acknowledged msg/s | shed (clusterbrain_ingest_shed_total) | max queue points | RSS start | peak | end (2 s after) | acked points missing |",
    "|---|---|---|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.path === "embedded" ? "embedded aedes (shed = disconnect)" : "external Mosquitto (shed = PUBACK 0x97)"} | ${r.offeredMessagesPerS} | ${r.ackedMessagesPerS} | ${r.shed} | ${r.maxQueuePoints} | ${r.rssMiB.start} MiB | ${r.rssMiB.peak} MiB | ${r.rssMiB.end} MiB | ${r.path === "embedded" ? `${r.acknowledgedPointsMissing} of ${r.acknowledgedPointsChecked}` : "n/a (broker acks)"} |`,
    ),
    "",
    "External path: Mosquitto acknowledges publishers itself; a message ingest answers with 0x97 is dropped by the broker",
    "(the reason code says why), so the publisher-side ledger is not checked there.",
    "On the external path each subscriber connection holds one message at a time (acknowledgements go in order), so the",
    "ingest queue stays at most connections × message size and the backlog waits in the broker: backpressure, not shedding.",
    "Offered msg/s below factor × sustainable means the publishers (one process) could not offer more on this machine.",
    "",
    ...results.map((r) => `RSS samples ${r.path} (MiB): ${r.rssMiB.samples.join(" ")}`),
    "",
    `Machine: ${JSON.stringify(result.machine)}`,
  ].join("\n");
  writeResults(out, result, md);
  if (results.some((r) => r.acknowledgedPointsMissing !== 0)) process.exitCode = 1;
}
