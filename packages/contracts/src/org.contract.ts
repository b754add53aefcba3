import { z } from "zod";
import { idSchema, localizedItemSchema, pageOf, paginationQuerySchema, text } from "./common.contract.ts";
import { usccSchema } from "./uscc.ts";

export const ORG_KINDS = [
  "enterprise",
  "university",
  "institute",
  "service",
  "government",
  "operator",
] as const;
export const orgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof orgKindSchema>;

export const SIZE_BANDS = ["micro", "small", "medium", "large"] as const;
export const sizeBandSchema = z.enum(SIZE_BANDS);
export type SizeBand = z.infer<typeof sizeBandSchema>;

/** GB/T 4754-2017 code: section letter and/or 2–4 digits, e.g. "C3981" or "3981". */
export const industryCodeSchema = text({ max: 5 }).regex(
  /^([A-T]?\d{2,4}|[A-T])?$/,
  "industryCode must be a GB/T 4754-2017 code such as C3981",
);

export const patentItemSchema = z.object({
  number: text({ min: 1, max: 60 }),
  title: text({ min: 1, max: 300 }),
  year: z.number().int().min(1950).max(2100).optional(),
});
export type PatentItem = z.infer<typeof patentItemSchema>;

export const equipmentItemSchema = z.object({
  name: text({ min: 1, max: 200 }),
  model: text({ max: 200 }).optional(),
  count: z.number().int().min(0).max(100_000).optional(),
});
export type EquipmentItem = z.infer<typeof equipmentItemSchema>;

export const chainNodeRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
});
export type ChainNodeRef = z.infer<typeof chainNodeRefSchema>;

/** What anyone signed in may see about any org. */
export const orgPublicSchema = z.object({
  id: z.string(),
  kind: orgKindSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  uscc: z.string().nullable(),
  address: z.string(),
  district: z.string(),
  industryCode: z.string(),
  sizeBand: sizeBandSchema,
  foundedYear: z.number().int().nullable(),
  website: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  products: z.array(localizedItemSchema),
  capabilities: z.array(localizedItemSchema),
  certifications: z.array(z.string()),
  patents: z.array(patentItemSchema),
  chainNodes: z.array(chainNodeRefSchema),
});
export type OrgPublic = z.infer<typeof orgPublicSchema>;

/** Private profile parts; present only for the org's own staff or through a grant (equipment / contacts). */
export const orgProfileSchema = orgPublicSchema.extend({
  keyEquipment: z.array(equipmentItemSchema).optional(),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).optional(),
  /** Which private parts the caller sees and why ("own" or "grant"). */
  access: z.object({
    equipment: z.enum(["own", "grant", "none"]),
    contacts: z.enum(["own", "grant", "none"]),
  }),
});
export type OrgProfile = z.infer<typeof orgProfileSchema>;

/** Fields an org's owner/admin may edit on its own profile (all optional: PATCH semantics). */
export const orgUpdateRequestSchema = z
  .object({
    nameZh: text({ min: 1, max: 200 }),
    nameEn: text({ min: 1, max: 200 }),
    uscc: usccSchema,
    address: text({ max: 300 }),
    district: text({ max: 100 }),
    industryCode: industryCodeSchema,
    sizeBand: sizeBandSchema,
    foundedYear: z.number().int().min(1800).max(2100).nullable(),
    website: text({ max: 300 }),
    descriptionZh: text({ max: 5000, multiline: true }),
    descriptionEn: text({ max: 5000, multiline: true }),
    products: z.array(localizedItemSchema).max(200),
    capabilities: z.array(localizedItemSchema).max(200),
    certifications: z.array(text({ min: 1, max: 100 })).max(100),
    patents: z.array(patentItemSchema).max(1000),
    keyEquipment: z.array(equipmentItemSchema).max(500),
    contact: z.object({
      name: text({ max: 100 }),
      phone: text({ max: 50 }),
      email: text({ max: 254 }),
    }),
    chainNodeIds: z.array(idSchema).max(50),
  })
  .partial()
  .strict();
export type OrgUpdateRequest = z.infer<typeof orgUpdateRequestSchema>;

/** The operator registers a new org; uscc is required for firms, optional for others. */
export const orgCreateRequestSchema = z
  .object({
    kind: orgKindSchema,
    nameZh: text({ min: 1, max: 200 }),
    nameEn: text({ min: 1, max: 200 }),
    uscc: usccSchema.optional(),
    address: text({ max: 300 }).default(""),
    district: text({ max: 100 }).default(""),
    industryCode: industryCodeSchema.default(""),
    sizeBand: sizeBandSchema.default("small"),
  })
  .strict();
export type OrgCreateRequest = z.infer<typeof orgCreateRequestSchema>;

export const ORG_SORTS = ["relevance", "name", "size", "founded", "district"] as const;
export const orgSearchQuerySchema = paginationQuerySchema.extend({
  q: text({ max: 200 }).optional(),
  kind: orgKindSchema.optional(),
  district: text({ max: 100 }).optional(),
  industry: text({ max: 10 }).optional(),
  chainNode: idSchema.optional(),
  sort: z.enum(ORG_SORTS).default("relevance"),
  order: z.enum(["asc", "desc"]).default("asc"),
  /** "zh" sorts names by Chinese name, "en" by English name. */
  lang: z.enum(["zh", "en"]).default("zh"),
});
export type OrgSearchQuery = z.infer<typeof orgSearchQuerySchema>;

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
/**
 * The directory export takes the directory's own query (search, filters, sort; no paging): it
 * holds exactly the rows the screen lists, with labels in `lang`.
 */
export const directoryExportQuerySchema = orgSearchQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(EXPORT_FORMATS).default("xlsx") });
export type DirectoryExportQuery = z.infer<typeof directoryExportQuerySchema>;

export const orgSummarySchema = z.object({
  id: z.string(),
  kind: orgKindSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  district: z.string(),
  industryCode: z.string(),
  sizeBand: sizeBandSchema,
  products: z.array(localizedItemSchema),
  chainNodeIds: z.array(z.string()),
});
export type OrgSummary = z.infer<typeof orgSummarySchema>;
export const orgSearchResponseSchema = pageOf(orgSummarySchema);
export type OrgSearchResponse = z.infer<typeof orgSearchResponseSchema>;

/** Facet values for the directory filters. */
export const orgFacetsSchema = z.object({
  districts: z.array(z.string()),
  industries: z.array(z.string()),
  kinds: z.array(orgKindSchema),
});
export type OrgFacets = z.infer<typeof orgFacetsSchema>;

export const indicatorYearSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  revenue: z.number().min(0).max(1e12),
  rdSpend: z.number().min(0).max(1e12),
  employees: z.number().int().min(0).max(10_000_000),
  patents: z.number().int().min(0).max(10_000_000),
  energyUse: z.number().min(0).max(1e12),
  exports: z.number().min(0).max(1e12),
  fixedAssets: z.number().min(0).max(1e12),
  profit: z.number().min(-1e12).max(1e12),
});
export type IndicatorYear = z.infer<typeof indicatorYearSchema>;
export const indicatorListSchema = z.object({
  orgId: z.string(),
  access: z.enum(["own", "grant"]),
  items: z.array(indicatorYearSchema),
});
export type IndicatorList = z.infer<typeof indicatorListSchema>;
export const indicatorUpsertRequestSchema = indicatorYearSchema.strict();
export type IndicatorUpsertRequest = z.infer<typeof indicatorUpsertRequestSchema>;

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(["owner", "admin", "member", "viewer"]),
});
export const memberListSchema = z.object({ items: z.array(memberSchema) });
export type MemberList = z.infer<typeof memberListSchema>;
