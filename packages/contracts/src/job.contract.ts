import { z } from "zod";
import { ID_MAX, idSchema, pageOf, paginationQuerySchema, text } from "./common.contract.ts";
import { alarmLiveEventSchema } from "./monitoring.contract.ts";
import { notificationSchema } from "./notification.contract.ts";
import { planInstanceSchema } from "./scheduling.contract.ts";
import { telemetryLiveEventSchema } from "./telemetry.contract.ts";

/** Engine runs that may take longer than a request: they run as jobs on worker threads. */
/**
 * `report` is started only by POST /growth/reports (its input is the dashboard's own figures);
 * `document` only by the routes that build a ReportDocument from their screen's figures.
 */
export const JOB_KINDS = ["schedule", "mrp", "forecast", "analyze", "report", "document"] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

/**
 * queued → running → succeeded | failed | cancelled; a job that was queued or running when its
 * server process ended is marked `interrupted` at the next start (never silently lost).
 */
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const FINISHED_JOB_STATUSES: readonly JobStatus[] = [
  "succeeded",
  "failed",
  "cancelled",
  "interrupted",
];

const seedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .default(1);

/** A job shop / flexible job shop instance: a generated one, or a file's text (job shop or Brandimarte). */
export const scheduleJobInputSchema = z.object({
  instance: z.discriminatedUnion("source", [
    z.object({
      source: z.literal("generated"),
      jobs: z.number().int().min(2).max(200),
      machines: z.number().int().min(2).max(50),
      seed: seedSchema,
    }),
    z.object({
      source: z.literal("text"),
      text: z.string().min(3).max(1_000_000),
      format: z.enum(["auto", "jobshop", "brandimarte"]).default("auto"),
    }),
    /** A firm's production orders compiled by the scheduling module (calendars, family setups). */
    z.object({ source: z.literal("plan"), plan: planInstanceSchema }),
  ]),
  objective: z.enum(["makespan", "weightedTardiness"]).optional(),
  timeLimitSeconds: z.number().min(0.1).max(3600).default(10),
  seed: seedSchema,
});
export type ScheduleJobInput = z.infer<typeof scheduleJobInputSchema>;

/** An MRP run: a generated layered BOM, or an MrpInput object (checked by the engine, which names the bad record). */
export const mrpJobInputSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("generated"),
    items: z.number().int().min(2).max(50_000),
    levels: z.number().int().min(1).max(20),
    periods: z.number().int().min(1).max(520),
    seed: seedSchema,
  }),
  z.object({
    source: z.literal("input"),
    problem: z.object({
      items: z.array(z.record(z.string(), z.unknown())).max(100_000),
      bom: z.array(z.record(z.string(), z.unknown())).max(500_000),
      demand: z.array(z.record(z.string(), z.unknown())).max(500_000),
      receipts: z.array(z.record(z.string(), z.unknown())).max(500_000).optional(),
      horizon: z.number().int().min(1).max(10_000).optional(),
    }),
  }),
]);
export type MrpJobInput = z.infer<typeof mrpJobInputSchema>;

/** Many series forecast in one job (e.g. one file); progress is per series. */
export const forecastJobInputSchema = z.object({
  series: z
    .array(z.object({ id: z.string().min(1).max(200), values: z.array(z.number()).min(1).max(100_000) }))
    .min(1)
    .max(100_000),
  horizon: z.number().int().min(1).max(1000),
  period: z.number().int().min(1).max(1000).optional(),
  level: z.number().gt(0).lt(100).optional(),
});
export type ForecastJobInput = z.infer<typeof forecastJobInputSchema>;

/** DEA efficiency of units (rows) from their inputs and outputs. */
export const analyzeJobInputSchema = z.object({
  method: z.enum(["dea-ccr", "dea-bcc", "sbm"]),
  orientation: z.enum(["input", "output"]).default("input"),
  units: z.array(z.string().max(200)).max(100_000).optional(),
  inputs: z.array(z.array(z.number())).min(1).max(100_000),
  outputs: z.array(z.array(z.number())).min(1).max(100_000),
});
export type AnalyzeJobInput = z.infer<typeof analyzeJobInputSchema>;

export const startJobBodySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("schedule"), input: scheduleJobInputSchema }),
  z.object({ kind: z.literal("mrp"), input: mrpJobInputSchema }),
  z.object({ kind: z.literal("forecast"), input: forecastJobInputSchema }),
  z.object({ kind: z.literal("analyze"), input: analyzeJobInputSchema }),
]);
export type StartJobBody = z.infer<typeof startJobBodySchema>;

export const jobErrorSchema = z.object({ code: z.string(), message: z.string() });
export type JobError = z.infer<typeof jobErrorSchema>;

/** A job as listed: everything but the input and the (possibly large) result. */
export const jobSummarySchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  orgId: z.string(),
  createdBy: z.string().nullable(),
  status: jobStatusSchema,
  /** 0…1 */
  progress: z.number().min(0).max(1),
  /** One line about where the run is, e.g. "best makespan 412". */
  note: z.string().nullable(),
  error: jobErrorSchema.nullable(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobDetailSchema = jobSummarySchema.extend({
  input: z.unknown(),
  result: z.unknown().nullable(),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobListQuerySchema = paginationQuerySchema.extend({
  kind: jobKindSchema.optional(),
  status: jobStatusSchema.optional(),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;
export const jobPageSchema = pageOf(jobSummarySchema);
export type JobPage = z.infer<typeof jobPageSchema>;

/** One server-push message on GET /api/v1/live (Server-Sent Events; `event:` is the topic). */
export const liveEventSchema = z.discriminatedUnion("topic", [
  z.object({ topic: z.literal("job"), job: jobSummarySchema }),
  telemetryLiveEventSchema,
  z.object({ topic: z.literal("notification"), notification: notificationSchema }),
  alarmLiveEventSchema,
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export const LIVE_TOPICS = ["job", "telemetry", "notification"] as const;

/** Telemetry points are sent only for the tags a screen names (comma-separated ids, at most 50). */
export const liveQuerySchema = z.object({
  telemetryTags: text({ max: 50 * (ID_MAX + 1) })
    .optional()
    .transform((v) => (v ? v.split(",").filter((s) => s !== "") : []))
    .pipe(z.array(idSchema).max(50)),
});
export type LiveQuery = z.infer<typeof liveQuerySchema>;
