import { createServer } from "node:net";
import { connectAsync, type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import type { IngestSettings } from "../../config/config.ts";
import { IngestRuntime } from "./ingest.runtime.ts";
import { MemoryTelemetry, TEST_DEVICES, waitFor } from "./ingest.test-support.ts";

const SETTINGS: IngestSettings = {
  mqttPort: 0,
  maxPayloadBytes: 4096,
  clientId: "test",
  connections: 1,
  shareGroup: "clusterbrain",
  sparkplugHost: true,
  queuePoints: 10_000,
  maxAgeMs: 7 * 86_400_000,
  maxAheadMs: 300_000,
  simulator: false,
  simulatorFaultsPerHour: 0,
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function startIngest(settings: Partial<IngestSettings> = {}) {
  const store = new MemoryTelemetry(TEST_DEVICES);
  const runtime = new IngestRuntime({
    writer: store,
    authenticator: store,
    settings: { ...SETTINGS, ...settings },
    mqttUrl: undefined,
    host: "127.0.0.1",
  });
  await runtime.start();
  open.push({ close: () => runtime.stop() });
  return { store, runtime, url: `mqtt://127.0.0.1:${runtime.mqttPort}` };
}

async function device(url: string, username: string, password?: string): Promise<MqttClient> {
  const client = await connectAsync(url, {
    username,
    password: password ?? `pw-${username}`,
    reconnectPeriod: 0,
    clientId: `${username}-${Math.random().toString(36).slice(2, 8)}`,
  });
  open.push({ close: () => client.endAsync(true) });
  return client;
}

const json = (points: unknown[]) => Buffer.from(JSON.stringify({ points }));

describe("embedded broker", () => {
  it("acknowledges a QoS 1 batch only after its points are committed", async () => {
    const { store, url } = await startIngest();
    let release: () => void = () => undefined;
    store.gate = new Promise((r) => {
      release = r;
    });
    const client = await device(url, "a-line1");
    const now = Date.now();
    const acked = client.publishAsync(
      "cb/org-a/line1/data",
      json([
        { tag: "temp", ts: now, v: 21.5 },
        { tag: "rate", ts: new Date(now).toISOString(), v: 120 },
      ]),
      { qos: 1 },
    );
    let ackedAt = 0;
    void acked.then(() => {
      ackedAt = Date.now();
    });
    await waitFor(() => store.writes === 1, 5000, "the write to start");
    await new Promise((r) => setTimeout(r, 150));
    expect(ackedAt).toBe(0); // no PUBACK while the write is pending
    store.gate = undefined;
    release();
    await acked;
    expect(store.stored("org-a", "line1").map((p) => [p.tag, p.value])).toEqual([
      ["temp", 21.5],
      ["rate", 120],
    ]);
    expect(store.log[0].at).toBeLessThanOrEqual(ackedAt);
  });

  it("counts a redelivered batch as duplicates, not stored twice", async () => {
    const { store, runtime, url } = await startIngest();
    const client = await device(url, "a-line1");
    const payload = json([{ tag: "temp", ts: Date.now(), v: 1 }]);
    await client.publishAsync("cb/org-a/line1/data", payload, { qos: 1 });
    await client.publishAsync("cb/org-a/line1/data", payload, { qos: 1 });
    expect(store.points.size).toBe(1);
    expect(runtime.counters().duplicates).toBe(1);
    expect(runtime.counters().stored).toBe(1);
  });

  it("commits a device's waiting messages together in one write, and acks each after it", async () => {
    const { store, url } = await startIngest();
    let release: () => void = () => undefined;
    store.gate = new Promise((r) => {
      release = r;
    });
    const client = await device(url, "a-line1");
    const t = Date.now();
    const acks = [0, 1, 2, 3, 4].map((i) =>
      client.publishAsync("cb/org-a/line1/data", json([{ tag: "n1", ts: t + i, v: i }]), { qos: 1 }),
    );
    await waitFor(() => store.writes === 1, 5000, "the first write");
    await new Promise((r) => setTimeout(r, 100));
    store.gate = undefined;
    release();
    await Promise.all(acks);
    // Five messages, fewer writes: those that waited went together.
    const sizes = store.log.map((l) => l.batch.points.length);
    expect(sizes.length).toBeLessThan(5);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(store.points.size).toBe(5);
  });

  it("refuses bad credentials at connect", async () => {
    const { url } = await startIngest();
    await expect(device(url, "a-line1", "wrong")).rejects.toThrow();
  });

  it("refuses and counts a publish under another firm's topic; other devices carry on", async () => {
    const { store, runtime, url } = await startIngest();
    const good = await device(url, "a-line2");
    const intruder = await device(url, "b-edge1");
    const closed = new Promise<void>((r) => intruder.once("close", () => r()));
    intruder.publish("cb/org-a/line2/data", json([{ tag: "temp", ts: Date.now(), v: 99 }]), { qos: 1 });
    await closed;
    await good.publishAsync("cb/org-a/line2/data", json([{ tag: "temp", ts: Date.now(), v: 20 }]), {
      qos: 1,
    });
    expect(store.stored("org-a", "line2").map((p) => p.value)).toEqual([20]);
    expect(runtime.counters().refused.foreign_topic).toBe(1);
    expect(good.connected).toBe(true);
  });

  it("refuses malformed JSON, unknown tags, out-of-range timestamps and oversized payloads, and stores nothing of them", async () => {
    const { store, runtime, url } = await startIngest();
    const client = await device(url, "a-line1");
    const topic = "cb/org-a/line1/data";
    await client.publishAsync(topic, Buffer.from("{not json"), { qos: 1 });
    await client.publishAsync(topic, Buffer.from(JSON.stringify({ points: [{ tag: "temp", v: {} }] })), {
      qos: 1,
    });
    await client.publishAsync(topic, json([{ tag: "nope", ts: Date.now(), v: 1 }]), { qos: 1 });
    await client.publishAsync(topic, json([{ tag: "temp", ts: Date.now() + 86_400_000, v: 1 }]), { qos: 1 });
    await client.publishAsync(topic, json([{ tag: "temp", ts: "2001-01-01T00:00:00Z", v: 1 }]), { qos: 1 });
    await client.publishAsync(topic, Buffer.alloc(5000, 32), { qos: 1 });
    expect(store.points.size).toBe(0);
    const refused = runtime.counters().refused;
    expect(refused).toMatchObject({ malformed: 2, unknown_tag: 1, timestamp_out_of_range: 2, oversized: 1 });
    // The same connection still works.
    await client.publishAsync(topic, json([{ tag: "temp", ts: Date.now(), v: 5 }]), { qos: 1 });
    expect(store.points.size).toBe(1);
    expect(client.connected).toBe(true);
  });

  it("holds PUBACKs while the database is down, says not ready, and resumes by itself", async () => {
    const { store, runtime, url } = await startIngest();
    store.failing = true;
    const client = await device(url, "a-line1");
    let acked = false;
    const publish = client
      .publishAsync("cb/org-a/line1/data", json([{ tag: "temp", ts: Date.now(), v: 7 }]), { qos: 1 })
      .then(() => {
        acked = true;
      });
    await waitFor(() => store.writes >= 2, 5000, "write retries");
    expect(acked).toBe(false);
    expect(runtime.health().ok).toBe(false);
    store.failing = false;
    await publish;
    expect(store.points.size).toBe(1);
    expect(runtime.health().ok).toBe(true);
  });

  it("sheds by disconnecting when the queue is full, and counts it", async () => {
    const { store, runtime, url } = await startIngest({ queuePoints: 3 });
    let release: () => void = () => undefined;
    store.gate = new Promise((r) => {
      release = r;
    });
    const first = await device(url, "a-line1");
    const second = await device(url, "a-line2");
    const firstAck = first.publishAsync(
      "cb/org-a/line1/data",
      json([1, 2, 3].map((i) => ({ tag: "temp", ts: Date.now() - i, v: i }))),
      { qos: 1 },
    );
    await waitFor(() => store.writes === 1, 5000, "the first write");
    const closed = new Promise<void>((r) => second.once("close", () => r()));
    second.publish("cb/org-a/line2/data", json([{ tag: "temp", ts: Date.now(), v: 1 }]), { qos: 1 });
    await closed;
    expect(runtime.counters().shed).toBe(1);
    store.gate = undefined;
    release();
    await firstAck;
    expect(store.points.size).toBe(3);
  });

  it("takes the next free port when the wanted one is in use", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    open.push({ close: () => new Promise<void>((r) => blocker.close(() => r())) });
    const address = blocker.address();
    const taken = typeof address === "object" && address ? address.port : 0;
    const { runtime } = await startIngest({ mqttPort: taken });
    expect(runtime.mqttPort).toBeGreaterThan(taken);
  });
});
