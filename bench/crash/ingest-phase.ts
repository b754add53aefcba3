// One phase of the ingest crash bench: QoS 1 publishers recording every PUBACK while one component
// is killed with SIGKILL again and again — the server process (embedded broker: a PUBACK means
// committed), the external broker (a private Mosquitto; the server subscribes through MQTT_URL and
// acknowledges to the broker only after commit) or the database (the private PostgreSQL's
// postmaster). After each recovery every point acknowledged before the kill must be in the database.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AckLedger,
  type BenchDevice,
  type Child,
  scrapeCounter,
  spawnChild,
  startPublishing,
} from "../ingest/workload.ts";
import { sleep } from "../lib/free-port.ts";
import type { PrivateMosquitto } from "../lib/private-mosquitto.ts";
import type { PrivatePostgres } from "../lib/private-postgres.ts";

export type KillTarget = "server" | "broker" | "database";

export const serverScript = fileURLToPath(new URL("../ingest/server.ts", import.meta.url));
export const DUPLICATES = 'clusterbrain_ingest_points_total{outcome="duplicate"}';
export const STORED = 'clusterbrain_ingest_points_total{outcome="stored"}';

export interface CycleRow {
  target: KillTarget;
  cycle: number;
  killAfterMs: number;
  ackedMessagesTotal: number;
  missingPoints: number;
  duplicates: number;
  /** Kill → the killed component accepts connections again. */
  restartMs: number;
  /** Kill → a new PUBACK reached a publisher and the server committed new points. */
  recoveryMs: number;
}

export interface PhaseResult {
  target: KillTarget;
  rows: CycleRow[];
  acknowledgedMessages: number;
  acknowledgedPointsChecked: number;
  /** Acknowledged points not in the database at the final check (after everything settled). */
  missing: number;
  /** Cycles whose check (of what was acknowledged before the kill) found points missing. */
  cyclesWithMissing: number;
  duplicates: number;
  rowsInDatabase: number;
  failed: boolean;
}

export interface PhaseOptions {
  target: KillTarget;
  cycles: number;
  devices: number;
  dbUrl: string;
  workDir: string;
  mqttPort: number;
  maxDelayMs: number;
  /**
   * Messages/s over all publishers on the broker path (the broker acknowledges at once, so an
   * unlimited publisher would only grow its backlog); 0 elsewhere: as fast as PUBACKs come.
   */
  brokerRate: number;
  rng(): number;
  /** External broker: MQTT_SHARE_GROUP of the server (default off: plain subscriptions). */
  shareGroup?: string;
  /** The private broker (target broker: publishers and the server's MQTT_URL point at it). */
  mosquitto?: PrivateMosquitto;
  /** The private PostgreSQL cluster holding dbUrl (target database). */
  postgres?: PrivatePostgres;
}

export function serverEnv(o: {
  dbUrl: string;
  devicesFile: string;
  seed: number;
  mqttPort: number;
  mqttUrl?: string;
  /** External broker: the JSON topics' shared-subscription group, default "off" (one ingest process). */
  shareGroup?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    INGEST_DB_URL: o.dbUrl,
    INGEST_SEED: String(o.seed),
    INGEST_DEVICES_FILE: o.devicesFile,
    SESSION_SECRET: "crash-ingest-secret-0123456789-0123456789",
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    MQTT_URL: o.mqttUrl ?? "",
    MQTT_PORT: String(o.mqttPort),
    // Fixed, so the broker keeps this subscriber's session (and its queued messages) across kills.
    MQTT_CLIENT_ID: "crash-ingest",
    MQTT_CONNECTIONS: "2",
    MQTT_SHARE_GROUP: o.shareGroup ?? "off",
    OVERLOAD_EVENT_LOOP_DELAY_MS: "0",
    ...o.extra,
  };
}

function snapshot(l: AckLedger): AckLedger {
  return {
    base: l.base,
    samples: l.samples,
    acked: Object.fromEntries(Object.entries(l.acked).map(([k, v]) => [k, [...v]])),
  };
}

/**
 * Checks a ledger; on the external path acknowledged (by the broker) points may still be on their
 * way to the server, so a shortfall is re-checked for up to `settleMs` before it counts as missing.
 */
export async function settledCheck(server: Child, ledger: AckLedger, settleMs: number) {
  const until = performance.now() + settleMs;
  for (;;) {
    const report = await server.check(ledger);
    if (report.missing === 0 || performance.now() > until) return report;
    await sleep(500);
  }
}

