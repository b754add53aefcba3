import { randomUUID } from "node:crypto";
import type {
  AlarmListQuery,
  FloodQuery,
  FloodReport,
  NotifyChannel,
  NotifyChannelList,
  NotifyChannelTestResult,
  NotifyChannelWriteParsed,
} from "@clusterbrain/contracts";
import { analyseAlarmFlood } from "@clusterbrain/engine/monitor";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { toAlarm } from "../monitoring/monitoring.mapper.ts";
import { MonitoringRepository } from "../monitoring/monitoring.repository.ts";
import { alarmLogWorkbook } from "./alarm-log.sheet.ts";
import { AlarmOpsRepository, type ChannelRow } from "./alarm-ops.repository.ts";
import type { OrgChannelDispatcher, SmtpSettings } from "./channel-dispatch.ts";

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** A channel as the API shows it: never its secret nor its webhook's token. */
export function toChannel(c: ChannelRow & { held?: number }): NotifyChannel {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    enabled: c.enabled,
    priorities: c.priorities,
    recipients: c.recipients,
    webhookOrigin: originOf(c.webhookUrl),
    hasSecret: Boolean(c.secret),
    quietStart: c.quietStart,
    quietEnd: c.quietEnd,
    timeZone: c.timeZone,
    held: c.held ?? 0,
    lastSentAt: c.lastSentAt?.toISOString() ?? null,
    lastError: c.lastError,
    updatedAt: c.updatedAt.toISOString(),
  };
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Notification channels, the alarm-flood view and the alarm log export of the actor's org. */
export class AlarmOpsService {
  constructor(
    private readonly db: Database,
    private readonly dispatcher: OrgChannelDispatcher,
    private readonly smtp: SmtpSettings,
    private readonly now: () => Date,
  ) {}

  private read(actor: Actor): void {
    policy.assert(actor, "monitoring.read", { kind: "org", orgId: actor.orgId });
  }

  private manage(actor: Actor): void {
    policy.assert(actor, "monitoring.channels.manage", { kind: "org", orgId: actor.orgId });
  }

  async channels(actor: Actor): Promise<NotifyChannelList> {
    this.read(actor);
    const rows = await new AlarmOpsRepository(this.db).channels(actor.orgId);
    return { items: rows.map(toChannel), smtpConfigured: Boolean(this.smtp.smtpUrl && this.smtp.emailFrom) };
  }

  /** The columns a write sets; webhook and secret only when given (an update keeps the stored ones). */
  private columns(body: NotifyChannelWriteParsed, before: ChannelRow | undefined) {
    if ((body.quietStart === null) !== (body.quietEnd === null))
      throw ValidationError.field("quietEnd", "quiet hours need both a start and an end");
    if (!validTimeZone(body.timeZone)) throw ValidationError.field("timeZone", "unknown time zone");
    const robot = body.kind !== "email";
    const webhookUrl = robot ? (body.webhookUrl ?? before?.webhookUrl ?? null) : null;
    if (robot && !webhookUrl)
      throw ValidationError.field("webhookUrl", "a robot channel needs its webhook URL");
    if (!robot && body.recipients.length === 0)
      throw ValidationError.field("recipients", "an e-mail channel needs at least one recipient");
    const secret =
      body.kind === "dingtalk" || body.kind === "feishu"
        ? body.secret === undefined
          ? (before?.secret ?? null)
          : body.secret || null
        : null;
    return {
      kind: body.kind,
      name: body.name,
      enabled: body.enabled,
      priorities: [...new Set(body.priorities)],
      recipients: robot ? [] : [...new Set(body.recipients)],
      webhookUrl,
      secret,
      quietStart: body.quietStart,
      quietEnd: body.quietEnd,
      timeZone: body.timeZone,
      updatedAt: this.now(),
    };
  }

  private audit(actor: Actor, action: string, id: string, c: ChannelRow | undefined) {
    return writeAudit(
      this.db,
      actor,
      {
        orgId: actor.orgId,
        action,
        entity: "alarm_channel",
        entityId: id,
        // What changed, never the secret or the webhook's token.
        after: c
          ? {
              kind: c.kind,
              name: c.name,
              enabled: c.enabled,
              priorities: c.priorities,
              recipients: c.recipients.length,
              quiet: c.quietStart ? `${c.quietStart}-${c.quietEnd} ${c.timeZone}` : null,
            }
          : null,
      },
      this.now(),
    );
  }

