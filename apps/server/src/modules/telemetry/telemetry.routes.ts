import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { AppDeps, FeatureModule } from "../module.ts";
import { AssetService } from "./asset.service.ts";
import { AssetImportService } from "./asset-import.service.ts";
import { maintainTelemetryStorage } from "./partition.maintenance.ts";
import { telemetrySettingsFrom } from "./telemetry.settings.ts";
import { telemetryStorage } from "./telemetry.storage.ts";
import { TelemetryQueryService } from "./telemetry-query.service.ts";

const routes = routeTable.telemetry;
/** Partition upkeep and retention run at start and then hourly. */
const MAINTENANCE_MS = 3_600_000;

const storageOf = (deps: AppDeps) =>
  telemetryStorage({
    db: deps.db,
    live: deps.live,
    now: deps.now,
    settings: telemetrySettingsFrom(deps.config),
  });

/**
 * Device telemetry of MY org: asset tree, credentials, latest and range queries. Background work:
 * day partitions of the points created ahead and retention applied, at start and hourly.
 */
export const telemetryModule: FeatureModule = {
  name: "telemetry",
  routes(app, deps) {
    const storage = storageOf(deps);
    const assets = new AssetService(deps.db, storage, deps.now);
    const imports = new AssetImportService(deps.db, storage, deps.now);
    const queries = new TelemetryQueryService(deps.db, storage.settings, deps.now);
    registerRoute(app, routes.tree, async ({ actor }) => assets.tree(actor));
    registerRoute(app, routes.importAssets, async ({ actor, body }) => imports.run(actor, body));
    registerRoute(app, routes.createSite, async ({ actor, body }) => assets.createSite(actor, body));
    registerRoute(app, routes.updateSite, async ({ actor, params, body }) =>
      assets.updateSite(actor, params.id, body),
    );
    registerRoute(app, routes.deleteSite, async ({ actor, params }) =>
      assets.remove(actor, "site", params.id),
    );
    registerRoute(app, routes.createLine, async ({ actor, body }) => assets.createLine(actor, body));
    registerRoute(app, routes.updateLine, async ({ actor, params, body }) =>
      assets.updateLine(actor, params.id, body),
    );
    registerRoute(app, routes.deleteLine, async ({ actor, params }) =>
      assets.remove(actor, "line", params.id),
    );
    registerRoute(app, routes.createMachine, async ({ actor, body }) => assets.createMachine(actor, body));
    registerRoute(app, routes.updateMachine, async ({ actor, params, body }) =>
      assets.updateMachine(actor, params.id, body),
    );
    registerRoute(app, routes.deleteMachine, async ({ actor, params }) =>
      assets.remove(actor, "machine", params.id),
    );
    registerRoute(app, routes.createDevice, async ({ actor, body }) => assets.createDevice(actor, body));
    registerRoute(app, routes.updateDevice, async ({ actor, params, body }) =>
      assets.updateDevice(actor, params.id, body),
    );
    registerRoute(app, routes.deleteDevice, async ({ actor, params }) =>
      assets.remove(actor, "device", params.id),
    );
    registerRoute(app, routes.issueCredential, async ({ actor, params }) =>
      assets.issueCredential(actor, params.id),
    );
    registerRoute(app, routes.revokeCredential, async ({ actor, params }) =>
      assets.revokeCredential(actor, params.id),
    );
    registerRoute(app, routes.deviceLatest, async ({ actor, params }) =>
      queries.latestOfDevice(actor, params.id),
    );
    registerRoute(app, routes.createTag, async ({ actor, body }) => assets.createTag(actor, body));
    registerRoute(app, routes.updateTag, async ({ actor, params, body }) =>
      assets.updateTag(actor, params.id, body),
    );
    registerRoute(app, routes.deleteTag, async ({ actor, params }) => assets.remove(actor, "tag", params.id));
    registerRoute(app, routes.tagLatest, async ({ actor, params }) => queries.latestOfTag(actor, params.id));
    registerRoute(app, routes.tagRange, async ({ actor, params, query }) =>
      queries.range(actor, params.id, query),
    );
  },

  async start(deps) {
    const storage = storageOf(deps);
    let lastError: string | undefined;
    const maintain = async () => {
      try {
        await maintainTelemetryStorage(deps.db, storage.settings, deps.now());
        lastError = undefined;
      } catch (err) {
        // The database may be briefly away; points then land in the default partition and move later.
        lastError = err instanceof Error ? err.message : String(err);
      }
    };
    await maintain();
    const timer = setInterval(() => void maintain(), MAINTENANCE_MS);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
        storage.live.stop();
      },
      health: () => ({ ok: true, ...(lastError ? { maintenanceError: lastError } : {}) }),
    };
  },
};
