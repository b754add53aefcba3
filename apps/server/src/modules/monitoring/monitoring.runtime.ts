import { MonitorError } from "@clusterbrain/engine/monitor";
import type { Actor } from "../../auth/actor.ts";
import type { Database } from "../../db/database.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import type { PointRow } from "../telemetry/point.repository.ts";
import { type AlarmMessage, AlarmNotifier } from "./alarm-channels.ts";
import { applyAlarmEvents } from "./alarm-events.ts";
import { DEFAULT_TARGET_ARL, toAlarm } from "./monitoring.mapper.ts";
import { type AlarmView, MonitoringRepository, type TagInfo } from "./monitoring.repository.ts";
import { type MonitorEvent, summarize, TagMonitor } from "./tag-monitor.ts";

export interface MonitoringOptions {
  /** Readings of history a tag needs before its baseline is learned (default 720: half a day at 1/min). */
  minHistory?: number;
  /** Most recent readings the baseline is learned from (default 10,080: a week at 1/min). */
  historyLimit?: number;
  /** Detector state is written at least this often per tag (ms), and always with an alarm change (default 5,000). */
  snapshotEveryMs?: number;
}

interface Loaded {
  monitor: TagMonitor;
  tag: TagInfo;
  savedAt: number;
}

/**
 * Early warning on the live stream: the point writer hands every committed batch here; per tag
 * (serialised, one chain per tag) the learned TagMonitor is fed in time order and its alarm
 * transitions are written, audited, notified and pushed live. A tag without a detector learns one
 * from its own history once it has enough; a restart restores the stored snapshot instead.
 */
export class MonitoringRuntime {
  private readonly loaded = new Map<string, Loaded>();
  /** Tags still collecting history: readings known so far. */
  private readonly waiting = new Map<string, number>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly o: Required<MonitoringOptions>;
  /** Baselines learned by this process (restores do not count): tests check a restart does not re-learn. */
  learned = 0;
  /** E-mail and group robots (none until the module configures them). */
  notifier = new AlarmNotifier([]);
  /** The org's own channels (configured in the platform; set by the alarm-ops module). */
  orgChannels: { dispatch(message: AlarmMessage): Promise<void> } | undefined;
  /** PUBLIC_URL, for links in messages. */
  publicUrl: string | undefined;
  errors = 0;
  lastError: string | undefined;

  constructor(
    private readonly db: Database,
    private readonly live: LiveHub | undefined,
    private readonly now: () => Date,
    options: MonitoringOptions = {},
  ) {
    this.o = { minHistory: 720, historyLimit: 10_080, snapshotEveryMs: 5_000, ...options };
  }

  /** What the point writer calls after a commit (never throws, never waits). */
  accept(orgId: string, rows: readonly PointRow[]): void {
    const byTag = new Map<string, { ts: number; num: number }[]>();
    for (const r of rows) {
      if (r.num === null) continue;
      const list = byTag.get(r.tagId) ?? [];
      if (list.length === 0) byTag.set(r.tagId, list);
      list.push({ ts: r.ts, num: r.num });
    }
    for (const [tagId, points] of byTag) {
      void this.enqueue(orgId, tagId, () => this.process(orgId, tagId, points)).catch((err: unknown) => {
        this.errors++;
        this.lastError = err instanceof Error ? err.message : String(err);
      });
    }
  }

  /** Runs `fn` after everything queued for this tag (one tag's work never interleaves). */
  enqueue<T>(orgId: string, tagId: string, fn: () => Promise<T>): Promise<T> {
    const key = `${orgId}\u0000${tagId}`;
    const run = (this.chains.get(key) ?? Promise.resolve()).then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run;
  }

  /** Resolves once nothing is queued (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /** Writes every loaded detector's state (shutdown). */
  async flush(): Promise<void> {
    await this.idle();
    for (const [key, l] of this.loaded) {
      const [orgId, tagId] = key.split("\u0000");
      await this.enqueue(orgId, tagId, () => this.persist(orgId, l, [], null));
    }
  }

