import { z } from "zod";
import { idSchema, isoDateTimeSchema, text } from "./common.contract.ts";

/**
 * Machine states the OEE store keeps: running; idle (waiting: no operator, no material — counted
 * as Nakajima's "idling and minor stops", a performance loss); setup (changeover, adjustment); down
 * (a breakdown, with a reason code); planned_stop (breaks, no production scheduled: outside planned time).
 */
export const MACHINE_STATES = ["running", "idle", "setup", "down", "planned_stop"] as const;
export const machineStateSchema = z.enum(MACHINE_STATES);
export type MachineStateName = z.infer<typeof machineStateSchema>;

/** Where a state interval came from: the machine's state tag, or a person's downtime entry. */
export const STATE_SOURCES = ["tag", "manual"] as const;
export type StateSource = (typeof STATE_SOURCES)[number];

/** Report periods: the two 12-hour shifts (day 08:00–20:00, night 20:00–08:00, China time) or days. */
export const OEE_PERIODS = ["shift", "day"] as const;
export const oeePeriodSchema = z.enum(OEE_PERIODS);
export type OeePeriod = z.infer<typeof oeePeriodSchema>;

export const SHIFT_NAMES = ["day", "night"] as const;

/** A reason code as a device or a person gives it (`jam`, `changeover`, `停电`…). */
export const reasonCodeSchema = text({ min: 1, max: 64 });

const ratio = z.number().nullable();

/** The six big losses in minutes (rejects valued at the ideal cycle time). */
export const oeeLossesSchema = z.object({
  breakdowns: z.number(),
  setupAdjustments: z.number(),
  smallStops: z.number(),
  reducedSpeed: z.number(),
  startupRejects: z.number(),
  productionRejects: z.number(),
  /** Planned time no state explains (no data). */
  unaccounted: z.number(),
});
export type OeeLosses = z.infer<typeof oeeLossesSchema>;

/** OEE figures over one span: minutes, counts and the three factors (null where undefined). */
export const oeeFiguresSchema = z.object({
  plannedMinutes: z.number(),
  runMinutes: z.number(),
  totalCount: z.number(),
  goodCount: z.number(),
  availability: ratio,
  performance: ratio,
  quality: ratio,
  oee: ratio,
  losses: oeeLossesSchema,
});
export type OeeFigures = z.infer<typeof oeeFiguresSchema>;

export const oeeReportQuerySchema = z.object({
  lineId: idSchema,
  /** Only this machine of the line (default: the whole line). */
  machineId: idSchema.optional(),
  /** Default: the last 7 days up to now; at most 31 days. */
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  by: oeePeriodSchema.default("shift"),
});
export type OeeReportQuery = z.infer<typeof oeeReportQuerySchema>;

export const oeeExportQuerySchema = oeeReportQuerySchema.extend({ lang: z.enum(["zh", "en"]).default("zh") });
export type OeeExportQuery = z.infer<typeof oeeExportQuerySchema>;

export const oeePeriodRowSchema = oeeFiguresSchema.extend({
  start: z.string(),
  end: z.string(),
  /** `day` / `night` for shifts, null for days. */
  shift: z.enum(SHIFT_NAMES).nullable(),
});
export type OeePeriodRow = z.infer<typeof oeePeriodRowSchema>;

export const oeeMachineRowSchema = oeeFiguresSchema.extend({
  machineId: z.string(),
  name: z.string(),
  processType: z.string(),
  /** Seconds per unit at ideal speed, or null when neither master data nor a tag gives one. */
  idealCycleSeconds: z.number().nullable(),
});
export type OeeMachineRow = z.infer<typeof oeeMachineRowSchema>;

export const paretoRowSchema = z.object({
  state: machineStateSchema,
  reason: z.string(),
  minutes: z.number(),
  events: z.number().int(),
  /** Running share of all lost minutes, 0…1, largest first. */
  cumulative: z.number(),
});
export type ParetoRow = z.infer<typeof paretoRowSchema>;

export const downtimeRowSchema = z.object({
  id: z.string(),
  machineId: z.string(),
  machineName: z.string(),
  state: machineStateSchema,
  reason: z.string(),
  start: z.string(),
  /** Null while it lasts. */
  end: z.string().nullable(),
  minutes: z.number(),
  source: z.enum(STATE_SOURCES),
  note: z.string(),
});
export type DowntimeRow = z.infer<typeof downtimeRowSchema>;

