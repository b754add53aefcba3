import type { Database } from "../../db/database.ts";
import { AssetRepository, type DeviceTags } from "./asset.repository.ts";

/** How long a device's tag list is trusted without asking the database (other processes' edits). */
export const CATALOG_TTL_MS = 30_000;

interface Entry {
  at: number;
  value: Promise<DeviceTags | undefined>;
}

/**
 * Tag resolution for the point writer: a device's tag keys → ids and types, cached per device so a
 * message costs no lookup. Asset edits in this process clear the cache at once; edits made by
 * another process are seen within CATALOG_TTL_MS. Concurrent lookups of one device share a query.
 */
export class TagCatalog {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  lookup(orgId: string, deviceId: string): Promise<DeviceTags | undefined> {
    const key = `${orgId}\u0000${deviceId}`;
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < CATALOG_TTL_MS) return hit.value;
    const value = new AssetRepository(this.db).deviceTags(orgId, deviceId);
    this.entries.set(key, { at: now, value });
    // A failed lookup (database down) must not be remembered.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forget everything (after any change of the asset tree in this process). */
  clear(): void {
    this.entries.clear();
  }
}
