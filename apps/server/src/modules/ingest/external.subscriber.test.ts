import { randomBytes } from "node:crypto";
import { connectAsync, type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import type { IngestSettings } from "../../config/config.ts";
import { IngestRuntime } from "./ingest.runtime.ts";
import { MemoryTelemetry, waitFor } from "./ingest.test-support.ts";

// Runs against a real external broker only when one is given (CI: the machine's Mosquitto).
const url = process.env.MQTT_TEST_URL;

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

describe.runIf(url)("external broker (MQTT_TEST_URL)", () => {
  const unique = randomBytes(4).toString("hex");
  const orgId = `org-t${unique}`;
  const devices = [{ orgId, deviceId: "line1", username: "u", password: "p", tags: ["temp"] }];
  const settings: IngestSettings = {
    mqttPort: null,
    maxPayloadBytes: 4096,
    clientId: `cb-test-${unique}`,
    connections: 2,
    shareGroup: "clusterbrain",
    sparkplugHost: false,
    queuePoints: 10_000,
    maxAgeMs: 86_400_000,
    maxAheadMs: 300_000,
    simulator: false,
    simulatorFaultsPerHour: 0,
  };

  async function ingest(store: MemoryTelemetry, overrides: Partial<IngestSettings> = {}) {
    const runtime = new IngestRuntime({
      writer: store,
      authenticator: store,
      settings: { ...settings, ...overrides },
      mqttUrl: url,
      shareGroup: `cbtest${unique}`,
      host: "127.0.0.1",
    });
    await runtime.start();
    await waitFor(() => runtime.health().brokerConnected === true, 10_000, "the broker connection");
    // Subscriptions are in place once the broker answered SUBACK; give it a moment.
    await new Promise((r) => setTimeout(r, 300));
    return runtime;
  }

  async function publisher(): Promise<MqttClient> {
    const client = await connectAsync(url ?? "", { clientId: `cb-pub-${unique}`, reconnectPeriod: 0 });
    open.push({ close: () => client.endAsync(true) });
    return client;
  }

  const json = (points: unknown[]) => Buffer.from(JSON.stringify({ points }));

  it("commits before acking, refuses unknown devices, and keeps unacked messages in its persistent session", async () => {
    const store = new MemoryTelemetry(devices);
    let runtime = await ingest(store);
    const pub = await publisher();
    const t0 = Date.now();
    await pub.publishAsync(`cb/${orgId}/line1/data`, json([{ tag: "temp", ts: t0, v: 1 }]), { qos: 1 });
    await pub.publishAsync(`cb/${orgId}/ghost/data`, json([{ tag: "temp", ts: t0, v: 1 }]), { qos: 1 });
    await pub.publishAsync(`cb/${orgId}/line1/data`, Buffer.from("{bad"), { qos: 1 });
    await waitFor(() => store.points.size === 1 && runtime.counters().refused.malformed >= 1, 5000, "ingest");
    await waitFor(() => runtime.counters().refused.unknown_device >= 1, 5000, "unknown device refusal");

    // Database down: the message is received but not acknowledged; ingest stops (as if killed).
    store.failing = true;
    await pub.publishAsync(`cb/${orgId}/line1/data`, json([{ tag: "temp", ts: t0 + 1, v: 2 }]), { qos: 1 });
    await waitFor(() => store.writes >= 4, 5000, "the failing write");
    expect(runtime.health().ok).toBe(false);
    await runtime.stop();
    expect(store.points.size).toBe(1);

    // Same client ids, persistent sessions: the broker redelivers what was never acknowledged.
    store.failing = false;
    runtime = await ingest(store);
    open.push({ close: () => runtime.stop() });
    await waitFor(() => store.points.size === 2, 10_000, "redelivery after restart");
    expect(store.stored(orgId, "line1").map((p) => p.value)).toEqual([1, 2]);
    await runtime.stop();
    // Leave no persistent sessions behind on the shared broker.
    for (let n = 0; n < settings.connections; n++) {
      const c = await connectAsync(url ?? "", {
        clientId: `${settings.clientId}-${n}`,
        clean: true,
        reconnectPeriod: 0,
      });
      await c.endAsync();
    }
  });

  it("sheds with PUBACK reason 0x97 when the queue is full, counted, nothing stored", async () => {
    const store = new MemoryTelemetry(devices);
    let release: () => void = () => undefined;
    store.gate = new Promise((r) => {
      release = r;
    });
    const runtime = await ingest(store, { queuePoints: 2, clientId: `cb-test-shed-${unique}` });
    open.push({ close: () => runtime.stop() });
    const pub = await publisher();
    const t0 = Date.now() + 10_000;
    // Two connections: the first message holds the queue, the second (other connection) is shed.
    await pub.publishAsync(
      `cb/${orgId}/line1/data`,
      json([
        { tag: "temp", ts: t0, v: 1 },
        { tag: "temp", ts: t0 + 1, v: 2 },
      ]),
      { qos: 1 },
    );
    await waitFor(() => store.writes === 1, 5000, "the first write");
    await pub.publishAsync(`cb/${orgId}/line1/data`, json([{ tag: "temp", ts: t0 + 2, v: 3 }]), { qos: 1 });
    await waitFor(() => runtime.counters().shed === 1, 5000, "the shed message");
    store.gate = undefined;
    release();
    await waitFor(() => store.points.size === 2, 5000, "the first message stored");
    expect(store.stored(orgId, "line1").map((p) => p.value)).toEqual([1, 2]);
    await runtime.stop();
    for (let n = 0; n < settings.connections; n++) {
      const c = await connectAsync(url ?? "", {
        clientId: `cb-test-shed-${unique}-${n}`,
        clean: true,
        reconnectPeriod: 0,
      });
      await c.endAsync();
    }
  });
});
