import type { TagDataType } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import { PointRepository, type PointRow } from "./point.repository.ts";
import type { TagCatalog } from "./tag.catalog.ts";
import type { TelemetrySettings } from "./telemetry.settings.ts";
import { DAY_MS } from "./telemetry.settings.ts";
import type { PointBatch, PointWriter, RawPoint, RefusalReason, WriteResult } from "./telemetry.types.ts";

/** Longest string value stored; longer ones are refused as oversized. */
export const MAX_STRING_VALUE = 1000;

/** Called after a commit with the rows actually stored (not the duplicates). */
export type StoredListener = (orgId: string, deviceId: string, rows: readonly PointRow[]) => void;

type Classified = { row: PointRow } | { reason: RefusalReason };

/** Checks one point against its device's tags and the accepted time window. */
export function classifyPoint(
  point: RawPoint,
  tag: { id: string; dataType: TagDataType } | undefined,
  window: { earliest: number; latest: number },
): Classified {
  if (!tag) return { reason: "unknown_tag" };
  const { value } = point;
  let row: PointRow;
  if (tag.dataType === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return { reason: "wrong_type" };
    row = { tagId: tag.id, ts: 0, num: value, bool: null, str: null };
  } else if (tag.dataType === "boolean") {
    if (typeof value !== "boolean") return { reason: "wrong_type" };
    row = { tagId: tag.id, ts: 0, num: null, bool: value, str: null };
  } else {
    if (typeof value !== "string") return { reason: "wrong_type" };
    if (value.length > MAX_STRING_VALUE || value.includes("\u0000")) return { reason: "oversized" };
    row = { tagId: tag.id, ts: 0, num: null, bool: null, str: value };
  }
  const ts = point.ts;
  if (typeof ts !== "number" || !Number.isFinite(ts) || ts < window.earliest || ts > window.latest)
    return { reason: "timestamp_out_of_range" };
  // Stored at millisecond precision: a redelivery with the same timestamp is the same key.
  row.ts = Math.round(ts);
  return { row };
}

/**
 * THE PointWriter: resolves tag keys of the device, refuses per point what does not belong
 * (unknown_device, unknown_tag, wrong_type, timestamp_out_of_range, oversized), stores the rest
 * with their rollups in one statement and resolves after the commit. A (device, tag, ts) already
 * stored is counted as a duplicate, not stored again. Rejects when the database is unavailable.
 */
export class TelemetryPointWriter implements PointWriter {
  private readonly listeners: StoredListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly catalog: TagCatalog,
    private readonly settings: TelemetrySettings,
    private readonly now: () => Date,
  ) {}

  onStored(listener: StoredListener): void {
    this.listeners.push(listener);
  }

  async write(batch: PointBatch): Promise<WriteResult> {
    const { orgId, deviceId, points } = batch;
    const device = await this.catalog.lookup(orgId, deviceId);
    if (!device) {
      return {
        stored: 0,
        duplicates: 0,
        refused: points.map((_p, index) => ({ index, reason: "unknown_device" as const })),
      };
    }
    const now = this.now();
    const window = {
      earliest: now.getTime() - this.settings.retentionDays.raw * DAY_MS,
      latest: now.getTime() + this.settings.futureToleranceMs,
    };
    const rows: PointRow[] = [];
    const refused: WriteResult["refused"] = [];
    points.forEach((point, index) => {
      const c = classifyPoint(point, device.tags.get(point.tag), window);
      if ("row" in c) rows.push(c.row);
      else refused.push({ index, reason: c.reason });
    });
    if (rows.length === 0) return { stored: 0, duplicates: 0, refused };
    const stored = await new PointRepository(this.db).insert(orgId, deviceId, rows, now);
    for (const listener of this.listeners) {
      try {
        listener(orgId, deviceId, stored);
      } catch {
        // A live-update problem must never fail a committed write.
      }
    }
    return { stored: stored.length, duplicates: rows.length - stored.length, refused };
  }
}
