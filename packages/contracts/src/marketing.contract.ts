import { z } from "zod";
import { suppressedNumberSchema } from "./chain.contract.ts";
import { idSchema, text } from "./common.contract.ts";

/** Hospital levels (医院等级) a segment can filter on. */
export const HOSPITAL_LEVELS = ["county", "city", "township"] as const;
export const hospitalLevelSchema = z.enum(HOSPITAL_LEVELS);
/** Opportunity stages of a lead (the small CRM). */
export const LEAD_STAGES = ["prospect", "contacted", "proposal", "won", "lost"] as const;
export const leadStageSchema = z.enum(LEAD_STAGES);

export const hospitalDeviceSchema = z.object({
  deviceType: text({ min: 1, max: 80 }),
  brand: text({ min: 1, max: 80 }),
  installYear: z.number().int().min(1950).max(2100),
  count: z.number().int().min(1).max(100_000),
  usageHours: z.number().min(0).max(1_000_000),
});
export type HospitalDevice = z.infer<typeof hospitalDeviceSchema>;

/** A hospital (an org with this profile) records its equipment inventory; shared only by grant. */
export const hospitalInventoryWriteSchema = z.object({
  level: hospitalLevelSchema,
  county: text({ min: 1, max: 80 }),
  items: z.array(hospitalDeviceSchema).max(500),
});
export type HospitalInventoryWrite = z.infer<typeof hospitalInventoryWriteSchema>;
export const hospitalInventorySchema = hospitalInventoryWriteSchema.extend({
  orgId: z.string(),
  // A plain nullable string in the answer: the OpenAPI form of a nullable enum omits null from the
  // enum, so validators refused an org that has no hospital profile yet (fuzz seed 1824707725).
  level: z.string().nullable(),
  county: z.string().nullable(),
});
export type HospitalInventory = z.infer<typeof hospitalInventorySchema>;

export const segmentFilterSchema = z.object({
  county: text({ min: 1, max: 80 }).optional(),
  level: hospitalLevelSchema.optional(),
  deviceType: text({ min: 1, max: 80 }).optional(),
  minAgeYears: z.coerce.number().int().min(0).max(100).optional(),
});
export type SegmentFilter = z.infer<typeof segmentFilterSchema>;

export const segmentHospitalSchema = z.object({
  orgId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  level: hospitalLevelSchema,
  county: z.string(),
  devices: z.number().int(),
  oldestInstallYear: z.number().int().nullable(),
});
export const segmentSchema = z.object({
  k: z.number().int(),
  filter: segmentFilterSchema,
  hospitals: z.array(segmentHospitalSchema),
  /** Aggregates over the matching hospitals, withheld below k hospitals. */
  aggregate: z.object({
    devices: suppressedNumberSchema,
    meanAgeYears: suppressedNumberSchema,
    usageHours: suppressedNumberSchema,
  }),
});
export type Segment = z.infer<typeof segmentSchema>;

export const bundleItemSchema = z.object({
  kind: z.enum(["product", "service"]),
  name: text({ min: 1, max: 120 }),
  quantity: z.number().int().min(1).max(100_000),
});
export const bundleWriteSchema = z.object({
  name: text({ min: 1, max: 120 }),
  segment: segmentFilterSchema,
  items: z.array(bundleItemSchema).min(1).max(50),
  price: z.number().min(0).max(1e10),
});
export type BundleWrite = z.infer<typeof bundleWriteSchema>;
export const bundleSchema = bundleWriteSchema.extend({ id: z.string(), createdAt: z.string() });
export type Bundle = z.infer<typeof bundleSchema>;
export const bundleListSchema = z.object({ items: z.array(bundleSchema) });

export const campaignWriteSchema = z.object({
  name: text({ min: 1, max: 120 }),
  segment: segmentFilterSchema,
  bundleId: idSchema.optional(),
  /** A fair or conference used as the channel (free text). */
  channel: text({ max: 120 }).optional(),
});
export type CampaignWrite = z.infer<typeof campaignWriteSchema>;

export const leadActivitySchema = z.object({ at: z.string(), note: z.string() });
export const leadSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  accountOrgId: z.string(),
  accountNameZh: z.string(),
  accountNameEn: z.string(),
  contact: z.string(),
  stage: leadStageSchema,
  activities: z.array(leadActivitySchema),
});
export type Lead = z.infer<typeof leadSchema>;
export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  segment: segmentFilterSchema,
  bundleId: z.string().nullable(),
  channel: z.string(),
  createdAt: z.string(),
  leads: z.array(leadSchema),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListSchema = z.object({ items: z.array(campaignSchema) });

export const leadUpdateSchema = z.object({
  stage: leadStageSchema.optional(),
  contact: text({ max: 120 }).optional(),
  activity: text({ min: 1, max: 500, multiline: true }).optional(),
});
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;
