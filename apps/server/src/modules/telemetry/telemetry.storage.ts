import type { Database } from "../../db/database.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { AssetRepository } from "./asset.repository.ts";
import { TelemetryDeviceAuthenticator } from "./device.authenticator.ts";
import { LivePointThrottle } from "./live.throttle.ts";
import { TelemetryPointWriter } from "./point.writer.ts";
import { TagCatalog } from "./tag.catalog.ts";
import { DEFAULT_TELEMETRY_SETTINGS, type TelemetrySettings } from "./telemetry.settings.ts";

export interface TelemetryStorageDeps {
  db: Database;
  live: LiveHub;
  now: () => Date;
  settings?: TelemetrySettings;
}

/**
 * What the ingest side uses, one per database handle (so the API's edits invalidate the same
 * caches the brokers read): `writer` (PointWriter), `authenticator` (DeviceAuthenticator) and
 * `markDeviceConnection` for the connection state on the asset tree.
 */
export class TelemetryStorage {
  readonly catalog: TagCatalog;
  readonly writer: TelemetryPointWriter;
  readonly authenticator: TelemetryDeviceAuthenticator;
  readonly live: LivePointThrottle;
  readonly settings: TelemetrySettings;

  constructor(private readonly deps: TelemetryStorageDeps) {
    this.settings = deps.settings ?? DEFAULT_TELEMETRY_SETTINGS;
    this.catalog = new TagCatalog(deps.db);
    this.writer = new TelemetryPointWriter(deps.db, this.catalog, this.settings, deps.now);
    this.authenticator = new TelemetryDeviceAuthenticator(deps.db);
    this.live = new LivePointThrottle(deps.live);
    this.writer.onStored((orgId, deviceId, rows) => this.live.push(orgId, deviceId, rows));
  }

  /**
   * A device connected (`online` true) or went away (false): shown on the asset tree with the time
   * of the change. False when the device does not exist in the org.
   */
  markDeviceConnection(orgId: string, deviceId: string, online: boolean): Promise<boolean> {
    return new AssetRepository(this.deps.db).setConnection(orgId, deviceId, online, this.deps.now());
  }
}

const storages = new WeakMap<Database, TelemetryStorage>();

/** The process's telemetry storage for this database (created on first use with these deps). */
export function telemetryStorage(deps: TelemetryStorageDeps): TelemetryStorage {
  let storage = storages.get(deps.db);
  if (!storage) {
    storage = new TelemetryStorage(deps);
    storages.set(deps.db, storage);
  }
  return storage;
}

/** The storage the running app already made for this database (what in-process ingest and tests reuse). */
export function existingTelemetryStorage(db: Database): TelemetryStorage | undefined {
  return storages.get(db);
}
