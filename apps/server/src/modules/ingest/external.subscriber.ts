import type { FastifyBaseLogger } from "fastify";
import { connect, type IPublishPacket, type MqttClient } from "mqtt";
import type { IngestMetrics } from "./ingest.metrics.ts";
import type { IngestPipeline } from "./ingest.pipeline.ts";
import type { MessageRouter } from "./message.router.ts";

export interface ExternalSubscriberOptions {
  url: string;
  /** Stem of the fixed client ids (`<clientId>-<n>`), so the broker keeps each session. */
  clientId: string;
  connections: number;
  /**
   * Shared-subscription group; all ingest processes of one deployment use the same. null: plain
   * subscriptions, on connection 0 only (a single ingest process).
   */
  shareGroup?: string | null;
  /** Follow Sparkplug B (non-shared, on connection 0 only, so sequence numbers arrive in order). */
  sparkplug: boolean;
  router: MessageRouter;
  pipeline: IngestPipeline;
  metrics: IngestMetrics;
  onStatus(orgId: string, deviceId: string, online: boolean): void;
  log?: FastifyBaseLogger;
}

export interface ExternalSubscriber {
  connected(): boolean;
  publish(topic: string, payload: Buffer): void;
  close(): Promise<void>;
}

/** MQTT 5 shared-subscription group: several ingest processes split the JSON load. */
export const SHARE_GROUP = "clusterbrain";
const PUBACK_QUOTA_EXCEEDED = 0x97;
/** Sessions outlive a restart of ingest by this long (MQTT 5 Session Expiry Interval). */
const SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;

export function jsonSubscriptions(group: string | null = SHARE_GROUP): string[] {
  const prefix = group === null ? "" : `$share/${group}/`;
  return [`${prefix}cb/+/+/data`, `${prefix}cb/+/+/status`];
}

export function sparkplugSubscriptions(): string[] {
  return ["NBIRTH", "NDEATH", "NDATA"]
    .map((t) => `spBv1.0/+/${t}/+`)
    .concat(["DBIRTH", "DDEATH", "DDATA"].map((t) => `spBv1.0/+/${t}/+/+`));
}

/**
 * Ingest behind an external broker (Mosquitto, EMQX): `connections` MQTT 5 clients with fixed
 * client ids and persistent sessions (clean: false), QoS 1 shared subscriptions. Each QoS 1
 * message is acknowledged to the broker (`customHandleAcks`) only after its points are committed;
 * when ingest sheds, the PUBACK carries reason 0x97 (quota exceeded); when ingest stops before a
 * commit, no PUBACK goes out and the broker redelivers it to the session later.
 */
export async function startExternalSubscriber(
  options: ExternalSubscriberOptions,
): Promise<ExternalSubscriber> {
  const { router, pipeline, metrics } = options;
  const clients: MqttClient[] = [];

  async function handle(topic: string, payload: Buffer): Promise<number | Error> {
    metrics.message("external");
    const decision = router.route(topic, payload, null, Date.now());
    if (decision.kind === "ignore") return 0;
    if (decision.kind === "status") {
      options.onStatus(decision.orgId, decision.deviceId, decision.online);
      return 0;
    }
    if (decision.kind === "refuse") {
      pipeline.refuse(decision.reason);
      return 0;
    }
    const outcome = await pipeline.commit(decision.batch, decision.preRefused);
    if (outcome.kind === "committed") return 0;
    if (outcome.kind === "shed") return PUBACK_QUOTA_EXCEEDED;
    return new Error("ingest stopping before commit");
  }

  for (let n = 0; n < options.connections; n++) {
    const followsSparkplug = options.sparkplug && n === 0;
    // Plain subscriptions would hand every message to every connection: only connection 0 takes them.
    const followsJson = options.shareGroup !== null || n === 0;
    const client = connect(options.url, {
      clientId: `${options.clientId}-${n}`,
      clean: false,
      protocolVersion: 5,
      properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS },
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      resubscribe: true,
      customHandleAcks: (topic, message, _packet, done) => {
        handle(topic, message).then(
          (code) => done(code),
          (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
        );
      },
    });
    client.on("message", (topic: string, message: Buffer, packet: IPublishPacket) => {
      // QoS 1/2 went through customHandleAcks already; QoS 0 has no acknowledgement to hold.
      if (packet.qos === 0) void handle(topic, message);
    });
    client.on("error", (err) => options.log?.warn({ err: err.message }, "ingest MQTT client error"));
    client.on("connect", () => {
      // Idempotent when the broker kept the session (clean: false) and its subscriptions.
      const topics = [
        ...(followsJson ? jsonSubscriptions(options.shareGroup) : []),
        ...(followsSparkplug ? sparkplugSubscriptions() : []),
      ];
      if (topics.length === 0) return;
      const subscribe = () =>
        client.subscribe(topics, { qos: 1 }, (err) => {
          if (err) options.log?.error({ err: err.message }, "ingest could not subscribe");
        });
      // Mosquitto 2.0 restores a persisted session's shared subscriptions after a restart
      // without routing messages to them, and a repeated SUBSCRIBE is a no-op: drop them and
      // subscribe afresh. Messages already queued in the session are kept.
      if (options.shareGroup === null) subscribe();
      else client.unsubscribe(jsonSubscriptions(options.shareGroup), () => subscribe());
    });
    clients.push(client);
  }
  // Not awaited: an unreachable broker must not stop the server from starting; /readyz says
  // not ready until a connection is up, and mqtt.js keeps reconnecting.
  return {
    connected: () => clients.some((c) => c.connected),
    publish: (topic, payload) => {
      clients[0]?.publish(topic, payload, { qos: 0 });
    },
    close: async () => {
      // force: unacknowledged messages stay in the broker's session for the next start.
      await Promise.all(clients.map((c) => c.endAsync(true)));
    },
  };
}
