import { z } from "zod";
import { idSchema, isoDateTimeSchema, text } from "./common.contract.ts";

/** What a machine does, so later views compare like with like across firms. */
export const MACHINE_PROCESS_TYPES = [
  "smt_placement",
  "reflow",
  "coil_winding",
  "moulding",
  "test",
  "sterilisation",
  "other",
] as const;
export const machineProcessTypeSchema = z.enum(MACHINE_PROCESS_TYPES);
export type MachineProcessType = z.infer<typeof machineProcessTypeSchema>;

/** A tag's value type; a point of another type is refused (`wrong_type`). */
export const TAG_DATA_TYPES = ["number", "boolean", "string"] as const;
export const tagDataTypeSchema = z.enum(TAG_DATA_TYPES);
export type TagDataType = z.infer<typeof tagDataTypeSchema>;

/** Storage tiers: raw points, 1-minute and 1-hour rollups. */
export const TELEMETRY_TIERS = ["raw", "1m", "1h"] as const;
export const telemetryTierSchema = z.enum(TELEMETRY_TIERS);
export type TelemetryTier = z.infer<typeof telemetryTierSchema>;

/** Asset levels of the tree, top down. */
export const ASSET_KINDS = ["site", "line", "machine", "device", "tag"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

const name = text({ min: 1, max: 200 });
/** Tag keys as devices name them (JSON metric or Sparkplug metric name, e.g. "zone3/temp"). */
export const tagKeySchema = text({ min: 1, max: 200 }).regex(
  /^[A-Za-z0-9_./:-]+$/,
  "must be letters, digits and _ . / : -",
);

/** Statistical process control settings of a tag (what the SPC views use). */
export const spcSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    subgroupSize: z.number().int().min(1).max(25).optional(),
    target: z.number().finite().optional(),
    lsl: z.number().finite().optional(),
    usl: z.number().finite().optional(),
    rules: z
      .array(text({ min: 1, max: 40 }))
      .max(20)
      .optional(),
  })
  .strict();
export type SpcSettings = z.infer<typeof spcSettingsSchema>;

export const siteInputSchema = z.object({ name, location: text({ max: 300 }).optional() });
export type SiteInput = z.infer<typeof siteInputSchema>;
export const lineInputSchema = z.object({ siteId: idSchema, name });
export type LineInput = z.infer<typeof lineInputSchema>;
export const machineInputSchema = z.object({
  lineId: idSchema,
  name,
  processType: machineProcessTypeSchema,
});
export type MachineInput = z.infer<typeof machineInputSchema>;
export const deviceInputSchema = z.object({ machineId: idSchema, name });
export type DeviceInput = z.infer<typeof deviceInputSchema>;
export const tagInputSchema = z
  .object({
    deviceId: idSchema,
    key: tagKeySchema,
    unit: text({ max: 40 }).default(""),
    dataType: tagDataTypeSchema,
    low: z.number().finite().nullable().default(null),
    high: z.number().finite().nullable().default(null),
    /** Expected sampling interval, milliseconds. */
    samplingMs: z.number().int().min(1).max(86_400_000).default(1000),
    spc: spcSettingsSchema.default({ enabled: false }),
  })
  .refine((t) => t.low === null || t.high === null || t.low <= t.high, {
    message: "low must not be above high",
    path: ["low"],
  });
export type TagInput = z.infer<typeof tagInputSchema>;
/** What a client sends (defaults may be left out). */
export type TagInputRequest = z.input<typeof tagInputSchema>;

// Updates: the same fields, all optional; the parent of a record does not move.
export const siteUpdateSchema = siteInputSchema.partial();
export const lineUpdateSchema = lineInputSchema.omit({ siteId: true }).partial();
export const machineUpdateSchema = machineInputSchema.omit({ lineId: true }).partial();
export const deviceUpdateSchema = deviceInputSchema.omit({ machineId: true }).partial();
export const tagUpdateSchema = z
  .object({
    unit: text({ max: 40 }),
    low: z.number().finite().nullable(),
    high: z.number().finite().nullable(),
    samplingMs: z.number().int().min(1).max(86_400_000),
    spc: spcSettingsSchema,
  })
  .partial();
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;
export type LineUpdate = z.infer<typeof lineUpdateSchema>;
export type MachineUpdate = z.infer<typeof machineUpdateSchema>;
export type DeviceUpdate = z.infer<typeof deviceUpdateSchema>;
export type TagUpdate = z.infer<typeof tagUpdateSchema>;

