import type { FastifyBaseLogger } from "fastify";
import type { Registry } from "prom-client";
import type { IngestSettings } from "../../config/config.ts";
import type { DeviceAuthenticator, IngestCounters, PointWriter } from "../telemetry/telemetry.types.ts";
import { type RunningBroker, startEmbeddedBroker } from "./embedded.broker.ts";
import { type ExternalSubscriber, startExternalSubscriber } from "./external.subscriber.ts";
import { IngestMetrics } from "./ingest.metrics.ts";
import { IngestPipeline } from "./ingest.pipeline.ts";
import { MessageRouter } from "./message.router.ts";

export interface IngestRuntimeOptions {
  writer: PointWriter;
  authenticator: DeviceAuthenticator;
  settings: IngestSettings;
  /** External broker (MQTT_URL); unset: the embedded broker on `settings.mqttPort`. */
  mqttUrl: string | undefined;
  /** External broker: shared-subscription group (default settings.shareGroup; tests use their own). */
  shareGroup?: string;
  /** Interface the embedded broker binds. */
  host: string;
  registry?: Registry;
  log?: FastifyBaseLogger;
  /** A device connected or went away (connect/disconnect, status message, will, NDEATH). */
  onStatus?(orgId: string, deviceId: string, online: boolean): void;
}

export interface DeviceStatus {
  online: boolean;
  /** Epoch ms of the last connect, disconnect, status or data message. */
  lastSeen: number;
}

/**
 * Ingest of one process: the bounded write pipeline, the topic router (JSON + Sparkplug B) and
 * one broker path — the embedded aedes broker, or subscriber connections to an external broker.
 */
export class IngestRuntime {
  readonly metrics: IngestMetrics;
  readonly pipeline: IngestPipeline;
  readonly router: MessageRouter;
  private broker: RunningBroker | undefined;
  private external: ExternalSubscriber | undefined;
  private readonly statuses = new Map<string, DeviceStatus>();

  constructor(private readonly options: IngestRuntimeOptions) {
    this.metrics = new IngestMetrics(options.registry);
    this.pipeline = new IngestPipeline(options.writer, this.metrics, {
      queuePoints: options.settings.queuePoints,
    });
    const external = options.mqttUrl !== undefined;
    this.router = new MessageRouter(
      {
        maxPayloadBytes: options.settings.maxPayloadBytes,
        maxAgeMs: options.settings.maxAgeMs,
        maxAheadMs: options.settings.maxAheadMs,
        sparkplug: !external || options.settings.sparkplugHost,
      },
      (topic, payload) => {
        this.metrics.rebirthRequested();
        if (this.broker) this.broker.publish(topic, payload);
        else this.external?.publish(topic, payload);
      },
    );
  }

  /** Embedded broker port (null when none runs). */
  get mqttPort(): number | null {
    return this.broker?.port ?? null;
  }

  /** mqtt:// URL devices (and the simulator) connect to. */
  get brokerUrl(): string | null {
    if (this.options.mqttUrl) return this.options.mqttUrl;
    if (!this.broker) return null;
    const host =
      this.options.host === "0.0.0.0" || this.options.host === "::" ? "127.0.0.1" : this.options.host;
    return `mqtt://${host}:${this.broker.port}`;
  }

  async start(): Promise<void> {
    const { settings, log } = this.options;
    if (this.options.mqttUrl) {
      this.external = await startExternalSubscriber({
        url: this.options.mqttUrl,
        clientId: settings.clientId,
        connections: settings.connections,
        shareGroup: this.options.shareGroup ?? settings.shareGroup,
        sparkplug: settings.sparkplugHost,
        router: this.router,
        pipeline: this.pipeline,
        metrics: this.metrics,
        onStatus: (o, d, online) => this.setStatus(o, d, online),
        log,
      });
      log?.info(
        { mqttUrl: redact(this.options.mqttUrl) },
        `ingest subscribed to ${redact(this.options.mqttUrl)}`,
      );
      return;
    }
    if (settings.mqttPort === null) return;
    this.broker = await startEmbeddedBroker({
      port: settings.mqttPort,
      host: this.options.host,
      authenticator: this.options.authenticator,
      router: this.router,
      pipeline: this.pipeline,
      metrics: this.metrics,
      onStatus: (o, d, online) => this.setStatus(o, d, online),
    });
    const moved = settings.mqttPort !== 0 && this.broker.port !== settings.mqttPort;
    log?.info(
      { mqttPort: this.broker.port },
      `MQTT broker listening on port ${this.broker.port}${moved ? ` (${settings.mqttPort} was taken)` : ""}`,
    );
  }

  async stop(): Promise<void> {
    // Unfinished writes end unacknowledged first, so closing connections cannot ack them.
    this.pipeline.stop();
    await this.broker?.close();
    await this.external?.close();
    this.broker = undefined;
    this.external = undefined;
  }

  health(): { ok: boolean; [detail: string]: unknown } {
    const pipeline = this.pipeline.health();
    const externalOk = this.external ? this.external.connected() : true;
    return {
      ...pipeline,
      ok: pipeline.ok && externalOk,
      broker: this.external ? "external" : this.broker ? `embedded:${this.broker.port}` : "none",
      ...(this.external ? { brokerConnected: externalOk } : {}),
      counters: this.metrics.snapshot(),
    };
  }

  counters(): IngestCounters {
    return this.metrics.snapshot();
  }

  /** Connection state per device (`<orgId>/<deviceId>`) as this process has seen it. */
  deviceStatuses(): ReadonlyMap<string, DeviceStatus> {
    return this.statuses;
  }

  private setStatus(orgId: string, deviceId: string, online: boolean): void {
    const key = `${orgId}/${deviceId}`;
    const changed = this.statuses.get(key)?.online !== online;
    this.statuses.set(key, { online, lastSeen: Date.now() });
    if (changed) this.options.onStatus?.(orgId, deviceId, online);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
