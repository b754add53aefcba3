import { connectAsync, type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import type { IngestSettings } from "../../config/config.ts";
import { IngestRuntime } from "./ingest.runtime.ts";
import { MemoryTelemetry, TEST_DEVICES, waitFor } from "./ingest.test-support.ts";
import { decodeSparkplug, encodeSparkplug, REBIRTH_METRIC, type SparkplugMetric } from "./sparkplug.codec.ts";

const SETTINGS: IngestSettings = {
  mqttPort: 0,
  maxPayloadBytes: 64 * 1024,
  clientId: "test",
  connections: 1,
  shareGroup: "clusterbrain",
  sparkplugHost: true,
  queuePoints: 10_000,
  maxAgeMs: 86_400_000,
  maxAheadMs: 300_000,
  simulator: false,
  simulatorFaultsPerHour: 0,
};

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function setup() {
  const store = new MemoryTelemetry(TEST_DEVICES);
  const runtime = new IngestRuntime({
    writer: store,
    authenticator: store,
    settings: SETTINGS,
    mqttUrl: undefined,
    host: "127.0.0.1",
  });
  await runtime.start();
  open.push({ close: () => runtime.stop() });
  const edge: MqttClient = await connectAsync(`mqtt://127.0.0.1:${runtime.mqttPort}`, {
    username: "b-edge1",
    password: "pw-b-edge1",
    reconnectPeriod: 0,
  });
  open.push({ close: () => edge.endAsync(true) });
  const commands: string[][] = [];
  edge.on("message", (_topic, payload) => {
    commands.push((decodeSparkplug(payload)?.metrics ?? []).map((m) => String(m.name)));
  });
  await edge.subscribeAsync("spBv1.0/org-b/NCMD/edge1", { qos: 0 });
  return { store, runtime, edge, commands };
}

function msg(seq: number, metrics: SparkplugMetric[]): Buffer {
  return encodeSparkplug({ timestamp: Date.now(), seq, metrics });
}

const BIRTH: SparkplugMetric[] = [
  { name: "bdSeq", type: "UInt64", value: 3 },
  { name: "temp", alias: 1, type: "Double", value: 20.5 },
  { name: "speed", alias: 2, type: "Int32", value: 1200 },
  { name: "running", alias: 3, type: "Boolean", value: true },
];

describe("Sparkplug B host", () => {
  it("stores births and alias-only data, tracks sequence numbers across the 255 → 0 wrap", async () => {
    const { store, runtime, edge } = await setup();
    await edge.publishAsync("spBv1.0/org-b/NBIRTH/edge1", msg(254, BIRTH), { qos: 1 });
    await edge.publishAsync(
      "spBv1.0/org-b/NDATA/edge1",
      msg(255, [{ alias: 1, type: "Double", value: 21, timestamp: Date.now() + 1 }]),
      { qos: 1 },
    );
    await edge.publishAsync(
      "spBv1.0/org-b/DBIRTH/edge1/filler",
      msg(0, [{ name: "level", alias: 10, type: "Float", value: 0.5 }]),
      { qos: 1 },
    );
    await edge.publishAsync(
      "spBv1.0/org-b/DDATA/edge1/filler",
      msg(1, [{ alias: 10, type: "Float", value: 0.75, timestamp: Date.now() + 2 }]),
      { qos: 1 },
    );
    const stored = store.stored("org-b", "edge1").map((p) => [p.tag, p.value]);
    expect(stored).toEqual([
      ["temp", 20.5],
      ["speed", 1200],
      ["running", true],
      ["temp", 21],
      ["filler/level", 0.5],
      ["filler/level", 0.75],
    ]);
    expect(runtime.counters().refused.sequence_gap).toBe(0);
  });

  it("on a sequence gap refuses the message, counts it, and publishes a rebirth request; a new NBIRTH resumes", async () => {
    const { store, runtime, edge, commands } = await setup();
    await edge.publishAsync("spBv1.0/org-b/NBIRTH/edge1", msg(0, BIRTH), { qos: 1 });
    const before = store.points.size;
    await edge.publishAsync("spBv1.0/org-b/NDATA/edge1", msg(5, [{ alias: 1, type: "Double", value: 99 }]), {
      qos: 1,
    });
    await waitFor(() => commands.length === 1, 5000, "the rebirth NCMD");
    expect(commands[0]).toEqual([REBIRTH_METRIC]);
    expect(store.points.size).toBe(before);
    // Until the node is born again, its data is refused (aliases may be stale).
    await edge.publishAsync("spBv1.0/org-b/NDATA/edge1", msg(6, [{ alias: 1, type: "Double", value: 98 }]), {
      qos: 1,
    });
    expect(store.points.size).toBe(before);
    expect(runtime.counters().refused.sequence_gap).toBe(2);
    await edge.publishAsync(
      "spBv1.0/org-b/NBIRTH/edge1",
      msg(
        0,
        BIRTH.map((m) => ({ ...m, timestamp: Date.now() + 5 })),
      ),
      {
        qos: 1,
      },
    );
    await edge.publishAsync(
      "spBv1.0/org-b/NDATA/edge1",
      msg(1, [{ alias: 2, type: "Int32", value: 1300, timestamp: Date.now() + 6 }]),
      { qos: 1 },
    );
    expect(store.stored("org-b", "edge1").some((p) => p.tag === "speed" && p.value === 1300)).toBe(true);
    expect(edge.connected).toBe(true);
  });

  it("refuses data from a node that never sent NBIRTH, a garbled payload, and another group's topic", async () => {
    const { store, runtime, edge } = await setup();
    await edge.publishAsync("spBv1.0/org-b/NDATA/edge1", msg(1, [{ alias: 1, type: "Double", value: 1 }]), {
      qos: 1,
    });
    await edge.publishAsync("spBv1.0/org-b/NBIRTH/edge1", Buffer.from([0xff, 0xff, 0xff]), { qos: 1 });
    expect(runtime.counters().refused).toMatchObject({ sequence_gap: 1, malformed: 1 });
    const closed = new Promise<void>((r) => edge.once("close", () => r()));
    edge.publish("spBv1.0/org-a/NBIRTH/edge1", msg(0, BIRTH), { qos: 1 });
    await closed;
    expect(runtime.counters().refused.foreign_topic).toBe(1);
    expect(store.points.size).toBe(0);
  });
});
