import { randomUUID } from "node:crypto";
import type {
  Alarm,
  AlarmCommentWrite,
  AlarmDetail,
  AlarmList,
  AlarmListQuery,
  AlarmShelve,
  Detector,
  DetectorSettings,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { toAlarm, toComment, toDetector } from "./monitoring.mapper.ts";
import { type AlarmView, MonitoringRepository } from "./monitoring.repository.ts";
import type { MonitoringRuntime } from "./monitoring.runtime.ts";

/** Alarms and detectors of the actor's org; every change audited and pushed live. */
export class MonitoringService {
  constructor(
    private readonly db: Database,
    private readonly runtime: MonitoringRuntime,
    private readonly now: () => Date,
  ) {}

  private read(actor: Actor): void {
    policy.assert(actor, "monitoring.read", { kind: "org", orgId: actor.orgId });
  }

  private async alarmRow(actor: Actor, id: string): Promise<AlarmView> {
    const row = await new MonitoringRepository(this.db).alarmView(actor.orgId, id);
    if (!row) throw new NotFoundError("alarm", id);
    return row;
  }

  private async view(actor: Actor, id: string): Promise<Alarm> {
    return toAlarm(await this.alarmRow(actor, id), this.now());
  }

  async list(actor: Actor, q: AlarmListQuery): Promise<AlarmList> {
    this.read(actor);
    if (q.from && q.to && Date.parse(q.from) > Date.parse(q.to))
      throw ValidationError.field("from", "from must not be after to");
    const now = this.now();
    const rows = await new MonitoringRepository(this.db).alarms(actor.orgId, q);
    return { items: rows.map((r) => toAlarm(r, now)) };
  }

  async detail(actor: Actor, id: string): Promise<AlarmDetail> {
    this.read(actor);
    const alarm = await this.view(actor, id);
    const comments = await new MonitoringRepository(this.db).comments(actor.orgId, id);
    return { alarm, comments: comments.map(toComment) };
  }

  /** unack → acked, rtn_unack → normal, through the tag's alarm machine when it is the current excursion. */
  async acknowledge(actor: Actor, id: string): Promise<Alarm> {
    this.read(actor);
    const row = await this.alarmRow(actor, id);
    policy.assert(actor, "monitoring.operate", { kind: "org", orgId: actor.orgId });
    await this.runtime.enqueue(actor.orgId, row.tagId, async () => {
      const fresh = await this.alarmRow(actor, id);
      if (fresh.state !== "unack" && fresh.state !== "rtn_unack")
        throw new ConflictError("the alarm is already acknowledged");
      const now = this.now();
      const l = await this.runtime.existing(actor.orgId, row.tagId);
      if (l && l.monitor.occurrence === row.occurrence) {
        const events = l.monitor.acknowledge(now.getTime(), actor.userId);
        if (events.length > 0) {
          await this.runtime.persist(actor.orgId, l, events, actor);
          return;
        }
      }
      // An earlier excursion (or a tag without a running detector): only its row changes.
      await this.db.transaction(async (tx) => {
        await new MonitoringRepository(tx).updateAlarm(actor.orgId, id, {
          state: fresh.state === "unack" ? "acked" : "normal",
          acknowledgedAt: now,
          acknowledgedBy: actor.userId,
          updatedAt: now,
        });
        await writeAudit(
          tx,
          actor,
          {
            orgId: actor.orgId,
            action: "alarm.acknowledged",
            entity: "alarm",
            entityId: id,
            before: { state: fresh.state },
          },
          now,
        );
      });
      await this.runtime.publish(actor.orgId, [id]);
    });
    return this.view(actor, id);
  }

  /** Hides the alarm's tag from annunciation until now + minutes; the shelf expires by itself. */
  async shelve(actor: Actor, id: string, body: AlarmShelve): Promise<Alarm> {
    this.read(actor);
    const row = await this.alarmRow(actor, id);
    policy.assert(actor, "monitoring.operate", { kind: "org", orgId: actor.orgId });
    await this.runtime.enqueue(actor.orgId, row.tagId, async () => {
      const now = this.now();
      const until = new Date(now.getTime() + body.minutes * 60_000);
      const l = await this.runtime.existing(actor.orgId, row.tagId);
      if (l && l.monitor.occurrence === row.occurrence) {
        const events = l.monitor.shelve(now.getTime(), until.getTime(), actor.userId);
        await this.runtime.persist(actor.orgId, l, events, actor);
      }
      await this.db.transaction(async (tx) => {
        await new MonitoringRepository(tx).updateAlarm(actor.orgId, id, {
          shelvedUntil: until,
          updatedAt: now,
        });
        await writeAudit(
          tx,
          actor,
          {
            orgId: actor.orgId,
            action: "alarm.shelved",
            entity: "alarm",
            entityId: id,
            after: { until: until.toISOString(), reason: body.reason ?? null },
          },
          now,
        );
      });
      await this.runtime.publish(actor.orgId, [id]);
    });
    return this.view(actor, id);
  }

  async comment(actor: Actor, id: string, body: AlarmCommentWrite): Promise<AlarmDetail> {
    this.read(actor);
    await this.alarmRow(actor, id);
    policy.assert(actor, "monitoring.operate", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const c = await new MonitoringRepository(tx).addComment({
        orgId: actor.orgId,
        id: randomUUID(),
        alarmId: id,
        userId: actor.userId,
        text: body.text,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "alarm.commented",
          entity: "alarm",
          entityId: id,
          after: { commentId: c.id },
        },
        now,
      );
    });
    await this.runtime.publish(actor.orgId, [id]);
    return this.detail(actor, id);
  }

  async detectors(actor: Actor): Promise<{ items: Detector[] }> {
    this.read(actor);
    const rows = await new MonitoringRepository(this.db).detectors(actor.orgId);
    return { items: rows.map((r) => toDetector(r.tag, r.detector)) };
  }

  /** A new target run length: the detector re-learns from the tag's history (occurrences carry on). */
  async configure(actor: Actor, tagId: string, body: DetectorSettings): Promise<Detector> {
    this.read(actor);
    const repo = new MonitoringRepository(this.db);
    const tag = await repo.tag(actor.orgId, tagId);
    if (!tag) throw new NotFoundError("tag", tagId);
    policy.assert(actor, "monitoring.configure", { kind: "org", orgId: actor.orgId });
    if (tag.dataType !== "number") throw ValidationError.field("tagId", "only numeric tags have a detector");
    const before = await repo.detector(actor.orgId, tagId);
    await this.runtime.enqueue(actor.orgId, tagId, async () => {
      await this.runtime.learn(actor.orgId, tagId, this.now().getTime() + 1, body.targetArl);
    });
    const after = await repo.detector(actor.orgId, tagId);
    await writeAudit(
      this.db,
      actor,
      {
        orgId: actor.orgId,
        action: "detector.configured",
        entity: "tag",
        entityId: tagId,
        before: { targetArl: before?.targetArl ?? null },
        after: { targetArl: body.targetArl, status: after?.status ?? null },
      },
      this.now(),
    );
    return toDetector(tag, after ?? null);
  }
}
