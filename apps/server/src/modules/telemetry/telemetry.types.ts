/**
 * The seam between telemetry ingest (brokers, Sparkplug, OPC UA, Modbus, simulator) and telemetry
 * storage (asset model, points, rollups). Ingest decodes and authenticates; storage resolves tags,
 * refuses what does not belong and commits. Ingest acknowledges a message only after `write`
 * resolved (acknowledged means committed).
 */

/** One sample as a device reported it, before the tag is resolved. */
export interface RawPoint {
  /** Tag key as the device names it (JSON metric name or Sparkplug metric name). */
  tag: string;
  /** Device-side timestamp, epoch milliseconds. */
  ts: number;
  value: number | boolean | string;
}

/** A decoded message from one authenticated device. */
export interface PointBatch {
  orgId: string;
  deviceId: string;
  points: RawPoint[];
}

export type RefusalReason =
  | "unknown_device"
  | "unknown_tag"
  | "timestamp_out_of_range"
  | "wrong_type"
  | "foreign_topic"
  | "malformed"
  | "oversized"
  | "sequence_gap";

/** What storage did with a batch. `stored + duplicates + refused.length === points.length`. */
export interface WriteResult {
  stored: number;
  /** Same (device, tag, ts) already committed: counted, not stored twice (a redelivery). */
  duplicates: number;
  refused: { index: number; reason: RefusalReason }[];
}

/** Implemented by the storage side; the only way ingest writes points. */
export interface PointWriter {
  /** Resolves only after the stored points are committed; rejects when the database is unavailable. */
  write(batch: PointBatch): Promise<WriteResult>;
}

/** Device authentication for the brokers: credential check against the stored (hashed) secret. */
export interface DeviceAuthenticator {
  /** The device's org and id when the username/password pair is valid, else null. */
  authenticate(username: string, password: string): Promise<{ orgId: string; deviceId: string } | null>;
}

/** Ingest counters, exposed on /metrics and /readyz. */
export interface IngestCounters {
  received: number;
  stored: number;
  duplicates: number;
  refused: Record<RefusalReason, number>;
  shed: number;
}
