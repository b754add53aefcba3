// Publishers for the ingest benchmarks: one MQTT client per device, QoS 1 JSON batches of
// 10 tags × `samples` timestamps, a window of messages in flight per client, every PUBACK recorded.
import { type ChildProcess, spawn } from "node:child_process";
import { connect, type MqttClient } from "mqtt";

export const TAGS = Array.from({ length: 10 }, (_, i) => `t${i}`);

export interface BenchDevice {
  orgId: string;
  deviceId: string;
  username: string;
  password: string;
}

/** Message numbers acknowledged per device; message m carries timestamps base + m·samples + s. */
export interface AckLedger {
  base: number;
  samples: number;
  acked: Record<string, number[]>;
}

export interface CheckReport {
  expected: number;
  missing: number;
  totalRows: number;
}

export interface PublishOptions {
  url: string;
  devices: readonly BenchDevice[];
  /** Timestamps per message (points per message = 10 × samples). */
  samples: number;
  /** Messages in flight per client. */
  window: number;
  /** Messages per second over all clients; 0 = as fast as acknowledgements allow. */
  rate: number;
  /** Credentials off (the raw broker takes anyone). */
  anonymous?: boolean;
  /** First message number per device (continues across crash cycles). */
  next?: Record<string, number>;
  base: number;
  /** Reconnect after a broken connection (crash bench); 0: never. */
  reconnectMs?: number;
}

export interface Publishing {
  ledger: AckLedger;
  /** Publish → PUBACK latencies in ms. */
  latencies: number[];
  next: Record<string, number>;
  ackedMessages(): number;
  stop(): Promise<void>;
}

export function payload(base: number, samples: number, m: number): Buffer {
  const points: { tag: string; ts: number; v: number }[] = [];
  for (let s = 0; s < samples; s++) {
    const ts = base + m * samples + s;
    for (const tag of TAGS) points.push({ tag, ts, v: (m % 1000) + s / 10 });
  }
  return Buffer.from(JSON.stringify({ points }));
}

export function startPublishing(o: PublishOptions): Publishing {
  const ledger: AckLedger = { base: o.base, samples: o.samples, acked: {} };
  const latencies: number[] = [];
  const next: Record<string, number> = { ...(o.next ?? {}) };
  const clients: MqttClient[] = [];
  let stopped = false;
  let acked = 0;
  const perClientInterval = o.rate > 0 ? (1000 * o.devices.length) / o.rate : 0;

  for (const d of o.devices) {
    ledger.acked[d.deviceId] = [];
    next[d.deviceId] ??= 0;
    const client = connect(o.url, {
      clientId: `bench-${d.deviceId}`,
      username: o.anonymous ? undefined : d.username,
      password: o.anonymous ? undefined : d.password,
      reconnectPeriod: o.reconnectMs ?? 0,
      connectTimeout: 5000,
      // Unacknowledged messages are resent after a reconnect (mqtt.js keeps them in its store).
      clean: true,
    });
    client.on("error", () => undefined);
    clients.push(client);
    let inFlight = 0;
    let lastSend = 0;
    const topic = `cb/${d.orgId}/${d.deviceId}/data`;
    const pump = () => {
      while (!stopped && client.connected && inFlight < o.window) {
        if (perClientInterval > 0) {
          const now = performance.now();
          if (now - lastSend < perClientInterval) {
            setTimeout(pump, Math.max(1, perClientInterval - (now - lastSend)));
            return;
          }
          lastSend = now;
        }
        const m = next[d.deviceId]++;
        inFlight++;
        const sent = performance.now();
        client.publish(topic, payload(o.base, o.samples, m), { qos: 1 }, (err) => {
          inFlight--;
          if (!err) {
            ledger.acked[d.deviceId].push(m);
            latencies.push(performance.now() - sent);
            acked++;
          }
          if (!stopped) setImmediate(pump);
        });
      }
    };
    client.on("connect", pump);
  }
  return {
    ledger,
    latencies,
    next,
    ackedMessages: () => acked,
    stop: async () => {
      stopped = true;
      await Promise.all(clients.map((c) => c.endAsync(true)));
    },
  };
}

export interface Child {
  url: string;
  mqttPort: number;
  readyMs: number;
  process: ChildProcess;
  check(ledger: AckLedger): Promise<CheckReport>;
  kill(): Promise<void>;
}

/** Spawns a bench child script and waits for its {"url","mqttPort"} line. */
export async function spawnChild(
  script: string,
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  try {
    const info = await new Promise<{ url: string; mqttPort: number }>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(
        () => reject(new Error(`no start within ${timeoutMs} ms: ${stderr}`)),
        timeoutMs,
      );
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n").find((l) => l.startsWith('{"url"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { url: string; mqttPort: number });
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`child exited (${code ?? signal}) before ready: ${stderr}`));
      });
    });
    // A child that died answers no check: say so with its last stderr instead of an unhandled
    // ERR_IPC_CHANNEL_CLOSED from send().
    const check = (ledger: AckLedger) =>
      new Promise<CheckReport>((resolve, reject) => {
        if (!child.connected) {
          reject(new Error(`child exited (${child.exitCode ?? child.signalCode}): ${stderr}`));
          return;
        }
        const onExit = (code: number | null, signal: string | null) =>
          reject(new Error(`child exited (${code ?? signal}) during a check: ${stderr}`));
        child.once("exit", onExit);
        child.once("message", (m: { report?: CheckReport; error?: string }) => {
          child.off("exit", onExit);
          if (m.report) resolve(m.report);
          else reject(new Error(`check failed: ${m.error}`));
        });
        child.send(ledger, (err) => {
          if (err) reject(new Error(`child unreachable: ${err.message}: ${stderr}`));
        });
      });
    return { ...info, readyMs: Math.round(performance.now() - started), process: child, check, kill };
  } catch (err) {
    await kill();
    throw err;
  }
}

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

/** Scrapes one counter value from /metrics (0 when absent). */
export async function scrapeCounter(url: string, line: string): Promise<number> {
  const text = await fetch(`${url}/metrics`)
    .then((r) => r.text())
    .catch(() => "");
  const found = text.split("\n").find((l) => l.startsWith(line));
  return found ? Number(found.slice(line.length).trim()) : 0;
}
