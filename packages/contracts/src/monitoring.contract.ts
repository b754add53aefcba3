import { z } from "zod";
import { idSchema, isoDateTimeSchema, text } from "./common.contract.ts";

/** ISA-18.2 alarm states: unack/acked while active; rtn_unack = returned, not acknowledged; normal = closed. */
export const ALARM_STATES = ["unack", "acked", "rtn_unack", "normal"] as const;
export const alarmStateSchema = z.enum(ALARM_STATES);
export type AlarmStateName = z.infer<typeof alarmStateSchema>;

export const ALARM_PRIORITIES = ["low", "medium", "high", "critical"] as const;
export const alarmPrioritySchema = z.enum(ALARM_PRIORITIES);
export type AlarmPriority = z.infer<typeof alarmPrioritySchema>;

/** What a per-tag detector is doing: waiting for enough history, running, or could not learn. */
export const DETECTOR_STATUSES = ["learning", "ready", "failed"] as const;
export const detectorStatusSchema = z.enum(DETECTOR_STATUSES);
export type DetectorStatus = z.infer<typeof detectorStatusSchema>;

export const alarmSchema = z.object({
  id: z.string(),
  tagId: z.string(),
  tagKey: z.string(),
  unit: z.string(),
  deviceId: z.string(),
  /** One excursion = one occurrence number per tag. */
  occurrence: z.number().int(),
  priority: alarmPrioritySchema,
  state: alarmStateSchema,
  /** The abnormal condition still holds. */
  active: z.boolean(),
  /** Shelved until this time (annunciation hidden), or null. */
  shelvedUntil: z.string().nullable(),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** The reading that raised it and the detector's score (0.5 = threshold). */
  value: z.number().nullable(),
  score: z.number(),
  /** The detector charts that crossed (shewhart, ewma, cusum, flatline, rate, …). */
  sources: z.array(z.string()),
  comments: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type Alarm = z.infer<typeof alarmSchema>;

export const alarmListQuerySchema = z.object({
  state: alarmStateSchema.optional(),
  priority: alarmPrioritySchema.optional(),
  tagId: idSchema.optional(),
  /** Raised at or after / before (ISO timestamps). */
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  /** Only alarms that are active or not yet acknowledged. */
  open: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type AlarmListQuery = z.infer<typeof alarmListQuerySchema>;

export const alarmListSchema = z.object({ items: z.array(alarmSchema) });
export type AlarmList = z.infer<typeof alarmListSchema>;

export const alarmCommentSchema = z.object({
  id: z.string(),
  alarmId: z.string(),
  userId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});
export type AlarmComment = z.infer<typeof alarmCommentSchema>;

export const alarmDetailSchema = z.object({
  alarm: alarmSchema,
  comments: z.array(alarmCommentSchema),
});
export type AlarmDetail = z.infer<typeof alarmDetailSchema>;

export const alarmShelveSchema = z.object({
  /** How long annunciation stays hidden (at most 7 days); it expires by itself. */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  reason: text({ max: 500 }).optional(),
});
export type AlarmShelve = z.infer<typeof alarmShelveSchema>;

export const alarmCommentWriteSchema = z.object({ text: text({ min: 1, max: 2000, multiline: true }) });
export type AlarmCommentWrite = z.infer<typeof alarmCommentWriteSchema>;

export const tagIdParamsSchema = z.object({ tagId: idSchema });

/** One tag's early-warning detector as the engineer sees it. */
export const detectorSchema = z.object({
  tagId: z.string(),
  tagKey: z.string(),
  unit: z.string(),
  deviceId: z.string(),
  status: detectorStatusSchema,
  /** In-control points between false alarms the thresholds are calibrated to (default 10,000). */
  targetArl: z.number().int(),
  /** The chart the automatic choice picked, once learned. */
  chosen: z.string().nullable(),
  expectedArl: z.number().nullable(),
  expectedFalseAlarmsPer10k: z.number().nullable(),
  /** Points of history the baseline was learned from. */
  learnedPoints: z.number().int(),
  sources: z.array(z.object({ source: z.string(), threshold: z.number(), falseAlarmsPer10k: z.number() })),
  message: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Detector = z.infer<typeof detectorSchema>;
export const detectorListSchema = z.object({ items: z.array(detectorSchema) });

export const detectorSettingsSchema = z.object({
  /** 100 … 10,000,000 in-control points per false alarm; changing it re-learns the detector. */
  targetArl: z.number().int().min(100).max(10_000_000),
});
export type DetectorSettings = z.infer<typeof detectorSettingsSchema>;

/** Live-stream event: an alarm was raised or changed state. */
export const alarmLiveEventSchema = z.object({ topic: z.literal("alarm"), alarm: alarmSchema });

/**
 * One figure of the cluster benchmark, per machine process type: anonymised across the firms that
 * contribute (an active "equipment" grant to the cluster operator), withheld below 3 firms.
 */
export const benchmarkRowSchema = z.object({
  processType: z.string(),
  metric: z.enum(["cpk"]),
  /** Contributing firms, or null when suppressed. */
  firms: z.number().int().nullable(),
  suppressed: z.boolean(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  /** The caller's own figure (its own data), or null when it has none for this process type. */
  mine: z.number().nullable(),
  /** Where the caller stands: 1 = bottom quarter … 4 = top quarter; null when suppressed or no figure. */
  myQuartile: z.number().int().min(1).max(4).nullable(),
});
export type BenchmarkRow = z.infer<typeof benchmarkRowSchema>;
export const benchmarkListSchema = z.object({
  /** Readings of the last `days` days count. */
  days: z.number().int(),
  items: z.array(benchmarkRowSchema),
});
export type BenchmarkList = z.infer<typeof benchmarkListSchema>;

export const spcQuerySchema = z.object({
  /** Hours back from now (default 24, at most a week). */
  hours: z.coerce.number().int().min(1).max(168).default(24),
});

/** Export a tag's SPC chart as a report (PDF and .xlsx, as a job): the range and the report's language. */
export const spcReportRequestSchema = z.object({
  hours: z.number().int().min(1).max(168).default(24),
  lang: z.enum(["zh", "en"]).default("zh"),
});
export type SpcReportRequest = z.infer<typeof spcReportRequestSchema>;

const intervalSchema = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() });

/** A tag's individuals chart over a range: limits from the range's first part, rule violations, capability. */
export const spcChartSchema = z.object({
  tagId: z.string(),
  tagKey: z.string(),
  unit: z.string(),
  points: z.array(z.object({ ts: z.string(), value: z.number() })),
  /** Points the limits were computed from (the first ones of the range). */
  baselinePoints: z.number().int(),
  limits: z.object({ center: z.number(), sigma: z.number(), lcl: z.number(), ucl: z.number() }).nullable(),
  /** Western Electric rule violations: index into points, rule 1–4. */
  violations: z.array(z.object({ index: z.number().int(), rule: z.number().int() })),
  lsl: z.number().nullable(),
  usl: z.number().nullable(),
  capability: z
    .object({
      n: z.number().int(),
      mean: z.number(),
      cp: intervalSchema.nullable(),
      cpk: intervalSchema,
      confidence: z.number(),
      /** False when the data fail the normality check (the indices then describe no real fraction defective). */
      quotable: z.boolean(),
    })
    .nullable(),
});
export type SpcChart = z.infer<typeof spcChartSchema>;