  private async process(orgId: string, tagId: string, points: { ts: number; num: number }[]): Promise<void> {
    points.sort((a, b) => a.ts - b.ts);
    const l = await this.load(orgId, tagId, points.length, points[points.length - 1].ts + 1);
    if (!l) return;
    const events = points.flatMap((p) => l.monitor.feed(p.ts, p.num));
    if (events.length > 0 || Date.now() - l.savedAt >= this.o.snapshotEveryMs)
      await this.persist(orgId, l, events, null);
  }

  /** The loaded, restored or newly learned monitor; undefined while the tag is collecting history. */
  private async load(
    orgId: string,
    tagId: string,
    arriving: number,
    until: number,
  ): Promise<Loaded | undefined> {
    const key = `${orgId}\u0000${tagId}`;
    const have = this.loaded.get(key);
    if (have) return have;
    const seen = this.waiting.get(key);
    if (seen !== undefined && seen + arriving < this.o.minHistory) {
      this.waiting.set(key, seen + arriving);
      await new MonitoringRepository(this.db).countLearning(orgId, tagId, seen + arriving, this.now());
      return undefined;
    }
    const restored = await this.restore(orgId, tagId);
    if (restored !== "absent") return restored ?? undefined;
    return this.learn(orgId, tagId, until);
  }

  /** From the stored snapshot; "absent" when there is none to restore, null when the tag has failed or is gone. */
  async restore(orgId: string, tagId: string): Promise<Loaded | null | "absent"> {
    const key = `${orgId}\u0000${tagId}`;
    const have = this.loaded.get(key);
    if (have) return have;
    const repo = new MonitoringRepository(this.db);
    const [row, tag] = await Promise.all([repo.detector(orgId, tagId), repo.tag(orgId, tagId)]);
    if (!tag) return null;
    if (row?.status === "failed") return null;
    if (row?.status !== "ready" || !row.snapshot || !row.machine) return "absent";
    const l = {
      monitor: TagMonitor.restore(tagId, {
        detector: row.snapshot,
        machine: row.machine,
        recentScores: row.machine.recentScores,
      }),
      tag,
      savedAt: Date.now(),
    };
    this.loaded.set(key, l);
    return l;
  }

  /**
   * Learns the tag's baseline from its history before `until` (ms) at its target run length; the
   * alarm machine (its occurrence count) carries over from any earlier detector of the tag.
   */
  async learn(orgId: string, tagId: string, until: number, targetArl?: number): Promise<Loaded | undefined> {
    const key = `${orgId}\u0000${tagId}`;
    const repo = new MonitoringRepository(this.db);
    const [row, tag] = await Promise.all([repo.detector(orgId, tagId), repo.tag(orgId, tagId)]);
    if (tag?.dataType !== "number") return undefined;
    const target = targetArl ?? row?.targetArl ?? DEFAULT_TARGET_ARL;
    const hist = await repo.history(orgId, tagId, until, this.o.historyLimit);
    const n = hist.ts.length;
    const base = { orgId, tagId, targetArl: target, learnedPoints: n, updatedAt: this.now() };
    this.loaded.delete(key);
    if (n < this.o.minHistory) {
      this.waiting.set(key, n);
      await repo.saveDetector({ ...base, status: "learning", report: null, snapshot: null, message: null });
      return undefined;
    }
    this.waiting.delete(key);
    try {
      const monitor = TagMonitor.learn(tagId, hist.ts, hist.xs, target, row?.machine ?? undefined);
      this.learned++;
      const snap = monitor.snapshot();
      await repo.saveDetector({
        ...base,
        status: "ready",
        report: JSON.parse(JSON.stringify(summarize(monitor.report))),
        snapshot: snap.detector,
        machine: { ...snap.machine, recentScores: snap.recentScores },
        message: null,
      });
      const l = { monitor, tag, savedAt: Date.now() };
      this.loaded.set(key, l);
      return l;
    } catch (err) {
      if (!(err instanceof MonitorError)) throw err;
      await repo.saveDetector({
        ...base,
        status: "failed",
        report: null,
        snapshot: null,
        message: err.message,
      });
      return undefined;
    }
  }

