import { randomUUID } from "node:crypto";
import { QUIET_HELD_PRIORITIES } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import {
  type AlarmChannel,
  type AlarmMessage,
  alarmText,
  alarmTitle,
  dingTalkChannel,
  emailChannel,
  feishuChannel,
  weComChannel,
} from "../monitoring/alarm-channels.ts";
import { AlarmOpsRepository, type ChannelRow, type HeldRow } from "./alarm-ops.repository.ts";

/** The platform's SMTP server and sender (e-mail channels need both). */
export interface SmtpSettings {
  smtpUrl?: string;
  emailFrom?: string;
}

/** Minutes since local midnight in `timeZone` (UTC when the zone is unknown). */
export function localMinutes(at: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(at);
  } catch {
    return at.getUTCHours() * 60 + at.getUTCMinutes();
  }
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return n("hour") * 60 + n("minute");
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Inside the channel's quiet hours [start, end) (which may wrap midnight); never when either is unset or they are equal. */
export function inQuietHours(c: Pick<ChannelRow, "quietStart" | "quietEnd" | "timeZone">, at: Date): boolean {
  if (!c.quietStart || !c.quietEnd || c.quietStart === c.quietEnd) return false;
  const t = localMinutes(at, c.timeZone);
  const s = minutesOf(c.quietStart);
  const e = minutesOf(c.quietEnd);
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/** Whether a notification of this priority waits for the summary during quiet hours. */
export function heldInQuietHours(priority: string): boolean {
  return (QUIET_HELD_PRIORITIES as readonly string[]).includes(priority);
}

/** The sender for a stored channel (throws on send when it cannot work, e.g. no SMTP server). */
export function senderOf(c: ChannelRow, smtp: SmtpSettings, now: () => Date): AlarmChannel {
  const missing = (why: string): AlarmChannel => {
    const fail = async () => {
      throw new Error(why);
    };
    return { name: c.kind, send: fail, deliver: fail };
  };
  const secret = c.secret || undefined;
  switch (c.kind) {
    case "email":
      if (!smtp.smtpUrl || !smtp.emailFrom) return missing("no SMTP server is configured on the platform");
      if (c.recipients.length === 0) return missing("the channel has no recipients");
      return emailChannel(smtp.smtpUrl, smtp.emailFrom, c.recipients);
    case "dingtalk":
      return c.webhookUrl ? dingTalkChannel(c.webhookUrl, secret, now) : missing("no webhook");
    case "wecom":
      return c.webhookUrl ? weComChannel(c.webhookUrl) : missing("no webhook");
    case "feishu":
      return c.webhookUrl ? feishuChannel(c.webhookUrl, secret, now) : missing("no webhook");
  }
}

/** The summary of what a channel held during its quiet hours (one message). */
export function summaryText(held: readonly HeldRow[]): { title: string; text: string } {
  const title = `【静默时段汇总 Quiet-hours summary】${held.length} 条报警 alarms`;
  const lines = held
    .slice(0, 50)
    .map(
      (h) =>
        `- ${h.raisedAt.toISOString()} · ${h.tagKey} · ${h.priority}${h.escalation ? " · 升级 escalation" : ""}`,
    );
  if (held.length > 50) lines.push(`… +${held.length - 50}`);
  return { title, text: [title, ...lines].join("\n") };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Sends an org's alarms through the channels it configured: each channel receives the priorities
 * it chose; in its quiet hours low and medium priority are held (stored) and sent as one summary
 * when they end, high and critical always go through. A failing channel never stops the others.
 */
export class OrgChannelDispatcher {
  sent = 0;
  failures = 0;

  constructor(
    private readonly db: Database,
    private readonly smtp: SmtpSettings,
    private readonly now: () => Date,
  ) {}

  async dispatch(m: AlarmMessage): Promise<void> {
    const repo = new AlarmOpsRepository(this.db);
    const at = this.now();
    const channels = (await repo.enabledChannels(m.orgId)).filter((c) =>
      (c.priorities as readonly string[]).includes(m.priority),
    );
    await Promise.all(
      channels.map(async (c) => {
        if (inQuietHours(c, at) && heldInQuietHours(m.priority)) {
          await repo.hold({
            orgId: m.orgId,
            id: randomUUID(),
            channelId: c.id,
            alarmId: m.alarmId,
            tagKey: m.tagKey,
            priority: m.priority as HeldRow["priority"],
            raisedAt: new Date(m.raisedAt),
            escalation: m.escalation,
            heldAt: at,
          });
          return;
        }
        await this.deliver(c, alarmTitle(m), alarmText(m));
      }),
    );
  }

  /** Sends and records the outcome on the channel; resolves to the error text, or null. */
  async deliver(c: ChannelRow, title: string, text: string): Promise<string | null> {
    let error: string | null = null;
    try {
      await senderOf(c, this.smtp, this.now).deliver(title, text);
      this.sent++;
    } catch (err) {
      this.failures++;
      error = errorText(err);
    }
    await new AlarmOpsRepository(this.db).markSent(c.orgId, c.id, this.now(), error);
    return error;
  }

  /** Sends one summary per channel whose quiet hours are over; a disabled channel's held messages are dropped. */
  async summarise(): Promise<number> {
    const repo = new AlarmOpsRepository(this.db);
    const at = this.now();
    let sentSummaries = 0;
    for (const c of await repo.channelsHolding()) {
      if (c.enabled && inQuietHours(c, at)) continue;
      const held = await repo.held(c.orgId, c.id);
      if (c.enabled && held.length > 0) {
        const { title, text } = summaryText(held);
        const error = await this.deliver(c, title, text);
        if (error !== null) continue; // kept for the next sweep
        sentSummaries++;
      }
      await repo.deleteHeld(
        c.orgId,
        held.map((h) => h.id),
      );
    }
    return sentSummaries;
  }
}
