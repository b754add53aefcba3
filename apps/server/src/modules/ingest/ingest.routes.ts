import type { FastifyBaseLogger } from "fastify";
import type { AppDeps, FeatureModule } from "../module.ts";
import type { DeviceAuthenticator, PointWriter } from "../telemetry/telemetry.types.ts";
import { IngestRuntime } from "./ingest.runtime.ts";

/** What ingest needs from telemetry storage; the lead wires the real ones in modules/index.ts. */
export interface IngestPorts {
  writer(deps: AppDeps): PointWriter;
  authenticator(deps: AppDeps): DeviceAuthenticator;
}

// One runtime per app (tests build several apps in one process); routes and start() share it.
const runtimes = new WeakMap<AppDeps, IngestRuntime>();
const logs = new WeakMap<AppDeps, FastifyBaseLogger>();

/** The ingest runtime of an app, once its module started (tests, the simulator). */
export function ingestRuntimeOf(deps: AppDeps): IngestRuntime | undefined {
  return runtimes.get(deps);
}

/**
 * Telemetry ingest as a feature module: the embedded MQTT broker (or the external-broker
 * subscriber when MQTT_URL is set), JSON and Sparkplug B decoding, writes through `PointWriter`.
 */
export function createIngestModule(ports: IngestPorts): FeatureModule {
  return {
    name: "ingest",
    routes(app, deps) {
      logs.set(deps, app.log);
    },
    async start(deps) {
      const runtime = new IngestRuntime({
        writer: ports.writer(deps),
        authenticator: ports.authenticator(deps),
        settings: deps.config.ingest,
        mqttUrl: deps.config.mqttUrl,
        host: deps.config.host,
        registry: deps.metrics,
        log: logs.get(deps),
      });
      await runtime.start();
      runtimes.set(deps, runtime);
      return {
        stop: async () => {
          runtimes.delete(deps);
          await runtime.stop();
        },
        health: () => runtime.health(),
      };
    },
  };
}
