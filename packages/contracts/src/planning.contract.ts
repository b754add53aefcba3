import { z } from "zod";
import { text } from "./common.contract.ts";
import { importIssueSchema, importModeSchema } from "./import.contract.ts";

/** Master data a firm's planner keeps: one record kind per template/sheet. */
export const PLANNING_ENTITIES = [
  "items",
  "bom",
  "stock",
  "open-orders",
  "customer-orders",
  "demand",
  "machines",
  "routings",
  "setups",
  "calendar",
] as const;
export const planningEntitySchema = z.enum(PLANNING_ENTITIES);
export type PlanningEntity = z.infer<typeof planningEntitySchema>;

/** Lot-sizing rules of the MRP engine that need no cost data (lotQuantity: batch size, POQ periods or the minimum). */
export const LOT_RULES = ["lot-for-lot", "fixed", "poq", "min-max"] as const;
export const lotRuleSchema = z.enum(LOT_RULES);
export const OPEN_ORDER_KINDS = ["purchase", "production"] as const;

const code = text({ min: 1, max: 64 });
const quantity = z.number().finite().min(0).max(1e12);
const positive = z.number().finite().positive().max(1e12);
/** A calendar date YYYY-MM-DD that exists. */
export const planningDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && !s.startsWith("0000");
  }, "must be a real calendar date");

export const planningItemSchema = z
  .object({
    code,
    name: text({ min: 1, max: 200 }),
    unit: text({ min: 1, max: 20 }),
    leadTimeDays: z.number().int().min(0).max(3650),
    lotRule: lotRuleSchema.default("lot-for-lot"),
    lotQuantity: positive.optional(),
    lotMax: positive.optional(),
    safetyStock: quantity.default(0),
  })
  .superRefine((v, ctx) => {
    if (v.lotRule !== "lot-for-lot" && v.lotQuantity === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["lotQuantity"],
        message: `is required for lot rule ${v.lotRule}`,
      });
    if (v.lotRule === "poq" && v.lotQuantity !== undefined && !Number.isInteger(v.lotQuantity))
      ctx.addIssue({
        code: "custom",
        path: ["lotQuantity"],
        message: "must be a whole number of periods for poq",
      });
    if (v.lotRule === "min-max" && (v.lotMax === undefined || v.lotMax < (v.lotQuantity ?? 0)))
      ctx.addIssue({ code: "custom", path: ["lotMax"], message: "must be at least lotQuantity for min-max" });
  });

export const planningBomLineSchema = z
  .object({
    parent: code,
    component: code,
    qtyPer: positive,
    version: text({ min: 1, max: 20 }).default("1"),
    effectiveFrom: planningDateSchema.default("2000-01-01"),
    effectiveTo: planningDateSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.parent === v.component)
      ctx.addIssue({ code: "custom", path: ["component"], message: "must differ from parent" });
    if (v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom)
      ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: "must not be before effectiveFrom" });
  });

export const planningStockSchema = z.object({
  item: code,
  location: text({ min: 1, max: 64 }).default("main"),
  quantity,
});

export const planningOpenOrderSchema = z.object({
  orderNo: code,
  kind: z.enum(OPEN_ORDER_KINDS),
  item: code,
  quantity: positive,
  dueDate: planningDateSchema,
  /** Tardiness weight in scheduling (1 = normal, up to 10 for a key customer). */
  priority: z.number().int().min(1).max(10).optional(),
});

export const planningCustomerOrderSchema = z.object({
  orderNo: code,
  customer: text({ min: 1, max: 200 }),
  item: code,
  quantity: positive,
  dueDate: planningDateSchema,
});

export const planningDemandSchema = z.object({
  item: code,
  periodDate: planningDateSchema,
  quantity,
});

const CLOCK = "([01]\\d|2[0-4]):[0-5]\\d";
/** Working shifts of a day, e.g. "08:00-16:00;16:00-24:00" (each start before its end). */
const shiftsSchema = z
  .string()
  .regex(
    new RegExp(`^${CLOCK}-${CLOCK}(;${CLOCK}-${CLOCK})*$`),
    "must be shifts like 08:00-16:00;16:00-24:00",
  )
  .refine(
    (s) =>
      s.split(";").every((part) => {
        const [a, b] = part.split("-").map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
        return a < b && b <= 1440;
      }),
    "every shift must start before it ends, within the day",
  );
