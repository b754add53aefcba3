// The ingest benchmarks' server process: the real `startServer` (migrations, modules, the
// embedded MQTT broker on a free port) on the database in INGEST_DB_URL. On its first start
// (INGEST_SEED=N) it creates N devices with 10 number tags each and their credentials, written to
// INGEST_DEVICES_FILE. It prints {"url","mqttPort"} once ready and answers the parent's checks
// over IPC with its own database handle (PGlite's directory is never opened by two processes).
import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { startServer } from "../../apps/server/src/index.ts";
import { issueDeviceCredential } from "../../apps/server/src/modules/telemetry/device-credential.issuer.ts";
import { createTestDevice } from "../../apps/server/src/modules/telemetry/telemetry.test-support.ts";
import { IDS, seedCluster } from "../../apps/server/src/test/fixtures.ts";
import type { AckLedger, BenchDevice, CheckReport } from "./workload.ts";
import { TAGS } from "./workload.ts";

const url = process.env.INGEST_DB_URL;
if (!url) throw new Error("INGEST_DB_URL is not set");
const server = await startServer({ databaseUrl: url, port: 0, host: "127.0.0.1", logLevel: "silent" });
const db = server.db.db;
const seedDevices = Number(process.env.INGEST_SEED ?? "0");
if (seedDevices > 0) {
  await seedCluster(db);
  const devices: BenchDevice[] = [];
  for (let i = 0; i < seedDevices; i++) {
    const orgId = i % 2 === 0 ? IDS.a : IDS.b;
    const d = await createTestDevice(
      db,
      orgId,
      `b${i}`,
      TAGS.map((key) => ({ key, dataType: "number" as const })),
    );
    const c = await issueDeviceCredential(db, undefined, orgId, d.deviceId, new Date());
    devices.push({ orgId, deviceId: d.deviceId, username: c.username, password: c.password });
  }
  writeFileSync(process.env.INGEST_DEVICES_FILE ?? "devices.json", JSON.stringify(devices));
}

async function check(ledger: AckLedger): Promise<CheckReport> {
  let missing = 0;
  let expected = 0;
  for (const [deviceId, acked] of Object.entries(ledger.acked)) {
    if (acked.length === 0) continue;
    expected += acked.length * TAGS.length * ledger.samples;
    const res = (await db.execute(sql`
      SELECT count(*) AS n FROM tel_points
      WHERE device_id = ${deviceId}
        AND floor((round(extract(epoch FROM ts) * 1000)::bigint - ${ledger.base}) / ${ledger.samples})::bigint
            = ANY(${sql.param(acked)}::bigint[])`)) as unknown as { rows: { n: number | string }[] };
    missing += acked.length * TAGS.length * ledger.samples - Number(res.rows[0].n);
  }
  const total = (await db.execute(sql`SELECT count(*) AS n FROM tel_points`)) as unknown as {
    rows: { n: number | string }[];
  };
  return { expected, missing, totalRows: Number(total.rows[0].n) };
}

process.on("message", (ledger: AckLedger) => {
  check(ledger).then(
    (report) => process.send?.({ report }),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
  modules: { name: string; broker?: string }[];
};
const mqttPort = Number(ready.modules.find((m) => m.name === "ingest")?.broker?.replace("embedded:", ""));
process.stdout.write(`${JSON.stringify({ url: server.url, mqttPort })}\n`);
