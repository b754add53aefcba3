import type { PointBatch, PointWriter, RefusalReason } from "../telemetry/telemetry.types.ts";
import type { IngestMetrics } from "./ingest.metrics.ts";

export type CommitOutcome =
  /** Committed (stored, duplicate or refused by storage): safe to acknowledge. */
  | { kind: "committed"; stored: number; duplicates: number; refused: number }
  /** The queue was full: not written, not acknowledged as committed (disconnect / PUBACK 0x97). */
  | { kind: "shed" }
  /** Ingest is stopping and the write never succeeded: do not acknowledge (the sender retries). */
  | { kind: "aborted" };

export interface PipelineOptions {
  /** Points received and not yet committed before new messages are shed. */
  queuePoints: number;
  /** First wait after a failed write; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/**
 * The one way decoded points reach storage. Bounded: at most `queuePoints` points wait at once,
 * more are shed. A rejected write (database down) is retried with back-off until it succeeds or
 * ingest stops, and the caller acknowledges only after `commit` resolved `committed`; meanwhile
 * `healthy` is false (so /readyz says not ready) and nothing is acknowledged.
 */
export class IngestPipeline {
  private pending = 0;
  private stopping = false;
  private failingSince: number | null = null;
  private readonly wake = new Set<() => void>();

  constructor(
    private readonly writer: PointWriter,
    private readonly metrics: IngestMetrics,
    private readonly options: PipelineOptions,
  ) {}

  /** Points waiting for the database right now. */
  get queued(): number {
    return this.pending;
  }

  get healthy(): boolean {
    return this.failingSince === null;
  }

  /** Writes one decoded batch; `preRefused` are refusals the decoder already made (counted here). */
  async commit(batch: PointBatch, preRefused: readonly RefusalReason[] = []): Promise<CommitOutcome> {
    for (const reason of preRefused) this.metrics.refused(reason);
    const n = batch.points.length;
    this.metrics.received(n + preRefused.length);
    if (n === 0) return { kind: "committed", stored: 0, duplicates: 0, refused: preRefused.length };
    if (this.stopping) return { kind: "aborted" };
    if (this.pending > 0 && this.pending + n > this.options.queuePoints) {
      this.metrics.shed();
      return { kind: "shed" };
    }
    this.pending += n;
    this.metrics.queued.set(this.pending);
    const started = performance.now();
    let wait = this.options.retryMs ?? 100;
    try {
      for (;;) {
        try {
          const result = await this.writer.write(batch);
          this.failingSince = null;
          for (const r of result.refused) this.metrics.refused(r.reason);
          this.metrics.committed(result.stored, result.duplicates, (performance.now() - started) / 1000);
          return {
            kind: "committed",
            stored: result.stored,
            duplicates: result.duplicates,
            refused: result.refused.length + preRefused.length,
          };
        } catch {
          this.metrics.writeFailed();
          this.failingSince ??= Date.now();
          if (this.stopping) return { kind: "aborted" };
          await this.pause(wait);
          if (this.stopping) return { kind: "aborted" };
          wait = Math.min(wait * 2, this.options.maxRetryMs ?? 2000);
        }
      }
    } finally {
      this.pending -= n;
      this.metrics.queued.set(this.pending);
    }
  }

  /** Refusal of a whole message before any point was decoded (malformed, oversized, foreign topic…). */
  refuse(reason: RefusalReason): void {
    this.metrics.refused(reason);
  }

  /** Ends retry loops: their messages stay unacknowledged, so devices and brokers resend them. */
  stop(): void {
    this.stopping = true;
    for (const w of this.wake) w();
  }

  health(): { ok: boolean; queuedPoints: number; failingSinceMs?: number } {
    return this.failingSince === null
      ? { ok: true, queuedPoints: this.pending }
      : { ok: false, queuedPoints: this.pending, failingSinceMs: Date.now() - this.failingSince };
  }

  /** Waits `ms`, or less when `stop` is called. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake.add(finish);
    });
  }
}