export async function runPhase(o: PhaseOptions): Promise<PhaseResult> {
  const devicesFile = join(o.workDir, `devices-${o.target}.json`);
  const external = o.target === "broker";
  if (external && !o.mosquitto) throw new Error("target broker needs the private Mosquitto");
  if (o.target === "database" && !o.postgres) throw new Error("target database needs the private PostgreSQL");
  const env = (seed: boolean) =>
    serverEnv({
      dbUrl: o.dbUrl,
      devicesFile,
      seed: seed ? o.devices : 0,
      mqttPort: o.mqttPort,
      mqttUrl: external ? o.mosquitto?.url : undefined,
      shareGroup: o.shareGroup,
    });
  const settleMs = external ? 10_000 : 0;
  const rows: CycleRow[] = [];
  let server = await spawnChild(serverScript, env(true));
  const devices = JSON.parse(readFileSync(devicesFile, "utf8")) as BenchDevice[];
  const pub = startPublishing({
    url: external ? (o.mosquitto?.url ?? "") : `mqtt://127.0.0.1:${o.mqttPort}`,
    devices,
    samples: 10,
    window: 8,
    rate: external ? o.brokerRate : 0,
    base: Date.now() - 3_600_000,
    reconnectMs: 100,
  });
  let duplicates = 0;
  let failed = false;
  try {
    for (let cycle = 1; cycle <= o.cycles; cycle++) {
      const killAfterMs = 300 + Math.round(o.rng() * o.maxDelayMs);
      const dupStart = o.target === "server" ? 0 : await scrapeCounter(server.url, DUPLICATES);
      let lifeDuplicates = dupStart;
      const until = performance.now() + killAfterMs;
      while (performance.now() < until) {
        await sleep(Math.min(200, Math.max(1, until - performance.now())));
        lifeDuplicates = Math.max(lifeDuplicates, await scrapeCounter(server.url, DUPLICATES));
      }
      const storedBefore = o.target === "server" ? 0 : await scrapeCounter(server.url, STORED);
      const before = snapshot(pub.ledger);
      const ackedAtKill = pub.ackedMessages();
      const killedAt = performance.now();
      try {
        if (o.target === "server") {
          await server.kill();
          duplicates += lifeDuplicates;
          server = await spawnChild(serverScript, env(false));
        } else if (o.target === "broker") {
          await o.mosquitto?.kill9();
          await o.mosquitto?.start();
        } else {
          await o.postgres?.kill9();
          await o.postgres?.start();
        }
      } catch (err) {
        console.error(`${o.target} cycle ${cycle}: did not come back: ${String(err).slice(0, 400)}`);
        failed = true;
        break;
      }
      const restartMs = Math.round(performance.now() - killedAt);
      while (performance.now() - killedAt < 60_000) {
        const acked = pub.ackedMessages() > ackedAtKill;
        if (acked && (await scrapeCounter(server.url, STORED)) > storedBefore) break;
        await sleep(acked ? 20 : 5);
      }
      const recoveryMs = Math.round(performance.now() - killedAt);
      const report = await settledCheck(server, before, settleMs);
      const cycleDuplicates =
        o.target === "server" ? lifeDuplicates : (await scrapeCounter(server.url, DUPLICATES)) - dupStart;
      rows.push({
        target: o.target,
        cycle,
        killAfterMs,
        ackedMessagesTotal: pub.ackedMessages(),
        missingPoints: report.missing,
        duplicates: cycleDuplicates,
        restartMs,
        recoveryMs,
      });
      console.log(
        `${report.missing === 0 ? "ok  " : "FAIL"} ${o.target} cycle ${cycle}: killed after ${killAfterMs} ms; ` +
          `${pub.ackedMessages()} messages acked so far (${report.expected} points checked, ${report.missing} missing); ` +
          `${cycleDuplicates} duplicates; restart ${restartMs} ms, recovered after ${recoveryMs} ms`,
      );
    }
    await sleep(500);
  } finally {
    await pub.stop();
  }
  const final = await settledCheck(server, pub.ledger, 60_000).catch(() => ({
    expected: 0,
    missing: -1,
    totalRows: 0,
  }));
  // The counter restarts with each server life; for the other targets one life saw them all.
  duplicates += await scrapeCounter(server.url, DUPLICATES);
  await server.kill();
  return {
    target: o.target,
    rows,
    acknowledgedMessages: pub.ackedMessages(),
    acknowledgedPointsChecked: final.expected,
    missing: Math.max(0, final.missing),
    cyclesWithMissing: rows.filter((r) => r.missingPoints !== 0).length,
    duplicates,
    rowsInDatabase: final.totalRows,
    failed: failed || final.missing < 0,
  };
}