export const oeeReportSchema = z.object({
  lineId: z.string(),
  lineName: z.string(),
  machineId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  by: oeePeriodSchema,
  total: oeeFiguresSchema,
  periods: z.array(oeePeriodRowSchema),
  machines: z.array(oeeMachineRowSchema),
  /** Lost minutes by state and reason (down, setup, idle), largest first. */
  pareto: z.array(paretoRowSchema),
  /** Stops in the range, newest first (at most 500). */
  downtime: z.array(downtimeRowSchema),
});
export type OeeReport = z.infer<typeof oeeReportSchema>;

export const lineMachineSchema = z.object({
  machineId: z.string(),
  name: z.string(),
  processType: z.string(),
  /** Null before the first state reading. */
  state: machineStateSchema.nullable(),
  reason: z.string(),
  since: z.string().nullable(),
  /** OEE of the current shift so far. */
  oee: ratio,
  activeAlarms: z.number().int(),
});
export type LineMachine = z.infer<typeof lineMachineSchema>;

export const lineOverviewSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteId: z.string(),
  shiftStart: z.string(),
  oee: ratio,
  machines: z.array(lineMachineSchema),
});
export type LineOverview = z.infer<typeof lineOverviewSchema>;
export const lineOverviewListSchema = z.object({ items: z.array(lineOverviewSchema) });
export type LineOverviewList = z.infer<typeof lineOverviewListSchema>;

/** A person records a stop the state tag did not tell (or tells without a reason); it overrides the tag there. */
export const downtimeWriteSchema = z
  .object({
    machineId: idSchema,
    state: z.enum(["down", "setup", "idle", "planned_stop"]).default("down"),
    reason: reasonCodeSchema,
    start: isoDateTimeSchema,
    end: isoDateTimeSchema,
    note: text({ max: 500, multiline: true }).default(""),
  })
  .refine((d) => Date.parse(d.end) > Date.parse(d.start), {
    message: "end must be after start",
    path: ["end"],
  });
export type DowntimeWrite = z.infer<typeof downtimeWriteSchema>;

export const machineIdParamsSchema = z.object({ machineId: idSchema });

/** Tag keys (on the machine's devices) that feed the store; null = the default key. */
export const oeeMachineSettingsSchema = z.object({
  /** Master data: seconds per unit at ideal speed (wins over the tag). */
  idealCycleSeconds: z.number().positive().max(86_400).nullable(),
  stateTag: text({ min: 1, max: 200 }).nullable(),
  reasonTag: text({ min: 1, max: 200 }).nullable(),
  goodTag: text({ min: 1, max: 200 }).nullable(),
  rejectTag: text({ min: 1, max: 200 }).nullable(),
  totalTag: text({ min: 1, max: 200 }).nullable(),
  /** A numeric tag carrying the ideal cycle time in seconds (used when master data has none). */
  idealCycleTag: text({ min: 1, max: 200 }).nullable(),
});
export type OeeMachineSettings = z.infer<typeof oeeMachineSettingsSchema>;

/** Effective settings of a machine: what is stored, with the defaults filled in. */
export const oeeMachineSettingsViewSchema = oeeMachineSettingsSchema.extend({
  machineId: z.string(),
  /** The cycle time in use (master data, else the tag's latest value). */
  effectiveIdealCycleSeconds: z.number().nullable(),
});
export type OeeMachineSettingsView = z.infer<typeof oeeMachineSettingsViewSchema>;

/** OEE of one process type across the firms that granted "equipment" to the operator (k ≥ 3). */
export const oeeBenchmarkRowSchema = z.object({
  processType: z.string(),
  metric: z.literal("oee"),
  firms: z.number().int().nullable(),
  suppressed: z.boolean(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  mine: z.number().nullable(),
  myQuartile: z.number().int().min(1).max(4).nullable(),
});
export type OeeBenchmarkRow = z.infer<typeof oeeBenchmarkRowSchema>;
export const oeeBenchmarkListSchema = z.object({
  days: z.number().int(),
  items: z.array(oeeBenchmarkRowSchema),
});
export type OeeBenchmarkList = z.infer<typeof oeeBenchmarkListSchema>;