/** Weekdays worked, 1 = Monday … 7 = Sunday, e.g. "1-5" or "1-6" or "1,3,5". */
const workdaysSchema = z
  .string()
  .regex(/^[1-7](-[1-7])?(,[1-7](-[1-7])?)*$/, "must be weekdays like 1-5 or 1,2,3,4,5,6 (1 = Monday)");

/** A machine (resource) of a work centre with its weekly working pattern. */
export const planningMachineSchema = z.object({
  code,
  name: text({ min: 1, max: 200 }),
  workCentre: code,
  shifts: shiftsSchema.default("08:00-20:00"),
  workdays: workdaysSchema.default("1-5"),
});

/**
 * One way to run one routing step: item, step number, the machine and its time. Several rows with
 * the same item and step are the alternative machines; `family` groups items for setup times.
 */
export const planningRoutingSchema = z.object({
  item: code,
  seq: z.number().int().min(1).max(999),
  operation: text({ min: 1, max: 100 }),
  machine: code,
  minutesPerUnit: z.number().finite().min(0).max(10_000),
  fixedMinutes: z.number().finite().min(0).max(100_000).default(0),
  family: code.default("default"),
});

/** Setup minutes on a machine ("*" = every machine) when changing from one product family to another. */
export const planningSetupSchema = z.object({
  machine: code.default("*"),
  fromFamily: code,
  toFamily: code,
  minutes: z.number().finite().min(0).max(100_000),
});

/**
 * Exceptions to the weekly pattern of every machine: a holiday on a weekday, or a working day on a
 * weekend (the 调休 swaps the State Council publishes each year), as data per date.
 */
export const CALENDAR_DAY_KINDS = ["holiday", "workday"] as const;
export const planningCalendarDaySchema = z.object({
  date: planningDateSchema,
  kind: z.enum(CALENDAR_DAY_KINDS),
  note: text({ max: 100 }).optional(),
});

/** The data schema of each entity (what a body, a template row and an import row must satisfy). */
export const PLANNING_DATA_SCHEMAS = {
  items: planningItemSchema,
  bom: planningBomLineSchema,
  stock: planningStockSchema,
  "open-orders": planningOpenOrderSchema,
  "customer-orders": planningCustomerOrderSchema,
  demand: planningDemandSchema,
  machines: planningMachineSchema,
  routings: planningRoutingSchema,
  setups: planningSetupSchema,
  calendar: planningCalendarDaySchema,
} as const;
export type PlanningItem = z.infer<typeof planningItemSchema>;
export type PlanningBomLine = z.infer<typeof planningBomLineSchema>;
export type PlanningStock = z.infer<typeof planningStockSchema>;
export type PlanningOpenOrder = z.infer<typeof planningOpenOrderSchema>;
export type PlanningCustomerOrder = z.infer<typeof planningCustomerOrderSchema>;
export type PlanningDemand = z.infer<typeof planningDemandSchema>;
export type PlanningMachine = z.input<typeof planningMachineSchema>;
export type PlanningRouting = z.input<typeof planningRoutingSchema>;
export type PlanningSetup = z.input<typeof planningSetupSchema>;
export type PlanningCalendarDay = z.input<typeof planningCalendarDaySchema>;

/** Create or replace one record (same natural key = replace). */
export const planningRecordWriteSchema = z.discriminatedUnion("entity", [
  z.object({ entity: z.literal("items"), data: planningItemSchema }),
  z.object({ entity: z.literal("bom"), data: planningBomLineSchema }),
  z.object({ entity: z.literal("stock"), data: planningStockSchema }),
  z.object({ entity: z.literal("open-orders"), data: planningOpenOrderSchema }),
  z.object({ entity: z.literal("customer-orders"), data: planningCustomerOrderSchema }),
  z.object({ entity: z.literal("demand"), data: planningDemandSchema }),
  z.object({ entity: z.literal("machines"), data: planningMachineSchema }),
  z.object({ entity: z.literal("routings"), data: planningRoutingSchema }),
  z.object({ entity: z.literal("setups"), data: planningSetupSchema }),
  z.object({ entity: z.literal("calendar"), data: planningCalendarDaySchema }),
]);
export type PlanningRecordWrite = z.infer<typeof planningRecordWriteSchema>;

