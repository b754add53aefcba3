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
  /**
   * Writes in flight at once over all devices (default 4). Fewer concurrent writes mean longer
   * per-device queues and so bigger group writes: the database does fewer, larger statements.
   */
  maxConcurrentWrites?: number;
}

interface Waiting {
  batch: PointBatch;
  preRefused: number;
  started: number;
  resolve(outcome: CommitOutcome): void;
}

interface DeviceQueue {
  waiting: Waiting[];
  writing: boolean;
}

/** Points one group write may combine (one statement). */
const MAX_GROUP_POINTS = 20_000;

/**
 * The one way decoded points reach storage. Bounded: at most `queuePoints` points wait at once,
 * more are shed. Group commit per device: while one write of a device is in flight, its next
 * messages wait and go together in the next write (one statement, one commit), so the database
 * sees few large writes instead of many small ones; every message is answered when the write
 * holding it committed. A rejected write (database down) is retried with back-off until it
 * succeeds or ingest stops, and callers acknowledge only after `commit` resolved `committed`;
 * meanwhile `healthy` is false (so /readyz says not ready) and nothing is acknowledged.
 */
export class IngestPipeline {
  private pending = 0;
  private stopping = false;
  private failingSince: number | null = null;
  private readonly wake = new Set<() => void>();
  private readonly devices = new Map<string, DeviceQueue>();
  private writesInFlight = 0;
  private readonly slotWaiters: (() => void)[] = [];

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
  commit(batch: PointBatch, preRefused: readonly RefusalReason[] = []): Promise<CommitOutcome> {
    for (const reason of preRefused) this.metrics.refused(reason);
    const n = batch.points.length;
    this.metrics.received(n + preRefused.length);
    if (n === 0)
      return Promise.resolve({ kind: "committed", stored: 0, duplicates: 0, refused: preRefused.length });
    if (this.stopping) return Promise.resolve({ kind: "aborted" });
    if (this.pending > 0 && this.pending + n > this.options.queuePoints) {
      this.metrics.shed();
      return Promise.resolve({ kind: "shed" });
    }
    this.pending += n;
    this.metrics.queued.set(this.pending);
    const key = `${batch.orgId}\u0000${batch.deviceId}`;
    let queue = this.devices.get(key);
    if (!queue) {
      queue = { waiting: [], writing: false };
      this.devices.set(key, queue);
    }
    const q = queue;
    return new Promise<CommitOutcome>((resolve) => {
      q.waiting.push({ batch, preRefused: preRefused.length, started: performance.now(), resolve });
      if (!q.writing) void this.drain(key, q);
    });
  }

  private async drain(key: string, queue: DeviceQueue): Promise<void> {
    queue.writing = true;
    try {
      while (queue.waiting.length > 0) {
        // Take the group only once a write slot is ours: what arrived meanwhile joins it.
        await this.acquireSlot();
        const group: Waiting[] = [];
        let size = 0;
        while (
          queue.waiting.length > 0 &&
          (group.length === 0 || size + queue.waiting[0].batch.points.length <= MAX_GROUP_POINTS)
        ) {
          const next = queue.waiting.shift() as Waiting;
          group.push(next);
          size += next.batch.points.length;
        }
        try {
          await this.writeGroup(group, size);
        } finally {
          this.releaseSlot();
        }
      }
    } finally {
      queue.writing = false;
      if (queue.waiting.length === 0) this.devices.delete(key);
    }
  }

  private async writeGroup(group: Waiting[], size: number): Promise<void> {
    const first = group[0].batch;
    const batch: PointBatch =
      group.length === 1
        ? first
        : { orgId: first.orgId, deviceId: first.deviceId, points: group.flatMap((w) => w.batch.points) };
    let wait = this.options.retryMs ?? 100;
    try {
      for (;;) {
        try {
          const result = await this.writer.write(batch);
          this.failingSince = null;
          for (const r of result.refused) this.metrics.refused(r.reason);
          const now = performance.now();
          this.metrics.committed(result.stored, result.duplicates, (now - group[0].started) / 1000);
          // Each message learns how many of its own points storage refused.
          let offset = 0;
          for (const w of group) {
            const end = offset + w.batch.points.length;
            const refused = result.refused.filter((r) => r.index >= offset && r.index < end).length;
            offset = end;
            const mine = group.length === 1;
            w.resolve({
              kind: "committed",
              stored: mine ? result.stored : w.batch.points.length - refused,
              duplicates: mine ? result.duplicates : 0,
              refused: refused + w.preRefused,
            });
          }
          return;
        } catch {
          this.metrics.writeFailed();
          this.failingSince ??= Date.now();
          if (!this.stopping) await this.pause(wait);
          if (this.stopping) {
            for (const w of group) w.resolve({ kind: "aborted" });
            return;
          }
          wait = Math.min(wait * 2, this.options.maxRetryMs ?? 2000);
        }
      }
    } finally {
      this.pending -= size;
      this.metrics.queued.set(this.pending);
    }
  }

  /** Refusal of a whole message before any point was decoded (malformed, oversized, foreign topic…). */
  refuse(reason: RefusalReason): void {
    this.metrics.refused(reason);
  }

  /** Ends retry loops and waiting messages: they stay unacknowledged, so senders resend them. */
  stop(): void {
    this.stopping = true;
    for (const w of this.wake) w();
    for (const queue of this.devices.values()) {
      for (const w of queue.waiting.splice(0)) {
        this.pending -= w.batch.points.length;
        w.resolve({ kind: "aborted" });
      }
    }
    this.metrics.queued.set(this.pending);
  }

  health(): { ok: boolean; queuedPoints: number; failingSinceMs?: number } {
    return this.failingSince === null
      ? { ok: true, queuedPoints: this.pending }
      : { ok: false, queuedPoints: this.pending, failingSinceMs: Date.now() - this.failingSince };
  }

  private acquireSlot(): Promise<void> {
    if (this.writesInFlight < (this.options.maxConcurrentWrites ?? 4)) {
      this.writesInFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.slotWaiters.push(resolve));
  }

  /** Hands the slot straight to the next waiting device, or frees it. */
  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.writesInFlight--;
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
