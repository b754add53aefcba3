import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { connectAsync, type MqttClient } from "mqtt";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { defaultConfig } from "../../config/config.ts";
import { IDS, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { issueDeviceCredential } from "../telemetry/device-credential.issuer.ts";
import { createTestDevice, type TestDevice } from "../telemetry/telemetry.test-support.ts";

const SECRET = "test-secret-0123456789-0123456789-abcdef";

describeEachDatabase("ingest module on telemetry storage (embedded broker, real database)", (getDb) => {
  let app: FastifyInstance;
  let device: TestDevice;
  let client: MqttClient;
  let url = "";

  const count = async (q: ReturnType<typeof sql>) =>
    Number(((await getDb().db.execute(q)) as unknown as { rows: { n: number | string }[] }).rows[0].n);

  beforeAll(async () => {
    const { db } = getDb();
    await seedCluster(db);
    device = await createTestDevice(db, IDS.a, "ing", [
      { key: "temp", dataType: "number", unit: "°C", low: 0, high: 300 },
      { key: "running", dataType: "boolean" },
    ]);
    const credential = await issueDeviceCredential(db, undefined, IDS.a, device.deviceId, new Date());
    const base = defaultConfig({ sessionSecret: SECRET });
    app = await buildApp({
      db,
      sessionSecret: SECRET,
      logLevel: "silent",
      config: { ...base, host: "127.0.0.1", ingest: { ...base.ingest, mqttPort: 0 } },
    });
    await app.ready();
    const ready = (await app.inject({ method: "GET", url: "/readyz" })).json() as {
      modules: { name: string; broker?: string }[];
    };
    const port = ready.modules.find((m) => m.name === "ingest")?.broker?.replace("embedded:", "");
    url = `mqtt://127.0.0.1:${port}`;
    client = await connectAsync(url, {
      username: credential.username,
      password: credential.password,
      reconnectPeriod: 0,
    });
  });

  afterAll(async () => {
    await client?.endAsync(true);
    await app?.close();
  });

  it("stores an acknowledged batch in the database, once, and marks the device online", async () => {
    const topic = `cb/${IDS.a}/${device.deviceId}/data`;
    const ts = Date.now();
    const payload = JSON.stringify({
      points: [
        { tag: "temp", ts, v: 245.5 },
        { tag: "running", ts, v: true },
      ],
    });
    await client.publishAsync(topic, payload, { qos: 1 });
    // Acknowledged means committed: the rows are there the moment the PUBACK arrived.
    expect(await count(sql`SELECT count(*) AS n FROM tel_points WHERE device_id = ${device.deviceId}`)).toBe(
      2,
    );
    await client.publishAsync(topic, payload, { qos: 1 });
    expect(await count(sql`SELECT count(*) AS n FROM tel_points WHERE device_id = ${device.deviceId}`)).toBe(
      2,
    );
    // The connection state is saved asynchronously after CONNECT.
    let online = 0;
    for (let i = 0; i < 100 && online === 0; i++) {
      online = await count(
        sql`SELECT count(*) AS n FROM tel_devices WHERE id = ${device.deviceId} AND online`,
      );
      if (online === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(online).toBe(1);
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toContain('clusterbrain_ingest_points_total{outcome="stored"} 2');
    expect(metrics).toContain('clusterbrain_ingest_points_total{outcome="duplicate"} 2');
  });

  it("refuses an unknown tag and a wrong type per point, stores the rest, counts each", async () => {
    const topic = `cb/${IDS.a}/${device.deviceId}/data`;
    const ts = Date.now() + 1;
    await client.publishAsync(
      topic,
      JSON.stringify({
        points: [
          { tag: "nope", ts, v: 1 },
          { tag: "temp", ts, v: "hot" },
          { tag: "temp", ts, v: 250 },
        ],
      }),
      { qos: 1 },
    );
    expect(await count(sql`SELECT count(*) AS n FROM tel_points WHERE device_id = ${device.deviceId}`)).toBe(
      3,
    );
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toContain('clusterbrain_ingest_refused_total{reason="unknown_tag"} 1');
    expect(metrics).toContain('clusterbrain_ingest_refused_total{reason="wrong_type"} 1');
    const ready = (await app.inject({ method: "GET", url: "/readyz" })).json() as { status: string };
    expect(ready.status).toBe("ready");
  });
});
