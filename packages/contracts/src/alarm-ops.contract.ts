import { z } from "zod";
import { emailSchema, text } from "./common.contract.ts";
import { alarmPrioritySchema } from "./monitoring.contract.ts";

/** Where an org's alarms are sent: e-mail (the platform's SMTP server) or a group robot. */
export const NOTIFY_CHANNEL_KINDS = ["email", "dingtalk", "wecom", "feishu"] as const;
export const notifyChannelKindSchema = z.enum(NOTIFY_CHANNEL_KINDS);
export type NotifyChannelKind = z.infer<typeof notifyChannelKindSchema>;

/** Priorities held during a channel's quiet hours (summarised when they end); high and critical always go through. */
export const QUIET_HELD_PRIORITIES = ["low", "medium"] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (00:00–23:59)");
const webhookUrl = text({ max: 2000 })
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL");

/** What an owner or admin writes; `secret` and `webhookUrl` left out on an update keep the stored ones. */
export const notifyChannelWriteSchema = z.object({
  kind: notifyChannelKindSchema,
  name: text({ min: 1, max: 100 }),
  enabled: z.boolean().default(true),
  /** Alarm priorities this channel receives (at least one). */
  priorities: z.array(alarmPrioritySchema).min(1).max(4),
  /** E-mail only: recipients. */
  recipients: z.array(emailSchema).max(50).default([]),
  /** Robots only: the webhook (its token is a secret too: never returned). */
  webhookUrl: webhookUrl.optional(),
  /** DingTalk / Feishu signing secret; "" removes it. Never returned. */
  secret: text({ max: 500 }).optional(),
  /** Quiet hours in the channel's time zone (both or neither; may wrap midnight). */
  quietStart: hhmm.nullable().default(null),
  quietEnd: hhmm.nullable().default(null),
  timeZone: text({ min: 1, max: 64 }).default("Asia/Shanghai"),
});
export type NotifyChannelWrite = z.input<typeof notifyChannelWriteSchema>;
export type NotifyChannelWriteParsed = z.infer<typeof notifyChannelWriteSchema>;

/** A channel as the API shows it: no secret, no webhook token. */
export const notifyChannelSchema = z.object({
  id: z.string(),
  kind: notifyChannelKindSchema,
  name: z.string(),
  enabled: z.boolean(),
  priorities: z.array(alarmPrioritySchema),
  recipients: z.array(z.string()),
  /** The webhook's scheme and host only (its path and query carry the robot's token). */
  webhookOrigin: z.string().nullable(),
  hasSecret: z.boolean(),
  quietStart: z.string().nullable(),
  quietEnd: z.string().nullable(),
  timeZone: z.string(),
  /** Notifications held in quiet hours, waiting for the summary. */
  held: z.number().int().nonnegative(),
  lastSentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
});
export type NotifyChannel = z.infer<typeof notifyChannelSchema>;
export const notifyChannelListSchema = z.object({
  items: z.array(notifyChannelSchema),
  /** Whether the platform has an SMTP server configured (e-mail channels need one). */
  smtpConfigured: z.boolean(),
});
export type NotifyChannelList = z.infer<typeof notifyChannelListSchema>;

export const notifyChannelTestResultSchema = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type NotifyChannelTestResult = z.infer<typeof notifyChannelTestResultSchema>;

/** EEMUA 191 acceptability of the average alarm rate per operator (alarms per hour). */
export const EEMUA_BANDS = [
  "very_likely_acceptable",
  "manageable",
  "over_demanding",
  "unacceptable",
] as const;
export const eemuaBandSchema = z.enum(EEMUA_BANDS);
export type EemuaBand = z.infer<typeof eemuaBandSchema>;

export const floodQuerySchema = z.object({
  /** The window analysed, ending now (default one day, at most 30 days). */
  hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(24),
  /** Operator consoles sharing the org's alarms (rates are per operator). */
  operators: z.coerce.number().int().min(1).max(100).default(1),
});
export type FloodQuery = z.infer<typeof floodQuerySchema>;

export const floodReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  operators: z.number().int(),
  total: z.number().int(),
  /** Average alarms per operator-hour over the window, and its EEMUA 191 band. */
  perOperatorHour: z.number(),
  band: eemuaBandSchema,
  /** The busiest hour and the busiest 10 minutes (per operator). */
  peakHour: z.number(),
  peak10Minutes: z.number(),
  /** 10-minute intervals with ≥ 10 alarms per operator (ISA-18.2 alarm flood), and their share. */
  floodIntervals: z.number().int(),
  floodShare: z.number(),
  /** Alarms per operator in each hour of the window, oldest first. */
  hourly: z.array(z.object({ start: z.string(), count: z.number() })),
  /** The ten tags that raised the most alarms, with their share of all alarms. */
  badActors: z.array(
    z.object({ tagId: z.string(), tagKey: z.string(), count: z.number().int(), share: z.number() }),
  ),
  /** Tags that raised ≥ 3 alarms within 60 s, with a suggested dead-band and on-delay. */
  chattering: z.array(
    z.object({
      tagId: z.string(),
      tagKey: z.string(),
      unit: z.string(),
      raises: z.number().int(),
      /** Most raises inside one 60 s window. */
      maxIn60s: z.number().int(),
      /** Median seconds an alarm of this tag stayed active, and between one clearing and the next raise. */
      medianActiveSeconds: z.number().nullable(),
      medianGapSeconds: z.number().nullable(),
      suggestedOnDelaySeconds: z.number().int(),
      suggestedOffDelaySeconds: z.number().int(),
      /** In the tag's unit, from the spread of the raising readings (null when unknown). */
      suggestedDeadband: z.number().nullable(),
    }),
  ),
});
export type FloodReport = z.infer<typeof floodReportSchema>;
