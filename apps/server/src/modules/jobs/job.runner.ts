import { randomUUID } from "node:crypto";
import { MessageChannel } from "node:worker_threads";
import type { JobKind, JobSummary } from "@clusterbrain/contracts";
import { Piscina } from "piscina";
import type { JobSettings } from "../../config/config.ts";
import type { Database } from "../../db/database.ts";
import { RateLimitedError } from "../../errors/index.ts";
import type { LiveHub } from "../live/live.hub.ts";
import type { ModuleHealth } from "../module.ts";
import type { JobOutcome, JobTask, WorkerMessage } from "./job.protocol.ts";
import { type JobFinish, JobRepository, toSummary } from "./job.repository.ts";

/** A cancelled run that ignores its flag this long is stopped hard (its worker thread is terminated). */
const HARD_CANCEL_MS = 3000;
/** Progress reaches the database at most this often; live subscribers get every worker message. */
const SAVE_PROGRESS_MS = 1000;
const POLL_CANCEL_MS = 1000;

interface Active {
  summary: JobSummary;
  input: unknown;
  flag: Int32Array;
  abort: AbortController;
  savedAt: number;
  /** Database writes of one job run one after another, so a late progress write never follows the final one. */
  writes: Promise<unknown>;
  hardCancel?: NodeJS.Timeout;
}

export interface JobRunnerOptions {
  db: Database;
  live: LiveHub;
  settings: JobSettings;
  now: () => Date;
  onError?: (err: unknown) => void;
}

/**
 * Runs jobs on a piscina pool of worker threads. It keeps its own queue so that no org has more
 * than `perOrgRunning` jobs on the threads (one firm cannot fill the pool), stores every state
 * change in the jobs table, and publishes each change on the live channel.
 */
export class JobRunner {
  private pool: Piscina | undefined;
  private readonly queue: Active[] = [];
  private readonly running = new Map<string, Active>();
  private poller: NodeJS.Timeout | undefined;
  private stopping = false;
  private interruptedAtStart = 0;
  private readonly repo: JobRepository;
  private readonly onError: (err: unknown) => void;

  constructor(private readonly o: JobRunnerOptions) {
    this.repo = new JobRepository(o.db);
    // A failed bookkeeping write must not become an unhandled rejection that ends the process.
    this.onError = o.onError ?? ((err: unknown) => console.error("job runner:", err));
  }

  async start(): Promise<void> {
    // This process owns no job yet: anything still queued or running was left by one that ended.
    this.interruptedAtStart = await this.repo.interruptUnfinished(this.o.now(), {
      code: "INTERRUPTED",
      message: "the server stopped while this job was queued or running; start it again",
    });
    this.pool = new Piscina({
      filename: new URL("./job.worker.mjs", import.meta.url).href,
      minThreads: 0,
      maxThreads: this.o.settings.threads,
      idleTimeout: 60_000,
    });
    this.poller = setInterval(() => void this.pollCancels().catch(this.onError), POLL_CANCEL_MS);
    this.poller.unref();
  }

  health(): ModuleHealth {
    return {
      ok: this.pool !== undefined && !this.stopping,
      threads: this.o.settings.threads,
      running: this.running.size,
      queued: this.queue.length,
      interruptedAtStart: this.interruptedAtStart,
    };
  }

  async submit(orgId: string, createdBy: string | null, kind: JobKind, input: unknown): Promise<JobSummary> {
    if (!this.pool || this.stopping) throw new Error("the job service is not running");
    const { perOrgRunning, perOrgQueued } = this.o.settings;
    const unfinished = await this.repo.countUnfinished(orgId);
    if (unfinished >= perOrgRunning + perOrgQueued) {
      throw new RateLimitedError(
        `your organisation already has ${unfinished} jobs queued or running (limit ${perOrgRunning + perOrgQueued}); wait for one to finish`,
        5,
      );
    }
    const row = await this.repo.insert({ id: randomUUID(), kind, orgId, createdBy, input, at: this.o.now() });
    const active: Active = {
      summary: toSummary(row),
      input,
      flag: new Int32Array(new SharedArrayBuffer(4)),
      abort: new AbortController(),
      savedAt: 0,
      writes: Promise.resolve(),
    };
    this.queue.push(active);
    this.publish(active.summary);
    this.dispatch();
    return active.summary;
  }

