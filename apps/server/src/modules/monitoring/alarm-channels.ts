import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";

/** What every channel says about an alarm (the text is built here, in Chinese and English). */
export interface AlarmMessage {
  alarmId: string;
  orgId: string;
  tagKey: string;
  unit: string;
  priority: string;
  state: string;
  value: number | null;
  raisedAt: string;
  /** Still unacknowledged after the escalation delay. */
  escalation: boolean;
  /** Absolute link to the alarm list, when PUBLIC_URL is known. */
  link?: string;
}

export interface AlarmChannel {
  readonly name: string;
  send(message: AlarmMessage): Promise<void>;
  /** Any text in the channel's format (quiet-hours summaries, test messages). */
  deliver(title: string, text: string): Promise<void>;
}

/** Where alarms go besides the in-app notification (each channel optional; from the config). */
export interface AlarmChannelSettings {
  /** smtp://user:pass@host:port (or smtps://); with `emailFrom` and `emailTo`. */
  smtpUrl?: string;
  emailFrom?: string;
  emailTo?: readonly string[];
  /** DingTalk group robot webhook (…/robot/send?access_token=…) and its signing secret (SEC…). */
  dingTalkWebhook?: string;
  dingTalkSecret?: string;
  /** WeCom (企业微信) group robot webhook (…/cgi-bin/webhook/send?key=…). */
  weComWebhook?: string;
  /** Feishu custom bot webhook and its signing secret. */
  feishuWebhook?: string;
  feishuSecret?: string;
  /** Minutes an alarm may stay unacknowledged before it is sent again as an escalation (0: never). */
  escalateMinutes: number;
}

export function alarmTitle(m: AlarmMessage): string {
  const head = m.escalation ? "【升级 Escalation】" : "【报警 Alarm】";
  return `${head} ${m.tagKey} · ${m.priority}`;
}

export function alarmText(m: AlarmMessage): string {
  const value = m.value === null ? "—" : `${m.value}${m.unit ? ` ${m.unit}` : ""}`;
  return [
    alarmTitle(m),
    `测点 Tag: ${m.tagKey}`,
    `优先级 Priority: ${m.priority}`,
    `状态 State: ${m.state}`,
    `触发值 Value: ${value}`,
    `发生时间 Raised: ${m.raisedAt}`,
    ...(m.escalation ? ["超时未确认 Unacknowledged past the escalation delay"] : []),
    ...(m.link ? [m.link] : []),
  ].join("\n");
}

async function postJson(url: string, body: unknown, okField: "errcode" | "code"): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  // The robots answer 200 with an error code in the body (e.g. a bad signature).
  const parsed = JSON.parse(text || "{}") as Record<string, unknown>;
  const code = parsed[okField] ?? parsed.StatusCode ?? 0;
  if (code !== 0) throw new Error(`robot refused: ${text.slice(0, 200)}`);
}

/** DingTalk signed webhook: sign = Base64(HmacSHA256(secret, "<ms timestamp>\n<secret>")), URL-encoded. */
export function dingTalkSignedUrl(webhook: string, secret: string, nowMs: number): string {
  const sign = createHmac("sha256", secret).update(`${nowMs}\n${secret}`).digest("base64");
  const url = new URL(webhook);
  url.searchParams.set("timestamp", String(nowMs));
  url.searchParams.set("sign", sign);
  return url.toString();
}

/** Feishu signature: Base64(HmacSHA256(key = "<s timestamp>\n<secret>", message = "")). */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

export function dingTalkChannel(webhook: string, secret: string | undefined, now: () => Date): AlarmChannel {
  const deliver = (title: string, text: string) =>
    postJson(
      secret ? dingTalkSignedUrl(webhook, secret, now().getTime()) : webhook,
      { msgtype: "markdown", markdown: { title, text: text.split("\n").join("  \n") } },
      "errcode",
    );
  return { name: "dingtalk", deliver, send: (m) => deliver(alarmTitle(m), alarmText(m)) };
}

export function weComChannel(webhook: string): AlarmChannel {
  const deliver = (_title: string, text: string) =>
    postJson(webhook, { msgtype: "markdown", markdown: { content: text } }, "errcode");
  return { name: "wecom", deliver, send: (m) => deliver(alarmTitle(m), alarmText(m)) };
}

export function feishuChannel(webhook: string, secret: string | undefined, now: () => Date): AlarmChannel {
  const deliver = (_title: string, text: string) => {
    const timestamp = Math.floor(now().getTime() / 1000);
    const signed = secret ? { timestamp: String(timestamp), sign: feishuSign(secret, timestamp) } : {};
    return postJson(webhook, { ...signed, msg_type: "text", content: { text } }, "code");
  };
  return { name: "feishu", deliver, send: (m) => deliver(alarmTitle(m), alarmText(m)) };
}

export function emailChannel(smtpUrl: string, from: string, to: readonly string[]): AlarmChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  const deliver = async (subject: string, text: string) => {
    await transport.sendMail({ from, to: [...to], subject, text });
  };
  return { name: "email", deliver, send: (m) => deliver(alarmTitle(m), alarmText(m)) };
}

/** The channels the settings configure. */
export function channelsFrom(s: AlarmChannelSettings, now: () => Date): AlarmChannel[] {
  const out: AlarmChannel[] = [];
  if (s.smtpUrl && s.emailFrom && s.emailTo && s.emailTo.length > 0)
    out.push(emailChannel(s.smtpUrl, s.emailFrom, s.emailTo));
  if (s.dingTalkWebhook) out.push(dingTalkChannel(s.dingTalkWebhook, s.dingTalkSecret, now));
  if (s.weComWebhook) out.push(weComChannel(s.weComWebhook));
  if (s.feishuWebhook) out.push(feishuChannel(s.feishuWebhook, s.feishuSecret, now));
  return out;
}

/** Sends to every channel; a failing channel never stops the others nor the alarm itself. */
export class AlarmNotifier {
  sent = 0;
  failures: string[] = [];

  constructor(private readonly channels: readonly AlarmChannel[]) {}

  get size(): number {
    return this.channels.length;
  }

  async notify(m: AlarmMessage): Promise<void> {
    const results = await Promise.allSettled(this.channels.map((c) => c.send(m)));
    results.forEach((r, i) => {
      if (r.status === "fulfilled") this.sent++;
      else
        this.failures.push(
          `${this.channels[i].name}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`,
        );
    });
    if (this.failures.length > 100) this.failures.splice(0, this.failures.length - 100);
  }
}