  /** Writes alarm transitions and the detector's state in one transaction, then pushes them live. */
  async persist(
    orgId: string,
    l: Loaded,
    events: readonly MonitorEvent[],
    actor: Actor | null,
  ): Promise<Set<string>> {
    const outbox = new NotificationOutbox();
    const now = this.now();
    const snap = l.monitor.snapshot();
    const { changed, raised } = await this.db.transaction(async (tx) => {
      const ids = await applyAlarmEvents(tx, events, {
        orgId,
        tagId: l.tag.id,
        tagKey: l.tag.key,
        actor,
        outbox,
        now,
      });
      await new MonitoringRepository(tx).saveDetectorState(
        orgId,
        l.tag.id,
        snap.detector,
        { ...snap.machine, recentScores: snap.recentScores },
        now,
      );
      return ids;
    });
    l.savedAt = Date.now();
    outbox.publish(this.live);
    await this.publish(orgId, changed);
    if (raised.size > 0 && (this.notifier.size > 0 || this.orgChannels)) {
      const repo = new MonitoringRepository(this.db);
      for (const id of raised) {
        const view = await repo.alarmView(orgId, id);
        // Sending never holds up the live stream; failures are counted on the notifier / channel.
        if (view) void this.send(this.message(view, false));
      }
    }
    return changed;
  }

  /** To the platform's channels and the org's own; never throws (failures are counted). */
  private async send(m: AlarmMessage): Promise<void> {
    await Promise.all([
      this.notifier.size > 0 ? this.notifier.notify(m) : undefined,
      this.orgChannels?.dispatch(m).catch((err: unknown) => {
        this.errors++;
        this.lastError = err instanceof Error ? err.message : String(err);
      }),
    ]);
  }

  message(view: AlarmView, escalation: boolean): AlarmMessage {
    return {
      alarmId: view.id,
      orgId: view.orgId,
      tagKey: view.tagKey,
      unit: view.unit,
      priority: view.priority,
      state: view.state,
      value: view.value,
      raisedAt: view.raisedAt.toISOString(),
      escalation,
      ...(this.publicUrl ? { link: new URL("/alarms", this.publicUrl).toString() } : {}),
    };
  }

  /**
   * Sends every alarm still unacknowledged `minutes` after it was raised once more, marked as an
   * escalation (once per alarm; audited). Returns how many were escalated.
   */
  async escalate(minutes: number): Promise<number> {
    if (minutes <= 0) return 0;
    const now = this.now();
    const repo = new MonitoringRepository(this.db);
    const due = await repo.unacknowledgedSince(new Date(now.getTime() - minutes * 60_000));
    for (const row of due) {
      await this.db.transaction(async (tx) => {
        await new MonitoringRepository(tx).updateAlarm(row.orgId, row.id, { escalatedAt: now });
        await writeAudit(
          tx,
          null,
          {
            orgId: row.orgId,
            action: "alarm.escalation_sent",
            entity: "alarm",
            entityId: row.id,
            after: { minutes },
          },
          now,
        );
      });
      const view = await repo.alarmView(row.orgId, row.id);
      if (view) await this.send(this.message(view, true));
    }
    return due.length;
  }

  async publish(orgId: string, ids: Iterable<string>): Promise<void> {
    if (!this.live) return;
    const repo = new MonitoringRepository(this.db);
    for (const id of ids) {
      const view = await repo.alarmView(orgId, id);
      if (view) this.live.publish({ orgId }, { topic: "alarm", alarm: toAlarm(view, this.now()) });
    }
  }

  /** The monitor of a tag if it has one (loaded or stored), without learning. */
  async existing(orgId: string, tagId: string): Promise<Loaded | undefined> {
    const r = await this.restore(orgId, tagId);
    return r === null || r === "absent" ? undefined : r;
  }
}
