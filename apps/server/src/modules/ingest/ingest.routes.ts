import { routeTable } from "@clusterbrain/contracts";
import type { FastifyBaseLogger } from "fastify";
import { registerRoute } from "../../http/route-registry.ts";
import type { AppDeps, FeatureModule } from "../module.ts";
import { seedDemoTelemetry } from "../telemetry/telemetry.demo.ts";
import { telemetryStorage } from "../telemetry/telemetry.storage.ts";
import type { DeviceAuthenticator, PointWriter } from "../telemetry/telemetry.types.ts";
import { IngestRuntime } from "./ingest.runtime.ts";
import { OpcuaService } from "./opcua.service.ts";
import { type RunningSimulator, type SimDevice, startSimulator } from "./simulator/simulator.ts";

/** What ingest needs from telemetry storage; the lead wires the real ones in modules/index.ts. */
export interface IngestPorts {
  writer(deps: AppDeps): PointWriter;
  authenticator(deps: AppDeps): DeviceAuthenticator;
  /**
   * Demo devices with their credentials (storage's `seedDemoTelemetry`), for the in-process
   * simulator (SIMULATOR=on). Empty until the demo cluster is loaded.
   */
  demoDevices?(deps: AppDeps): Promise<SimDevice[]>;
  /** Connection state for the asset tree (storage's markDeviceConnection). */
  markConnection?(deps: AppDeps, orgId: string, deviceId: string, online: boolean): Promise<unknown>;
}

/** Seed of the in-process simulator: the same demo signals on every start. */
export const SIMULATOR_SEED = 2025;
const SIMULATOR_WAIT_MS = 5 * 60_000;

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
      const service = new OpcuaService(deps.db, deps.config.dataDir, deps.now);
      const routes = routeTable.ingest;
      registerRoute(app, routes.opcuaBrowse, async ({ actor, body }) => service.browse(actor, body));
      registerRoute(app, routes.getSettings, async ({ actor }) => service.settings(actor));
      registerRoute(app, routes.putSettings, async ({ actor, body }) => service.putSettings(actor, body));
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
        onStatus: (orgId, deviceId, online) => {
          ports
            .markConnection?.(deps, orgId, deviceId, online)
            .catch((err: unknown) =>
              logs
                .get(deps)
                ?.warn({ err: String(err), orgId, deviceId }, "device connection state not saved"),
            );
        },
      });
      await runtime.start();
      runtimes.set(deps, runtime);
      const log = logs.get(deps);
      let simulator: RunningSimulator | undefined;
      let stopped = false;
      const url = runtime.brokerUrl;
      const demoDevices = ports.demoDevices;
      if (deps.config.ingest.simulator && demoDevices && url) {
        // The demo cluster loads after the modules start: wait for its devices, then play them.
        void (async () => {
          const until = Date.now() + SIMULATOR_WAIT_MS;
          while (!stopped && Date.now() < until) {
            const devices = await demoDevices(deps).catch(() => []);
            if (stopped) return;
            if (devices.length > 0) {
              simulator = startSimulator({
                url,
                devices,
                seed: SIMULATOR_SEED,
                faultsPerHour: deps.config.ingest.simulatorFaultsPerHour,
                intervalMs: 1000,
                sparkplugEvery: 3,
                onError: (device, err) => log?.debug({ device, err: err.message }, "simulator device error"),
              });
              log?.info(`simulator: ${devices.length} demo devices publishing to ${url}`);
              return;
            }
            await new Promise((r) => setTimeout(r, 2000));
          }
        })();
      }
      return {
        stop: async () => {
          stopped = true;
          await simulator?.stop();
          runtimes.delete(deps);
          await runtime.stop();
        },
        health: () => runtime.health(),
      };
    },
  };
}

/** Ingest wired to telemetry storage (its PointWriter, DeviceAuthenticator and connection state). */
export const ingestModule: FeatureModule = createIngestModule({
  writer: (deps) => telemetryStorage(deps).writer,
  authenticator: (deps) => telemetryStorage(deps).authenticator,
  markConnection: (deps, orgId, deviceId, online) =>
    telemetryStorage(deps).markDeviceConnection(orgId, deviceId, online),
  // Fresh credentials for the demo devices on every start (only firms that exist get devices).
  demoDevices: (deps) =>
    seedDemoTelemetry(deps.db, { authenticator: telemetryStorage(deps).authenticator, now: deps.now }),
});
