import { ALARM_PRIORITIES, type AlarmPriority, NOTIFY_CHANNEL_KINDS } from "@clusterbrain/contracts";
import type { AlarmMachineState, JsonValue } from "@clusterbrain/engine/monitor";
import {
  boolean,
  doublePrecision,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** One early-warning detector per numeric tag (migration 0012_monitoring.sql). */
export const monDetectors = pgTable(
  "mon_detectors",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    tagId: text("tag_id").notNull(),
    status: text("status", { enum: ["learning", "ready", "failed"] }).notNull(),
    targetArl: integer("target_arl").notNull().default(10_000),
    learnedPoints: integer("learned_points").notNull().default(0),
    /** What the engineer sees (engine WarningReport without the baseline arrays). */
    report: jsonb("report").$type<JsonValue>(),
    /** restoreWarningDetector input. */
    snapshot: jsonb("snapshot").$type<JsonValue>(),
    /** AlarmMachine.restore input, with the last score the excursion check compares against. */
    machine: jsonb("machine").$type<AlarmMachineState & { recentScores?: readonly number[] }>(),
    message: text("message"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "mon_detectors_pk", columns: [t.orgId, t.tagId] })],
);

/** One ISA-18.2 alarm per excursion of a tag. */
export const monAlarms = pgTable(
  "mon_alarms",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    tagId: text("tag_id").notNull(),
    occurrence: integer("occurrence").notNull(),
    priority: text("priority", { enum: ["low", "medium", "high", "critical"] }).notNull(),
    state: text("state", { enum: ["unack", "acked", "rtn_unack", "normal"] }).notNull(),
    active: boolean("active").notNull(),
    shelvedUntil: ts("shelved_until"),
    raisedAt: ts("raised_at").notNull(),
    clearedAt: ts("cleared_at"),
    acknowledgedAt: ts("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    value: doublePrecision("value"),
    score: doublePrecision("score").notNull(),
    sources: jsonb("sources").$type<string[]>().notNull(),
    escalatedAt: ts("escalated_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "mon_alarms_pk", columns: [t.orgId, t.id] }),
    unique("mon_alarms_excursion").on(t.orgId, t.tagId, t.occurrence),
  ],
);

export const monAlarmComments = pgTable(
  "mon_alarm_comments",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    alarmId: text("alarm_id").notNull(),
    userId: text("user_id"),
    text: text("text").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "mon_alarm_comments_pk", columns: [t.orgId, t.id] })],
);

/** An org's alarm notification channel (migration 0024_alarm_channels.sql); `secret` is never returned. */
export const monChannels = pgTable(
  "mon_channels",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    kind: text("kind", { enum: NOTIFY_CHANNEL_KINDS }).notNull(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    priorities: jsonb("priorities").$type<AlarmPriority[]>().notNull(),
    recipients: jsonb("recipients").$type<string[]>().notNull(),
    webhookUrl: text("webhook_url"),
    secret: text("secret"),
    quietStart: text("quiet_start"),
    quietEnd: text("quiet_end"),
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    lastSentAt: ts("last_sent_at"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "mon_channels_pk", columns: [t.orgId, t.id] })],
);

/** A low-priority notification a channel holds during its quiet hours, until the summary. */
export const monChannelHeld = pgTable(
  "mon_channel_held",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    channelId: text("channel_id").notNull(),
    alarmId: text("alarm_id").notNull(),
    tagKey: text("tag_key").notNull(),
    priority: text("priority", { enum: ALARM_PRIORITIES }).notNull(),
    raisedAt: ts("raised_at").notNull(),
    escalation: boolean("escalation").notNull().default(false),
    heldAt: ts("held_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "mon_channel_held_pk", columns: [t.orgId, t.id] }),
    foreignKey({
      name: "mon_channel_held_channel_fk",
      columns: [t.orgId, t.channelId],
      foreignColumns: [monChannels.orgId, monChannels.id],
    }).onDelete("cascade"),
  ],
);