export const siteSchema = z.object({ id: z.string(), name: z.string(), location: z.string() });
export const lineSchema = z.object({ id: z.string(), siteId: z.string(), name: z.string() });
export const machineSchema = z.object({
  id: z.string(),
  lineId: z.string(),
  name: z.string(),
  processType: machineProcessTypeSchema,
});
export const deviceSchema = z.object({
  id: z.string(),
  machineId: z.string(),
  name: z.string(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  connectionChangedAt: z.string().nullable(),
  /** The broker username when a credential is active, else null. */
  username: z.string().nullable(),
});
export const tagSchema = z.object({
  id: z.string(),
  deviceId: z.string(),
  key: z.string(),
  unit: z.string(),
  dataType: tagDataTypeSchema,
  low: z.number().nullable(),
  high: z.number().nullable(),
  samplingMs: z.number().int(),
  spc: spcSettingsSchema,
});
export type Site = z.infer<typeof siteSchema>;
export type Line = z.infer<typeof lineSchema>;
export type Machine = z.infer<typeof machineSchema>;
export type Device = z.infer<typeof deviceSchema>;
export type Tag = z.infer<typeof tagSchema>;

/** My org's whole asset tree, flat lists (the screen nests them by parent id). */
export const assetTreeSchema = z.object({
  sites: z.array(siteSchema),
  lines: z.array(lineSchema),
  machines: z.array(machineSchema),
  devices: z.array(deviceSchema),
  tags: z.array(tagSchema),
});
export type AssetTree = z.infer<typeof assetTreeSchema>;

/** A device credential as issued: the password is shown this once and never stored in clear. */
export const deviceCredentialIssuedSchema = z.object({
  deviceId: z.string(),
  username: z.string(),
  password: z.string(),
  issuedAt: z.string(),
});
export type DeviceCredentialIssued = z.infer<typeof deviceCredentialIssuedSchema>;

export const telemetryValueSchema = z.union([z.number(), z.boolean(), z.string()]);
export type TelemetryValue = z.infer<typeof telemetryValueSchema>;

export const latestValueSchema = z.object({
  tagId: z.string(),
  key: z.string(),
  ts: z.string().nullable(),
  value: telemetryValueSchema.nullable(),
});
export type LatestValue = z.infer<typeof latestValueSchema>;
export const latestValuesSchema = z.object({ items: z.array(latestValueSchema) });

/**
 * Range query of one tag: raw points or rollup buckets; `tier` auto picks by the range length.
 * `to` defaults to now and `from` to one hour before `to`.
 */
export const rangeQuerySchema = z.object({
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  tier: z.enum(["auto", ...TELEMETRY_TIERS]).default("auto"),
});
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

/** One bucket (or one raw point, where min = max = mean = last and count = 1). */
export const rangeBucketSchema = z.object({
  ts: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  count: z.number().int(),
  last: telemetryValueSchema.nullable(),
});
export type RangeBucket = z.infer<typeof rangeBucketSchema>;
export const rangeResultSchema = z.object({
  tagId: z.string(),
  tier: telemetryTierSchema,
  from: z.string(),
  to: z.string(),
  items: z.array(rangeBucketSchema),
  /** True when more buckets existed than one answer carries (the newest are cut). */
  truncated: z.boolean(),
});
export type RangeResult = z.infer<typeof rangeResultSchema>;

/** Asset-tree import: one row per tag (or per device/machine without tags), parents by name. */
export const ASSET_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const assetImportRequestSchema = z.object({
  dryRun: z.boolean().default(false),
  fileName: text({ max: 255 }).optional(),
  contentBase64: z
    .string()
    .min(1, "contentBase64 is empty")
    .max(Math.ceil(ASSET_IMPORT_MAX_BYTES / 3) * 4 + 4, "file is larger than 2 MiB")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "contentBase64 must be standard base64"),
});
export type AssetImportRequest = z.infer<typeof assetImportRequestSchema>;

export const assetImportIssueSchema = z.object({
  row: z.number().int().min(1),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export const assetImportReportSchema = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  committed: z.boolean(),
  created: z.object({
    sites: z.number().int(),
    lines: z.number().int(),
    machines: z.number().int(),
    devices: z.number().int(),
    tags: z.number().int(),
  }),
  issues: z.array(assetImportIssueSchema),
});
export type AssetImportReport = z.infer<typeof assetImportReportSchema>;

/** Live-stream event of new points of one tag (coalesced: a few per second per tag at most). */
export const telemetryLiveEventSchema = z.object({
  topic: z.literal("telemetry"),
  deviceId: z.string(),
  tagId: z.string(),
  points: z.array(z.object({ ts: z.string(), value: telemetryValueSchema })),
});
export type TelemetryLiveEvent = z.infer<typeof telemetryLiveEventSchema>;
