import { connect, type MqttClient } from "mqtt";
import type { RawPoint } from "../../telemetry/telemetry.types.ts";
import { encodeJsonData } from "../json.codec.ts";
import {
  decodeSparkplug,
  encodeSparkplug,
  REBIRTH_METRIC,
  type SparkplugMetric,
} from "../sparkplug.codec.ts";
import { DeviceSignals, type SimTag } from "./signal.model.ts";

/** A device the simulator plays, as `seedDemoTelemetry(db)` returns them. */
export interface SimDevice {
  orgId: string;
  deviceId: string;
  username: string;
  password: string;
  tags: SimTag[];
}

export interface SimulatorOptions {
  /** Broker URL (the embedded broker or MQTT_URL). */
  url: string;
  devices: readonly SimDevice[];
  seed: number;
  faultsPerHour: number;
  /** Sample interval per device. */
  intervalMs: number;
  /** Every n-th device speaks Sparkplug B, the others JSON (0: all JSON). */
  sparkplugEvery: number;
  onError?(device: string, err: Error): void;
}

export interface RunningSimulator {
  /** Messages acknowledged by the broker (QoS 1 PUBACK) so far, per protocol. */
  stats(): { json: number; sparkplug: number; points: number; faults: number; rebirths: number };
  signals(orgId: string, deviceId: string): DeviceSignals | undefined;
  stop(): Promise<void>;
}

function metricType(v: RawPoint["value"]): SparkplugMetric["type"] {
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

/**
 * Simulated devices that publish exactly like real ones: JSON devices on `cb/<org>/<device>/data`
 * with an `offline` will on `…/status`; Sparkplug B edge nodes with NBIRTH (aliases, bdSeq),
 * NDATA by alias with sequence numbers, an NDEATH will, and a fresh NBIRTH when the host sends
 * the Node Control/Rebirth command. All values come from one seeded generator per device.
 */
export function startSimulator(options: SimulatorOptions): RunningSimulator {
  const counts = { json: 0, sparkplug: 0, points: 0, rebirths: 0 };
  const machines = new Map<string, DeviceSignals>();
  const clients: MqttClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  const start = Date.now();

  options.devices.forEach((device, i) => {
    const key = `${device.orgId}/${device.deviceId}`;
    const signals = new DeviceSignals(device.tags, options.seed * 7919 + i, options.faultsPerHour, start);
    machines.set(key, signals);
    const sparkplug = options.sparkplugEvery > 0 && i % options.sparkplugEvery === options.sparkplugEvery - 1;
    const group = device.orgId;
    const edge = device.deviceId;
    let seq = 0;
    // bdSeq names this connection's session; NBIRTH and the NDEATH will carry the same one.
    const bdSeq = 0;
    const nextSeq = () => {
      const s = seq;
      seq = (seq + 1) % 256;
      return s;
    };
    const deathPayload = () =>
      encodeSparkplug({ timestamp: Date.now(), metrics: [{ name: "bdSeq", type: "UInt64", value: bdSeq }] });
    const client = connect(options.url, {
      clientId: `sim-${device.orgId}-${device.deviceId}`.slice(0, 64),
      username: device.username,
      password: device.password,
      reconnectPeriod: 2000,
      will: sparkplug
        ? { topic: `spBv1.0/${group}/NDEATH/${edge}`, payload: deathPayload(), qos: 1, retain: false }
        : {
            topic: `cb/${group}/${edge}/status`,
            payload: Buffer.from('{"online":false}'),
            qos: 1,
            retain: false,
          },
    });
    clients.push(client);
    let last = Date.now();
    const aliases = new Map(device.tags.map((t, n) => [t.key, n + 1]));
    const birth = () => {
      seq = 0;
      const ts = Date.now();
      const points = signals.step(ts, 0);
      const metrics: SparkplugMetric[] = [
        { name: "bdSeq", type: "UInt64", value: bdSeq },
        { name: REBIRTH_METRIC, type: "Boolean", value: false },
        ...points.map((p) => ({
          name: p.tag,
          alias: aliases.get(p.tag),
          type: metricType(p.value),
          value: p.value,
          timestamp: ts,
        })),
      ];
      client.publish(
        `spBv1.0/${group}/NBIRTH/${edge}`,
        encodeSparkplug({ timestamp: ts, seq: nextSeq(), metrics }),
        { qos: 1 },
        (err) => {
          if (!err) counts.sparkplug++;
        },
      );
    };
    client.on("connect", () => {
      if (sparkplug) {
        client.subscribe(`spBv1.0/${group}/NCMD/${edge}`, { qos: 0 });
        birth();
      } else {
        client.publish(`cb/${group}/${edge}/status`, '{"online":true}', { qos: 1 });
      }
    });
    client.on("message", (_topic, payload) => {
      const cmd = decodeSparkplug(payload);
      if (cmd?.metrics?.some((m) => m.name === REBIRTH_METRIC && m.value === true)) {
        counts.rebirths++;
        birth();
      }
    });
    client.on("error", (err) => options.onError?.(key, err));
    const tick = () => {
      if (!client.connected) return;
      const ts = Date.now();
      const points = signals.step(ts, ts - last);
      last = ts;
      if (sparkplug) {
        const metrics = points.map((p) => ({
          alias: aliases.get(p.tag),
          type: metricType(p.value),
          value: p.value,
          timestamp: p.ts,
        }));
        client.publish(
          `spBv1.0/${group}/NDATA/${edge}`,
          encodeSparkplug({ timestamp: ts, seq: nextSeq(), metrics }),
          { qos: 1 },
          (err) => {
            if (err) return;
            counts.sparkplug++;
            counts.points += points.length;
          },
        );
      } else {
        client.publish(`cb/${group}/${edge}/data`, encodeJsonData(points), { qos: 1 }, (err) => {
          if (err) return;
          counts.json++;
          counts.points += points.length;
        });
      }
    };
    // Stagger devices over the interval so the broker sees a steady stream, not bursts.
    const offset = Math.floor((i / Math.max(1, options.devices.length)) * options.intervalMs);
    timers.push(
      setTimeout(() => {
        tick();
        timers.push(setInterval(tick, options.intervalMs));
      }, offset),
    );
  });

  return {
    stats: () => ({
      ...counts,
      faults: [...machines.values()].reduce((n, m) => n + m.faultLog.length, 0),
    }),
    signals: (orgId, deviceId) => machines.get(`${orgId}/${deviceId}`),
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      await Promise.all(clients.map((c) => c.endAsync()));
    },
  };
}