const cellValue = z.union([z.string(), z.number(), z.null()]);
export const planningRecordSchema = z.object({
  id: z.string(),
  entity: planningEntitySchema,
  /** The natural key within the org and entity, e.g. the item code or "parent|component|version". */
  key: z.string(),
  data: z.record(z.string(), cellValue),
  updatedAt: z.string(),
});
export type PlanningRecord = z.infer<typeof planningRecordSchema>;
export const planningRecordListSchema = z.object({ items: z.array(planningRecordSchema) });
export const planningListQuerySchema = z.object({ entity: planningEntitySchema });
export const planningEntityParamsSchema = z.object({ entity: planningEntitySchema });

export const planningImportRequestSchema = z.object({
  entity: planningEntitySchema,
  mode: importModeSchema.default("all-or-nothing"),
  dryRun: z.boolean().default(false),
  fileName: text({ max: 255 }).optional(),
  contentBase64: z
    .string()
    .min(1, "contentBase64 is empty")
    .max(7_000_000, "file is larger than 5 MiB")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "contentBase64 must be standard base64"),
});
export const planningImportReportSchema = z.object({
  entity: planningEntitySchema,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  written: z.number().int(),
  committed: z.boolean(),
  ignoredColumns: z.array(z.string()),
  issues: z.array(importIssueSchema),
});
export type PlanningImportReport = z.infer<typeof planningImportReportSchema>;

export const planningItemParamsSchema = z.object({ item: code });
export const planningForecastQuerySchema = z.object({
  horizon: z.coerce.number().int().min(1).max(60).default(12),
});
export const planningOverrideSchema = z.object({
  periodDate: planningDateSchema,
  /** The planner's quantity for that period; null removes the override. */
  quantity: quantity.nullable(),
  reason: text({ max: 500 }).optional(),
});

const pointSchema = z.object({ date: z.string(), value: z.number() });
export const planningForecastSchema = z.object({
  item: z.string(),
  history: z.array(pointSchema),
  method: z.string(),
  season: z.object({
    periods: z.array(z.number()),
    source: z.enum(["timestamps", "values", "none"]),
    reason: z.string(),
  }),
  forecast: z.array(
    z.object({
      date: z.string(),
      mean: z.number(),
      lower80: z.number(),
      upper80: z.number(),
      lower95: z.number(),
      upper95: z.number(),
      override: z.number().nullable(),
      /** What MRP uses: the override when set, else the mean. */
      plan: z.number(),
    }),
  ),
  /** Backtest on the last `holdout` points (null when the history is too short). */
  accuracy: z
    .object({ holdout: z.number().int(), smape: z.number(), mase: z.number().nullable() })
    .nullable(),
});
export type PlanningForecast = z.infer<typeof planningForecastSchema>;

export const planningMrpRequestSchema = z.object({
  horizon: z.number().int().min(1).max(60).default(12),
});
export const planningMrpResultSchema = z.object({
  /** First day of each monthly bucket. */
  periods: z.array(z.string()),
  plannedOrders: z.array(
    z.object({
      index: z.number().int(),
      item: z.string(),
      releaseDate: z.string(),
      receiptDate: z.string(),
      pastDue: z.boolean(),
      quantity: z.number(),
      /** The customer orders (and forecast lots) this order finally serves. */
      pegs: z.array(
        z.object({ demandId: z.string(), item: z.string(), date: z.string(), quantity: z.number() }),
      ),
    }),
  ),
  actions: z.array(
    z.object({
      kind: z.enum(["release", "expedite", "defer", "cancel"]),
      item: z.string(),
      orderNo: z.string().nullable(),
      quantity: z.number(),
      fromDate: z.string(),
      toDate: z.string().nullable(),
    }),
  ),
  exceptions: z.array(z.object({ kind: z.string(), item: z.string(), value: z.number() })),
});
export type PlanningMrpResult = z.infer<typeof planningMrpResultSchema>;
