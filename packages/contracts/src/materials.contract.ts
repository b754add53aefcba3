import { z } from "zod";
import { suppressedNumberSchema } from "./chain.contract.ts";
import { idSchema, text } from "./common.contract.ts";
import { planningDateSchema } from "./planning.contract.ts";

/** Material categories of the cluster's supply–demand matching and pooled purchasing (集采). */
export const MATERIAL_CATEGORIES = [
  "ferrite-core",
  "copper-wire",
  "pcb",
  "connector",
  "passive-component",
  "semiconductor",
  "plastic-resin",
  "metal-part",
  "packaging",
  "other",
] as const;
export const materialCategorySchema = z.enum(MATERIAL_CATEGORIES);
export type MaterialCategory = z.infer<typeof materialCategorySchema>;

/** A firm needs a material (need) or has one to sell (offer). */
export const MATERIAL_LISTING_KINDS = ["need", "offer"] as const;
export const materialListingKindSchema = z.enum(MATERIAL_LISTING_KINDS);
export type MaterialListingKind = z.infer<typeof materialListingKindSchema>;

/** A draft is seen by its own firm only; open ones by the cluster; closed ones leave matching. */
export const MATERIAL_LISTING_STATUSES = ["draft", "open", "closed"] as const;
export const materialListingStatusSchema = z.enum(MATERIAL_LISTING_STATUSES);

/** What a material match is ranked on; each reason names one. */
export const MATERIAL_MATCH_FEATURES = ["category", "spec", "quantity", "date", "distance"] as const;
export type MaterialMatchFeature = (typeof MATERIAL_MATCH_FEATURES)[number];

export const POOL_ROUND_STATUSES = ["open", "closed"] as const;

/** A pooled-demand period: a calendar month "YYYY-MM". */
export const materialPeriodSchema = text({ min: 7, max: 7 }).regex(
  /^\d{4}-(0[1-9]|1[0-2])$/,
  "expected YYYY-MM",
);

const quantity = z.number().positive().max(1e12);

export const materialListingCreateSchema = z.object({
  kind: materialListingKindSchema,
  category: materialCategorySchema,
  spec: text({ min: 1, max: 2000, multiline: true }),
  quantity,
  unit: text({ min: 1, max: 20 }),
  /** need: wanted by; offer: available from. */
  byDate: planningDateSchema,
  /** Blank: the firm's own district. */
  district: text({ max: 64 }).default(""),
  status: z.enum(["draft", "open"]).default("open"),
});
export type MaterialListingCreate = z.infer<typeof materialListingCreateSchema>;

export const materialListingUpdateSchema = z
  .object({
    spec: text({ min: 1, max: 2000, multiline: true }),
    quantity,
    unit: text({ min: 1, max: 20 }),
    byDate: planningDateSchema,
    district: text({ max: 64 }),
    status: materialListingStatusSchema,
  })
  .partial();
export type MaterialListingUpdate = z.infer<typeof materialListingUpdateSchema>;

export const materialListingQuerySchema = z.object({
  /** open: other firms' and my open listings; mine: my org's, drafts and closed too. */
  scope: z.enum(["open", "mine"]).default("open"),
  kind: materialListingKindSchema.optional(),
  category: materialCategorySchema.optional(),
});
export type MaterialListingQuery = z.infer<typeof materialListingQuerySchema>;
export const materialListingExportQuerySchema = materialListingQuerySchema.extend({
  lang: z.enum(["zh", "en"]).default("zh"),
});
export type MaterialListingExportQuery = z.infer<typeof materialListingExportQuerySchema>;

export const materialListingSchema = z.object({
  id: z.string(),
  kind: materialListingKindSchema,
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string().nullable(),
  category: materialCategorySchema,
  spec: z.string(),
  quantity: z.number(),
  unit: z.string(),
  byDate: z.string(),
  district: z.string(),
  status: materialListingStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  mine: z.boolean(),
});
export type MaterialListing = z.infer<typeof materialListingSchema>;
export const materialListingListSchema = z.object({ items: z.array(materialListingSchema) });
export type MaterialListingList = z.infer<typeof materialListingListSchema>;