  async create(actor: Actor, body: NotifyChannelWriteParsed): Promise<NotifyChannel> {
    this.read(actor);
    this.manage(actor);
    const now = this.now();
    const row = await new AlarmOpsRepository(this.db).insertChannel({
      orgId: actor.orgId,
      id: randomUUID(),
      ...this.columns(body, undefined),
      createdAt: now,
    });
    await this.audit(actor, "alarm_channel.created", row.id, row);
    return toChannel(row);
  }

  async update(actor: Actor, id: string, body: NotifyChannelWriteParsed): Promise<NotifyChannel> {
    this.read(actor);
    const repo = new AlarmOpsRepository(this.db);
    const before = await repo.channel(actor.orgId, id);
    if (!before) throw new NotFoundError("alarm channel", id);
    this.manage(actor);
    const row = await repo.updateChannel(actor.orgId, id, this.columns(body, before));
    if (!row) throw new NotFoundError("alarm channel", id);
    await this.audit(actor, "alarm_channel.updated", id, row);
    const held = (await repo.held(actor.orgId, id)).length;
    return toChannel({ ...row, held });
  }

  async remove(actor: Actor, id: string): Promise<{ ok: true }> {
    this.read(actor);
    const repo = new AlarmOpsRepository(this.db);
    if (!(await repo.channel(actor.orgId, id))) throw new NotFoundError("alarm channel", id);
    this.manage(actor);
    if (!(await repo.deleteChannel(actor.orgId, id))) throw new NotFoundError("alarm channel", id);
    await this.audit(actor, "alarm_channel.deleted", id, undefined);
    return { ok: true };
  }

  /** Sends a test message now (quiet hours do not apply); a refusal is an answer, not an error. */
  async test(actor: Actor, id: string): Promise<NotifyChannelTestResult> {
    this.read(actor);
    const c = await new AlarmOpsRepository(this.db).channel(actor.orgId, id);
    if (!c) throw new NotFoundError("alarm channel", id);
    this.manage(actor);
    const title = "【测试 Test】Cluster Brain 报警通知 alarm notification";
    const text = [title, `渠道 Channel: ${c.name}`, `时间 Sent: ${this.now().toISOString()}`].join("\n");
    const error = await this.dispatcher.deliver(c, title, text);
    await this.audit(actor, "alarm_channel.tested", id, c);
    return { ok: error === null, error };
  }

  async flood(actor: Actor, q: FloodQuery): Promise<FloodReport> {
    this.read(actor);
    const to = this.now();
    const from = new Date(to.getTime() - q.hours * 3_600_000);
    const rows = await new AlarmOpsRepository(this.db).alarmsBetween(actor.orgId, from, to);
    const names = new Map(rows.map((r) => [r.tagId, { tagKey: r.tagKey, unit: r.unit }]));
    const a = analyseAlarmFlood(
      rows.map((r) => ({
        tagId: r.tagId,
        raisedAt: r.raisedAt.getTime(),
        clearedAt: r.clearedAt?.getTime() ?? null,
        value: r.value,
      })),
      from.getTime(),
      to.getTime(),
      q.operators,
    );
    const name = (tagId: string) => names.get(tagId) ?? { tagKey: tagId, unit: "" };
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      operators: q.operators,
      total: a.total,
      perOperatorHour: a.perOperatorHour,
      band: a.band,
      peakHour: a.peakHour,
      peak10Minutes: a.peak10Minutes,
      floodIntervals: a.floodIntervals,
      floodShare: a.floodShare,
      hourly: a.hourly.map((h) => ({ start: new Date(h.start).toISOString(), count: h.count })),
      badActors: a.badActors.map((b) => ({ ...b, tagKey: name(b.tagId).tagKey })),
      chattering: a.chattering.map((c) => ({ ...c, ...name(c.tagId) })),
    };
  }

  async exportAlarms(actor: Actor, q: AlarmListQuery): Promise<Buffer> {
    this.read(actor);
    if (q.from && q.to && Date.parse(q.from) > Date.parse(q.to))
      throw ValidationError.field("from", "from must not be after to");
    const now = this.now();
    const rows = await new MonitoringRepository(this.db).alarms(actor.orgId, q);
    return alarmLogWorkbook(
      rows.map((r) => toAlarm(r, now)),
      q,
      now,
    );
  }
}
