import { z } from "zod";
import { text } from "./common.contract.ts";

/**
 * Finite-capacity scheduling of a firm's open production orders. Times are whole minutes from the
 * scenario's origin (00:00 of its first day, factory wall-clock); dates are YYYY-MM-DD.
 */
export const SCHEDULE_OBJECTIVES = ["makespan", "totalTardiness", "weightedTardiness"] as const;
export const scheduleObjectiveSchema = z.enum(SCHEDULE_OBJECTIVES);
export type ScheduleObjectiveName = z.infer<typeof scheduleObjectiveSchema>;

export const SCENARIO_STATUSES = ["running", "ready", "failed", "cancelled"] as const;
export const scenarioStatusSchema = z.enum(SCENARIO_STATUSES);
export type ScenarioStatus = z.infer<typeof scenarioStatusSchema>;

const minute = z.number().finite().min(0).max(1e9);
const intervalSchema = z.object({ start: minute, end: minute });

/**
 * The compact solver input a scheduling job carries: setups by product family (expanded per job
 * pair on the worker), machine downtime from shifts, weekends, holidays and 调休 swaps.
 */
export const planInstanceSchema = z.object({
  machineCount: z.number().int().min(1).max(500),
  jobs: z
    .array(
      z.object({
        release: minute,
        due: minute,
        weight: z.number().finite().min(0).max(1000),
        family: z.number().int().min(0).max(10_000),
        operations: z
          .array(
            z.object({
              alternatives: z
                .array(z.object({ machine: z.number().int().min(0), duration: minute }))
                .min(1)
                .max(100),
            }),
          )
          .min(1)
          .max(200),
      }),
    )
    .min(1)
    .max(5000),
  /** familySetups[machine][fromFamily][toFamily] in minutes; null when the firm has no setups. */
  familySetups: z
    .array(z.array(z.array(minute).max(1000)).max(1000))
    .max(500)
    .nullable(),
  unavailable: z.array(z.array(intervalSchema).max(20_000)).max(500),
});
export type PlanInstance = z.infer<typeof planInstanceSchema>;

export const scenarioKpisSchema = z.object({
  makespan: z.number(),
  totalTardiness: z.number(),
  weightedTardiness: z.number(),
  onTimePct: z.number(),
  utilisationPct: z.number(),
  setups: z.number().int(),
  setupMinutes: z.number(),
  orders: z.number().int(),
  lateOrders: z.number().int(),
  stopReason: z.string().nullable(),
});
export type ScenarioKpis = z.infer<typeof scenarioKpisSchema>;

export const createScenarioSchema = z.object({
  name: text({ min: 1, max: 100 }),
  objective: scheduleObjectiveSchema.default("weightedTardiness"),
  timeLimitSeconds: z.number().min(0.5).max(600).default(5),
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
});

export const scenarioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  objective: scheduleObjectiveSchema,
  timeLimitSeconds: z.number(),
  status: scenarioStatusSchema,
  jobId: z.string().nullable(),
  /** The scenario this one was derived from (a repair after a disturbance). */
  parentId: z.string().nullable(),
  published: z.boolean(),
  origin: z.string(),
  kpis: scenarioKpisSchema.nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;
export const scenarioListSchema = z.object({ items: z.array(scenarioSummarySchema) });

export const scheduledOpSchema = z.object({
  job: z.number().int(),
  op: z.number().int(),
  machine: z.number().int(),
  start: z.number(),
  end: z.number(),
  /** Setup minutes right before this operation on its machine. */
  setup: z.number(),
  locked: z.boolean(),
  /** Hit by a machine-down disturbance (repair scenarios). */
  affected: z.boolean(),
});
export type ScheduledOp = z.infer<typeof scheduledOpSchema>;

export const scenarioDetailSchema = scenarioSummarySchema.extend({
  machines: z.array(z.object({ code: z.string(), name: z.string(), workCentre: z.string() })),
  jobs: z.array(
    z.object({
      orderNo: z.string(),
      item: z.string(),
      quantity: z.number(),
      dueDate: z.string(),
      due: z.number(),
      priority: z.number(),
      family: z.string(),
      operations: z.array(
        z.object({
          seq: z.number().int(),
          name: z.string(),
          alternatives: z.array(z.object({ machine: z.number().int(), duration: z.number() })),
        }),
      ),
    }),
  ),
  skipped: z.array(z.object({ orderNo: z.string(), reason: z.string() })),
  operations: z.array(scheduledOpSchema),
  /** Downtime per machine (shift gaps, weekends, holidays, disturbances) up to the end of the plan. */
  downtime: z.array(z.array(intervalSchema)),
  canUndo: z.boolean(),
});
export type ScenarioDetail = z.infer<typeof scenarioDetailSchema>;

export const scenarioLoadSchema = z.object({
  /** Monday of each week. */
  weeks: z.array(z.string()),
  machines: z.array(
    z.object({
      code: z.string(),
      /** Per week: scheduled minutes (work + setup), working minutes available, and the load the due dates ask for. */
      cells: z.array(
        z.object({
          scheduled: z.number(),
          capacity: z.number(),
          required: z.number(),
          overloaded: z.boolean(),
        }),
      ),
    }),
  ),
});
export type ScenarioLoad = z.infer<typeof scenarioLoadSchema>;

export const moveOperationSchema = z.object({
  job: z.number().int().min(0),
  op: z.number().int().min(0),
  machine: z.number().int().min(0),
  start: minute,
});
export const lockOperationSchema = z.object({
  job: z.number().int().min(0),
  op: z.number().int().min(0),
  locked: z.boolean(),
});

/** Factory wall-clock time, e.g. 2026-12-08T14:30. */
export const wallClockSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a time like 2026-12-08T14:30")
  .refine((s) => !Number.isNaN(new Date(`${s}:00Z`).getTime()), "must be a real date and time");
export const disturbanceSchema = z
  .object({ machine: text({ min: 1, max: 64 }), from: wallClockSchema, to: wallClockSchema })
  .refine((v) => v.from < v.to, { path: ["to"], message: "must be after from" });

export const repairResultSchema = z.object({
  scenario: scenarioSummarySchema,
  /** Operations hit by the outage. */
  affected: z.number().int(),
  moved: z.array(
    z.object({ orderNo: z.string(), seq: z.number().int(), fromStart: z.number(), toStart: z.number() }),
  ),
  tardinessBefore: z.number(),
  tardinessAfter: z.number(),
});
export type RepairResult = z.infer<typeof repairResultSchema>;

export const promiseRequestSchema = z.object({
  item: text({ min: 1, max: 64 }),
  quantity: z.number().finite().positive().max(1e9),
});
export const promiseResultSchema = z.object({
  item: z.string(),
  quantity: z.number(),
  /** The earliest date the order can be complete, its finish in minutes, and what binds it. */
  date: z.string(),
  finish: z.number(),
  materialReady: z.number(),
  binding: z.object({
    kind: z.enum(["machine", "material", "routing"]),
    code: z.string(),
    reason: z.string(),
  }),
  scenarioId: z.string().nullable(),
  operations: z.array(
    z.object({ seq: z.number().int(), machine: z.string(), start: z.number(), end: z.number() }),
  ),
});
export type PromiseResult = z.infer<typeof promiseResultSchema>;
