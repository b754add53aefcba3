import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { IngestCounters, RefusalReason } from "../telemetry/telemetry.types.ts";

export const REFUSAL_REASONS: readonly RefusalReason[] = [
  "unknown_device",
  "unknown_tag",
  "timestamp_out_of_range",
  "wrong_type",
  "foreign_topic",
  "malformed",
  "oversized",
  "sequence_gap",
];

/**
 * Ingest counters in one place: the plain `IngestCounters` object (for /readyz and tests) and the
 * same numbers on the app's Prometheus registry (/metrics, names `clusterbrain_ingest_*`).
 * Refusals count points when the points are known (unknown tag, timestamp), else one per message
 * (malformed, oversized, foreign topic, sequence gap).
 */
export class IngestMetrics {
  readonly counters: IngestCounters = {
    received: 0,
    stored: 0,
    duplicates: 0,
    refused: Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>,
    shed: 0,
  };
  writeFailures = 0;
  private readonly messages: Counter<"path">;
  private readonly points: Counter<"outcome">;
  private readonly refusals: Counter<"reason">;
  private readonly shedCounter: Counter;
  private readonly failures: Counter;
  private readonly rebirths: Counter;
  private readonly commitSeconds: Histogram;
  readonly queued: Gauge;

  constructor(registry: Registry | undefined) {
    const registers = registry ? [registry] : [];
    this.messages = new Counter({
      name: "clusterbrain_ingest_messages_total",
      help: "MQTT messages received by ingest, by path (embedded, external)",
      labelNames: ["path"] as const,
      registers,
    });
    this.points = new Counter({
      name: "clusterbrain_ingest_points_total",
      help: "Points by outcome: received, stored, duplicate",
      labelNames: ["outcome"] as const,
      registers,
    });
    this.refusals = new Counter({
      name: "clusterbrain_ingest_refused_total",
      help: "Refused points (or messages, when their points are unknown) by reason",
      labelNames: ["reason"] as const,
      registers,
    });
    this.shedCounter = new Counter({
      name: "clusterbrain_ingest_shed_total",
      help: "Messages shed because the ingest queue was full (disconnect or PUBACK 0x97)",
      registers,
    });
    this.failures = new Counter({
      name: "clusterbrain_ingest_write_failures_total",
      help: "PointWriter.write rejections (database unavailable); the write is retried, no ack meanwhile",
      registers,
    });
    this.rebirths = new Counter({
      name: "clusterbrain_ingest_sparkplug_rebirth_requests_total",
      help: "Sparkplug NCMD rebirth requests published after a sequence gap or data from an unborn node",
      registers,
    });
    this.commitSeconds = new Histogram({
      name: "clusterbrain_ingest_commit_seconds",
      help: "From receipt of a message to its points committed",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    });
    this.queued = new Gauge({
      name: "clusterbrain_ingest_queue_points",
      help: "Points received and not yet committed",
      registers,
    });
  }

  message(path: "embedded" | "external"): void {
    this.messages.inc({ path });
  }

  received(n: number): void {
    this.counters.received += n;
    this.points.inc({ outcome: "received" }, n);
  }

  committed(stored: number, duplicates: number, seconds: number): void {
    this.counters.stored += stored;
    this.counters.duplicates += duplicates;
    if (stored) this.points.inc({ outcome: "stored" }, stored);
    if (duplicates) this.points.inc({ outcome: "duplicate" }, duplicates);
    this.commitSeconds.observe(seconds);
  }

  refused(reason: RefusalReason, n = 1): void {
    if (n <= 0) return;
    this.counters.refused[reason] += n;
    this.refusals.inc({ reason }, n);
  }

  shed(): void {
    this.counters.shed++;
    this.shedCounter.inc();
  }

  writeFailed(): void {
    this.writeFailures++;
    this.failures.inc();
  }

  rebirthRequested(): void {
    this.rebirths.inc();
  }

  /** A copy, so callers cannot change the live numbers. */
  snapshot(): IngestCounters {
    return { ...this.counters, refused: { ...this.counters.refused } };
  }
}