export const materialMatchReasonSchema = z.object({
  feature: z.enum(MATERIAL_MATCH_FEATURES),
  /** 0..1 similarity on this feature. */
  value: z.number(),
  /** Share of the score this feature carried. */
  contribution: z.number(),
  /** What was compared (matched spec terms, the quantities, the dates, the km). */
  evidence: z.array(z.string()),
});
export const materialMatchSchema = z.object({
  listing: materialListingSchema,
  /** 0..1 */
  score: z.number(),
  reasons: z.array(materialMatchReasonSchema),
  contacted: z.boolean(),
});
export type MaterialMatch = z.infer<typeof materialMatchSchema>;
export const materialMatchListSchema = z.object({
  listingId: z.string(),
  items: z.array(materialMatchSchema),
});
export type MaterialMatchList = z.infer<typeof materialMatchListSchema>;

export const materialContactCreateSchema = z.object({
  listingId: idSchema,
  fromListingId: idSchema.optional(),
  message: text({ min: 1, max: 2000, multiline: true }),
});
export type MaterialContactCreate = z.infer<typeof materialContactCreateSchema>;
export const materialContactSchema = z.object({
  id: z.string(),
  fromOrgId: z.string(),
  fromOrgNameZh: z.string(),
  fromOrgNameEn: z.string().nullable(),
  toOrgId: z.string(),
  toOrgNameZh: z.string(),
  toOrgNameEn: z.string().nullable(),
  listingId: z.string(),
  listingSpec: z.string(),
  message: z.string(),
  createdAt: z.string(),
});
export type MaterialContact = z.infer<typeof materialContactSchema>;
export const materialContactListSchema = z.object({
  sent: z.array(materialContactSchema),
  received: z.array(materialContactSchema),
});
export type MaterialContactList = z.infer<typeof materialContactListSchema>;

/** Open needs of one category and month summed over firms; withheld below k firms, never named. */
export const pooledDemandSchema = z.object({
  category: materialCategorySchema,
  period: z.string(),
  unit: z.string(),
  quantity: suppressedNumberSchema,
  /** My org takes part (it has an open need in this cell). */
  mine: z.boolean(),
});
export const pooledDemandListSchema = z.object({ k: z.number().int(), items: z.array(pooledDemandSchema) });
export type PooledDemandList = z.infer<typeof pooledDemandListSchema>;

export const poolRoundCreateSchema = z.object({
  category: materialCategorySchema,
  period: materialPeriodSchema,
  title: text({ min: 1, max: 200 }),
  spec: text({ max: 2000, multiline: true }).default(""),
  unit: text({ min: 1, max: 20 }),
  closesOn: planningDateSchema,
});
export type PoolRoundCreate = z.infer<typeof poolRoundCreateSchema>;
export const poolRoundJoinSchema = z.object({ quantity });
export type PoolRoundJoin = z.infer<typeof poolRoundJoinSchema>;

export const poolRoundSchema = z.object({
  id: z.string(),
  category: materialCategorySchema,
  period: z.string(),
  title: z.string(),
  spec: z.string(),
  unit: z.string(),
  closesOn: z.string(),
  status: z.enum(POOL_ROUND_STATUSES),
  /** Firms taking part and their total quantity: shown only from k firms on, never who. */
  participants: suppressedNumberSchema,
  quantity: suppressedNumberSchema,
  /** My org opened it. */
  openedByMe: z.boolean(),
  /** My org's own quantity in the round (null: not joined). */
  myQuantity: z.number().nullable(),
  createdAt: z.string(),
});
export type PoolRound = z.infer<typeof poolRoundSchema>;
export const poolRoundListSchema = z.object({ k: z.number().int(), items: z.array(poolRoundSchema) });
export type PoolRoundList = z.infer<typeof poolRoundListSchema>;

/** Firms that granted my org their stock data class (the only ones whose stock I may see). */
export const stockGrantorListSchema = z.object({
  items: z.array(
    z.object({
      orgId: z.string(),
      orgNameZh: z.string(),
      orgNameEn: z.string().nullable(),
      expiresAt: z.string(),
    }),
  ),
});
export type StockGrantorList = z.infer<typeof stockGrantorListSchema>;

export const sharedStockSchema = z.object({
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string().nullable(),
  /** How the reader may see it: its own org, or through a grant (audited in the owner's log). */
  access: z.enum(["own", "grant"]),
  items: z.array(
    z.object({
      item: z.string(),
      name: z.string(),
      unit: z.string(),
      onHand: z.number(),
      onOrder: z.number(),
      safetyStock: z.number(),
      /** On hand at or below the item's safety stock. */
      low: z.boolean(),
    }),
  ),
});
export type SharedStock = z.infer<typeof sharedStockSchema>;
