import { routeTable } from "@clusterbrain/contracts";
import type { FastifyBaseLogger } from "fastify";
import { registerRoute } from "../../http/route-registry.ts";
import { ingestRuntimeOf } from "../ingest/ingest.routes.ts";
import type { AppDeps, FeatureModule } from "../module.ts";
import { telemetryStorage } from "../telemetry/telemetry.storage.ts";
import type { PointBatch } from "../telemetry/telemetry.types.ts";
import { ConnectionManager } from "./connection.manager.ts";
import { ConnectionRepository } from "./connection.repository.ts";
import { connectionStarter } from "./connection.runners.ts";
import { ConnectionService } from "./connection.service.ts";

// One manager per app (tests build several apps in one process); routes and start() share it.
const managers = new WeakMap<AppDeps, ConnectionManager>();

/** Points from connections go through the ingest pipeline (bounded, counted), else straight to storage. */
function commitOf(deps: AppDeps) {
  return async (batch: PointBatch) => {
    const runtime = ingestRuntimeOf(deps);
    if (runtime) return runtime.pipeline.commit(batch);
    const result = await telemetryStorage(deps).writer.write(batch);
    return {
      kind: "committed" as const,
      stored: result.stored,
      duplicates: result.duplicates,
      refused: result.refused.length,
    };
  };
}

/** The connection manager of an app (created with its routes). */
export function connectionManagerOf(deps: AppDeps, log?: FastifyBaseLogger): ConnectionManager {
  let manager = managers.get(deps);
  if (!manager) {
    const commit = commitOf(deps);
    manager = new ConnectionManager({
      start: connectionStarter(deps.db, deps.config.dataDir, commit),
      commit,
      log,
      onDeviceState: (orgId, deviceId, online) => {
        telemetryStorage(deps)
          .markDeviceConnection(orgId, deviceId, online)
          .catch(() => undefined);
      },
    });
    managers.set(deps, manager);
  }
  return manager;
}

/**
 * Stored device connections (OPC UA, Modbus TCP) as a feature module: the API to store them and
 * browse OPC UA servers, and start() runs every enabled one from the database (after ingest, so
 * their points take its pipeline). node-opcua is imported only once an OPC UA connection runs.
 */
export const connectionsModule: FeatureModule = {
  name: "connections",
  routes(app, deps) {
    const manager = connectionManagerOf(deps, app.log);
    const service = new ConnectionService(deps.db, manager, deps.config.dataDir, deps.now);
    const routes = routeTable.connections;
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.get, async ({ actor, params }) => service.get(actor, params.id));
    registerRoute(app, routes.update, async ({ actor, params, body }) =>
      service.update(actor, params.id, body),
    );
    registerRoute(app, routes.remove, async ({ actor, params }) => service.remove(actor, params.id));
    registerRoute(app, routes.browse, async ({ actor, params, body }) =>
      service.browse(actor, params.id, body.nodeId),
    );
    registerRoute(app, routes.trust, async ({ actor }) => service.trust(actor));
    registerRoute(app, routes.addTrust, async ({ actor, body }) => service.addTrust(actor, body.pem));
    registerRoute(app, routes.removeTrust, async ({ actor, params }) =>
      service.removeTrust(actor, params.id),
    );
    registerRoute(app, routes.serverCertificate, async ({ actor, body }) =>
      service.serverCertificate(actor, body.endpointUrl),
    );
  },
  async start(deps) {
    const manager = connectionManagerOf(deps);
    const rows = await new ConnectionRepository(deps.db).allEnabled();
    for (const row of rows)
      await manager.apply(row.orgId, row.id, {
        orgId: row.orgId,
        id: row.id,
        kind: row.kind,
        deviceId: row.deviceId,
      });
    return {
      stop: () => manager.stopAll(),
      health: () => ({ ok: true, running: manager.running().length }),
    };
  },
};