  /** Asks a job this process owns to stop; false when it is not here (another process, or finished). */
  async cancel(id: string): Promise<boolean> {
    const queued = this.queue.findIndex((a) => a.summary.id === id);
    if (queued >= 0) {
      const [a] = this.queue.splice(queued, 1);
      await this.finish(a, { status: "cancelled", at: this.o.now() });
      return true;
    }
    const a = this.running.get(id);
    if (!a) return false;
    if (Atomics.load(a.flag, 0) === 1) return true;
    Atomics.store(a.flag, 0, 1);
    a.summary = { ...a.summary, cancelRequested: true };
    this.publish(a.summary);
    a.hardCancel = setTimeout(() => a.abort.abort(), HARD_CANCEL_MS);
    a.hardCancel.unref();
    return true;
  }

  owns(id: string): boolean {
    return this.running.has(id) || this.queue.some((a) => a.summary.id === id);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.poller);
    const left = [...this.queue.splice(0), ...this.running.values()];
    for (const a of left) {
      a.abort.abort();
      clearTimeout(a.hardCancel);
    }
    await Promise.all(
      left.map((a) =>
        this.finish(a, {
          status: "interrupted",
          error: { code: "INTERRUPTED", message: "the server stopped while this job ran; start it again" },
          at: this.o.now(),
        }),
      ),
    );
    await this.pool?.destroy();
    this.pool = undefined;
  }

  /** Fills free threads from the queue in arrival order, skipping orgs already at their limit. */
  private dispatch(): void {
    while (!this.stopping && this.running.size < this.o.settings.threads) {
      const perOrg = new Map<string, number>();
      for (const a of this.running.values())
        perOrg.set(a.summary.orgId, (perOrg.get(a.summary.orgId) ?? 0) + 1);
      const next = this.queue.findIndex(
        (a) => (perOrg.get(a.summary.orgId) ?? 0) < this.o.settings.perOrgRunning,
      );
      if (next < 0) return;
      const [a] = this.queue.splice(next, 1);
      this.running.set(a.summary.id, a);
      void this.run(a).catch(this.onError);
    }
  }

  private async run(a: Active): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    const channel = new MessageChannel();
    channel.port1.on("message", (m: WorkerMessage) => this.onMessage(a, m));
    const task: JobTask = {
      jobId: a.summary.id,
      kind: a.summary.kind,
      input: a.input,
      port: channel.port2,
      cancelFlag: a.flag.buffer as SharedArrayBuffer,
    };
    let outcome: JobOutcome;
    try {
      outcome = await pool.run(task, { transferList: [channel.port2], signal: a.abort.signal });
    } catch (err) {
      // A hard cancel terminates the thread: the run is cancelled with nothing to keep.
      outcome = a.abort.signal.aborted
        ? { cancelled: true, result: null }
        : { cancelled: false, result: null, error: { code: "INTERNAL", message: String(err) } };
    } finally {
      channel.port1.close();
      clearTimeout(a.hardCancel);
      this.running.delete(a.summary.id);
    }
    const at = this.o.now();
    if (outcome.error) await this.finish(a, { status: "failed", error: outcome.error, at });
    else if (outcome.cancelled) await this.finish(a, { status: "cancelled", result: outcome.result, at });
    else await this.finish(a, { status: "succeeded", result: outcome.result, progress: 1, at });
    this.dispatch();
  }

  private onMessage(a: Active, m: WorkerMessage): void {
    if (m.type === "started") {
      const startedAt = this.o.now();
      a.summary = { ...a.summary, status: "running", startedAt: startedAt.toISOString() };
      this.publish(a.summary);
      this.write(a, () => this.repo.markRunning(a.summary.id, startedAt));
      return;
    }
    a.summary = { ...a.summary, progress: m.progress, note: m.note ?? a.summary.note };
    this.publish(a.summary);
    const now = Date.now();
    if (now - a.savedAt >= SAVE_PROGRESS_MS) {
      a.savedAt = now;
      const { progress, note } = a.summary;
      this.write(a, () => this.repo.setProgress(a.summary.id, progress, note));
    }
  }

  private async finish(a: Active, f: JobFinish): Promise<void> {
    const row = await this.write(a, () => this.repo.finish(a.summary.id, f));
    if (row) {
      a.summary = toSummary(row);
      this.publish(a.summary);
    }
  }

  private write<T>(a: Active, op: () => Promise<T>): Promise<T> {
    const next = a.writes.then(op);
    a.writes = next.catch((err: unknown) => this.onError(err));
    return next;
  }

  /** Cancel requests written to the row by another process (the CLI, another server instance). */
  private async pollCancels(): Promise<void> {
    const ids = [...this.running.keys(), ...this.queue.map((a) => a.summary.id)];
    for (const id of await this.repo.cancelRequested(ids)) await this.cancel(id);
  }

  private publish(job: JobSummary): void {
    this.o.live.publish({ orgId: job.orgId }, { topic: "job", job });
  }
}
