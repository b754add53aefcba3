import { afterEach, describe, expect, it } from "vitest";
import type { IngestSettings } from "../../../config/config.ts";
import { IngestRuntime } from "../ingest.runtime.ts";
import { MemoryTelemetry, waitFor } from "../ingest.test-support.ts";
import { DeviceSignals, FAULT_KINDS, type SimTag } from "./signal.model.ts";
import { type SimDevice, startSimulator } from "./simulator.ts";

const SMT: SimTag[] = [
  { key: "placement_rate", dataType: "number", unit: "cph", low: 0, high: 30000 },
  { key: "reflow_zone1_temp", dataType: "number", unit: "°C", low: 140, high: 180 },
  { key: "state", dataType: "string" },
  { key: "state_reason", dataType: "string" },
];
const WINDER: SimTag[] = [
  { key: "tension", dataType: "number", unit: "N", low: 2, high: 6 },
  { key: "speed", dataType: "number", unit: "rpm", low: 800, high: 1600 },
  { key: "running", dataType: "boolean" },
];
const TESTER: SimTag[] = [
  { key: "pass_count", dataType: "number" },
  { key: "fail_count", dataType: "number" },
];

const devices: SimDevice[] = [
  { orgId: "org-a", deviceId: "smt1", username: "smt1", password: "p1", tags: SMT },
  { orgId: "org-a", deviceId: "wind1", username: "wind1", password: "p2", tags: WINDER },
  { orgId: "org-b", deviceId: "test1", username: "test1", password: "p3", tags: TESTER },
];

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

describe("device signals", () => {
  it("are the same for the same seed and differ for another", () => {
    const run = (seed: number) => {
      const s = new DeviceSignals(SMT, seed, 60, 0);
      return Array.from({ length: 50 }, (_, i) => s.step(i * 1000, 1000));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it("inject every fault kind at a high rate, and machine states with reasons", () => {
    const s = new DeviceSignals(SMT, 1, 3600, 0);
    const states = new Set<string>();
    for (let i = 0; i < 3600; i++) {
      const points = s.step(i * 1000, 1000);
      states.add(String(points.find((p) => p.tag === "state")?.value));
      const temp = points.find((p) => p.tag === "reflow_zone1_temp")?.value;
      expect(Number.isFinite(temp)).toBe(true);
    }
    expect(new Set(s.faultLog.map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
    expect(states.has("run")).toBe(true);
    expect(states.size).toBeGreaterThan(1);
  });

  it("keep counters monotone", () => {
    const s = new DeviceSignals(TESTER, 3, 0, 0);
    let prev = -1;
    for (let i = 0; i < 100; i++) {
      const pass = Number(s.step(i * 1000, 1000).find((p) => p.tag === "pass_count")?.value);
      expect(pass).toBeGreaterThanOrEqual(prev);
      prev = pass;
    }
    expect(prev).toBeGreaterThan(0);
  });
});

describe("simulator over the embedded broker", () => {
  it("publishes JSON and Sparkplug B devices that ingest stores without refusals", async () => {
    const store = new MemoryTelemetry(devices.map((d) => ({ ...d, tags: d.tags.map((t) => t.key) })));
    const settings: IngestSettings = {
      mqttPort: 0,
      maxPayloadBytes: 65536,
      clientId: "t",
      connections: 1,
      shareGroup: "clusterbrain",
      sparkplugHost: true,
      queuePoints: 10_000,
      maxAgeMs: 86_400_000,
      maxAheadMs: 300_000,
      simulator: false,
      simulatorFaultsPerHour: 0,
    };
    const runtime = new IngestRuntime({
      writer: store,
      authenticator: store,
      settings,
      mqttUrl: undefined,
      host: "127.0.0.1",
    });
    await runtime.start();
    open.push({ close: () => runtime.stop() });
    const sim = startSimulator({
      url: runtime.brokerUrl ?? "",
      devices,
      seed: 42,
      faultsPerHour: 60,
      intervalMs: 50,
      sparkplugEvery: 2,
    });
    open.push({ close: () => sim.stop() });
    await waitFor(
      () => devices.every((d) => store.stored(d.orgId, d.deviceId).length >= 3 * d.tags.length),
      10_000,
      "points from every simulated device",
    );
    expect(sim.stats().sparkplug).toBeGreaterThan(0);
    expect(sim.stats().json).toBeGreaterThan(0);
    const refused = Object.values(runtime.counters().refused).reduce((a, b) => a + b, 0);
    expect(refused).toBe(0);
    expect(runtime.deviceStatuses().get("org-a/smt1")?.online).toBe(true);
  });
});
