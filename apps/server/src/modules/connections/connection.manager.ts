import type { ConnectionStatus } from "@clusterbrain/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { PointBatch } from "../telemetry/telemetry.types.ts";

/** A connection ready to run: what a runner needs, resolved from the stored row. */
export interface RunnableConnection {
  orgId: string;
  id: string;
  kind: "opcua" | "modbus";
  deviceId: string;
}

/** What a runner reports while it runs. */
export interface RunnerHooks {
  /** The device is reachable (OPC UA subscribed, first Modbus poll answered). */
  connected(): void;
  /** Values arrived (their timestamp, epoch ms). */
  value(ts: number): void;
  /** The connection broke after it started; the manager stops it and retries with back-off. */
  failed(message: string): void;
  commit(batch: PointBatch): Promise<unknown>;
}

export interface Runner {
  stop(): Promise<void>;
}

/** Starts one connection; rejects (with a message for the firm) when it cannot. */
export type StartRunner = (conn: RunnableConnection, hooks: RunnerHooks) => Promise<Runner>;

export interface ManagerOptions {
  start: StartRunner;
  commit(batch: PointBatch): Promise<unknown>;
  /** Device reachable or not, for the asset tree. */
  onDeviceState?(orgId: string, deviceId: string, online: boolean): void;
  log?: FastifyBaseLogger;
  /** First retry delay; doubles per failed attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface Entry {
  conn: RunnableConnection;
  status: ConnectionStatus;
  runner?: Runner;
  timer?: NodeJS.Timeout;
  /** Bumped on every stop or restart: callbacks of an older run are ignored. */
  generation: number;
}

const key = (orgId: string, id: string) => `${orgId}/${id}`;

/**
 * Runs a firm's stored device connections in this process: one runner per enabled connection,
 * status kept per connection (connecting, connected, error with its message, last value time),
 * reconnects with exponential back-off, and a change to one connection restarts only that one.
 */
export class ConnectionManager {
  private readonly entries = new Map<string, Entry>();
  private stopped = false;

  constructor(private readonly options: ManagerOptions) {}

  status(orgId: string, id: string): ConnectionStatus {
    return (
      this.entries.get(key(orgId, id))?.status ?? {
        state: "stopped",
        error: null,
        lastValueAt: null,
        attempts: 0,
        retryAt: null,
      }
    );
  }

  /** Starts (or restarts) one connection; null stops and forgets it. Other connections are untouched. */
  async apply(orgId: string, id: string, conn: RunnableConnection | null): Promise<void> {
    const k = key(orgId, id);
    const old = this.entries.get(k);
    if (old) await this.halt(old);
    if (!conn || this.stopped) {
      this.entries.delete(k);
      return;
    }
    const entry: Entry = {
      conn,
      generation: (old?.generation ?? 0) + 1,
      status: { state: "connecting", error: null, lastValueAt: null, attempts: 0, retryAt: null },
    };
    this.entries.set(k, entry);
    void this.attempt(entry, entry.generation);
  }

  /** Retries now every failing connection of a firm (e.g. after its trust list changed). */
  retryOrg(orgId: string): void {
    for (const entry of this.entries.values()) {
      if (entry.conn.orgId !== orgId || entry.status.state !== "error") continue;
      clearTimeout(entry.timer);
      entry.generation++;
      void this.attempt(entry, entry.generation);
    }
  }

  /** Ids of running connections (tests, metrics). */
  running(): string[] {
    return [...this.entries.keys()];
  }

  async stopAll(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.entries.values()].map((e) => this.halt(e)));
    this.entries.clear();
  }

  private async halt(entry: Entry): Promise<void> {
    entry.generation++;
    clearTimeout(entry.timer);
    const runner = entry.runner;
    entry.runner = undefined;
    await runner?.stop().catch(() => undefined);
  }

  private async attempt(entry: Entry, generation: number): Promise<void> {
    const current = () => entry.generation === generation && !this.stopped;
    entry.status = { ...entry.status, state: "connecting", retryAt: null };
    const hooks: RunnerHooks = {
      connected: () => {
        if (!current() || entry.status.state === "connected") return;
        entry.status = { ...entry.status, state: "connected", error: null, attempts: 0, retryAt: null };
        this.options.onDeviceState?.(entry.conn.orgId, entry.conn.deviceId, true);
      },
      value: (ts) => {
        if (current()) entry.status = { ...entry.status, lastValueAt: new Date(ts).toISOString() };
      },
      failed: (message) => {
        if (current()) void this.fail(entry, generation, message);
      },
      commit: (batch) => this.options.commit(batch),
    };
    try {
      const runner = await this.options.start(entry.conn, hooks);
      if (!current()) {
        await runner.stop().catch(() => undefined);
        return;
      }
      entry.runner = runner;
    } catch (err) {
      if (current()) await this.fail(entry, generation, err instanceof Error ? err.message : String(err));
    }
  }

  private async fail(entry: Entry, generation: number, message: string): Promise<void> {
    entry.generation++;
    const next = entry.generation;
    const runner = entry.runner;
    entry.runner = undefined;
    await runner?.stop().catch(() => undefined);
    if (entry.generation !== next || this.stopped) return;
    const attempts = entry.status.attempts + 1;
    const base = this.options.backoffMs ?? 1000;
    const delay = Math.min(this.options.maxBackoffMs ?? 60_000, base * 2 ** (attempts - 1));
    const wasConnected = entry.status.state === "connected";
    entry.status = {
      ...entry.status,
      state: "error",
      error: message,
      attempts,
      retryAt: new Date(Date.now() + delay).toISOString(),
    };
    if (wasConnected) this.options.onDeviceState?.(entry.conn.orgId, entry.conn.deviceId, false);
    this.options.log?.warn(
      { connection: entry.conn.id, orgId: entry.conn.orgId, attempts, delay, generation },
      `device connection failed: ${message}`,
    );
    entry.timer = setTimeout(() => void this.attempt(entry, next), delay);
    entry.timer.unref?.();
  }
}
