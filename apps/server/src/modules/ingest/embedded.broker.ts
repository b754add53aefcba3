import { createServer, type Server } from "node:net";
import { Aedes, type Client } from "aedes";
import type { DeviceAuthenticator } from "../telemetry/telemetry.types.ts";
import type { IngestMetrics } from "./ingest.metrics.ts";
import type { IngestPipeline } from "./ingest.pipeline.ts";
import type { DeviceIdentity, MessageRouter } from "./message.router.ts";

export interface EmbeddedBrokerOptions {
  /** Wanted port; when taken, the next free one (up to 20 further). 0: any free port (tests). */
  port: number;
  host: string;
  authenticator: DeviceAuthenticator;
  router: MessageRouter;
  pipeline: IngestPipeline;
  metrics: IngestMetrics;
  /** Connection state changes (connect, clean disconnect, status messages, wills). */
  onStatus(orgId: string, deviceId: string, online: boolean): void;
}

export interface RunningBroker {
  port: number;
  aedes: Aedes;
  /** Publishes as the broker itself (rebirth requests); bypasses authorizePublish. */
  publish(topic: string, payload: Buffer): void;
  close(): Promise<void>;
}

/** Thrown into aedes to close a connection; aedes sends nothing back (MQTT 3.1.1 has no reason codes). */
class Refused extends Error {}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off("listening", onListening);
      reject(err);
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Topics a device may subscribe to: its own `cb/…` topics and the Sparkplug commands addressed to it. */
function maySubscribe(identity: DeviceIdentity, topic: string): boolean {
  const { orgId, deviceId } = identity;
  return (
    topic === `cb/${orgId}/${deviceId}/#` ||
    topic.startsWith(`cb/${orgId}/${deviceId}/`) ||
    topic === `spBv1.0/${orgId}/NCMD/${deviceId}` ||
    topic.startsWith(`spBv1.0/${orgId}/DCMD/${deviceId}/`) ||
    topic.startsWith("spBv1.0/STATE/")
  );
}

/**
 * The embedded aedes broker. Devices authenticate with their credential; every PUBLISH goes
 * through `authorizePublish`, which decodes it and waits until its points are committed before
 * letting aedes continue — aedes sends the QoS 1 PUBACK only after that callback, so an
 * acknowledged point is a committed point. Refused content (malformed, unknown tag, …) is
 * acknowledged and dropped (resending cannot fix it); a foreign topic, a full queue (shed) or a
 * stop before commit closes the connection without PUBACK.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<RunningBroker> {
  const identities = new WeakMap<Client, DeviceIdentity>();
  const { router, pipeline, metrics } = options;
  const aedes = await Aedes.createBroker({
    // Inbound packets of one connection are handled a socket chunk at a time; this bounds it.
    concurrency: 1000,
    authenticate: (client, username, password, done) => {
      if (!username || !password) {
        const err = Object.assign(new Error("credential required"), { returnCode: 4 as const });
        return done(err, false);
      }
      options.authenticator.authenticate(username, password.toString("utf8")).then(
        (identity) => {
          if (!identity) {
            const err = Object.assign(new Error("bad username or password"), { returnCode: 4 as const });
            return done(err, false);
          }
          identities.set(client, identity);
          done(null, true);
        },
        () => {
          const err = Object.assign(new Error("credential store unavailable"), { returnCode: 3 as const });
          done(err, false);
        },
      );
    },
    authorizeSubscribe: (client, subscription, done) => {
      const identity = identities.get(client);
      if (!identity || !maySubscribe(identity, subscription.topic))
        return done(new Refused("not your topic"));
      done(null, subscription);
    },
    authorizePublish: (client, packet, done) => {
      if (!client) return done(null);
      const identity = identities.get(client);
      if (!identity) return done(new Refused("not authenticated"));
      metrics.message("embedded");
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      const decision = router.route(packet.topic, payload, identity, Date.now());
      switch (decision.kind) {
        case "ignore":
          return done(null);
        case "status":
          options.onStatus(decision.orgId, decision.deviceId, decision.online);
          return done(null);
        case "refuse":
          pipeline.refuse(decision.reason);
          return decision.reason === "foreign_topic" ? done(new Refused("foreign topic")) : done(null);
      }
      pipeline.commit(decision.batch, decision.preRefused).then(
        (outcome) => {
          if (outcome.kind === "committed") return done(null);
          done(new Refused(outcome.kind === "shed" ? "ingest queue full" : "ingest stopping"));
        },
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  aedes.on("clientReady", (client) => {
    const identity = identities.get(client);
    if (identity) options.onStatus(identity.orgId, identity.deviceId, true);
  });
  aedes.on("clientDisconnect", (client) => {
    const identity = identities.get(client);
    if (identity) options.onStatus(identity.orgId, identity.deviceId, false);
  });

  const server = createServer(aedes.handle);
  let port = options.port;
  for (let attempt = 0; ; attempt++) {
    try {
      port = await listen(server, port, options.host);
      break;
    } catch (err) {
      const inUse = (err as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (!inUse || options.port === 0 || attempt >= 20 || port >= 65535) {
        await new Promise<void>((r) => aedes.close(() => r()));
        throw err;
      }
      port++;
    }
  }
  return {
    port,
    aedes,
    publish: (topic, payload) => {
      aedes.publish({ cmd: "publish", topic, payload, qos: 0, retain: false, dup: false }, () => undefined);
    },
    close: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        // Open device connections would keep the listener open; aedes.close ends them.
        aedes.close(() => undefined);
      });
    },
  };
}
