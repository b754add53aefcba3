import { z } from "zod";
import { idSchema, text } from "./common.contract.ts";
import { orgSummarySchema } from "./org.contract.ts";

export const VOLUME_BANDS = ["lt1m", "1m-10m", "10m-50m", "50m-200m", "gt200m"] as const;
export const volumeBandSchema = z.enum(VOLUME_BANDS);
export type VolumeBand = z.infer<typeof volumeBandSchema>;

/**
 * A count over firms' private data. `value` is null when fewer than k (=3) firms contribute
 * (k-anonymity suppression); `suppressed` says so explicitly for the UI.
 */
export const suppressedNumberSchema = z.object({
  value: z.number().nullable(),
  firms: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type SuppressedNumber = z.infer<typeof suppressedNumberSchema>;

export const chainNodeSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  parentId: z.string().nullable(),
  stage: z.number().int(),
  sortOrder: z.number().int(),
});
export type ChainNode = z.infer<typeof chainNodeSchema>;

export const chainMapNodeSchema = chainNodeSchema.extend({
  /** Orgs positioned on the node (public profile data, not suppressed). */
  firmCount: z.number().int(),
  /** 断链风险: at most one in-cluster org supplies this node. */
  weakLink: z.boolean(),
});
export type ChainMapNode = z.infer<typeof chainMapNodeSchema>;

/** Aggregated supplier→customer flow between two nodes; suppressed below k distinct firms. */
export const chainMapEdgeSchema = z.object({
  fromNodeId: z.string(),
  toNodeId: z.string(),
  relations: suppressedNumberSchema,
});
export type ChainMapEdge = z.infer<typeof chainMapEdgeSchema>;

export const chainMapResponseSchema = z.object({
  nodes: z.array(chainMapNodeSchema),
  edges: z.array(chainMapEdgeSchema),
  k: z.number().int(),
});
export type ChainMapResponse = z.infer<typeof chainMapResponseSchema>;

export const chainNodeOrgsResponseSchema = z.object({
  node: chainNodeSchema,
  orgs: z.array(orgSummarySchema),
});
export type ChainNodeOrgsResponse = z.infer<typeof chainNodeOrgsResponseSchema>;

export const relationSchema = z.object({
  id: z.string(),
  supplierOrgId: z.string(),
  supplierNameZh: z.string(),
  supplierNameEn: z.string(),
  customerOrgId: z.string(),
  customerNameZh: z.string(),
  customerNameEn: z.string(),
  nodeId: z.string().nullable(),
  product: z.string(),
  volumeBand: volumeBandSchema,
  sinceYear: z.number().int().nullable(),
});
export type Relation = z.infer<typeof relationSchema>;
export const relationListSchema = z.object({
  orgId: z.string(),
  access: z.enum(["own", "grant"]),
  items: z.array(relationSchema),
});
export type RelationList = z.infer<typeof relationListSchema>;

/** The caller's org must be the supplier or the customer. */
export const relationCreateRequestSchema = z
  .object({
    supplierOrgId: idSchema,
    customerOrgId: idSchema,
    nodeId: idSchema.nullable().optional(),
    product: text({ min: 1, max: 200 }),
    volumeBand: volumeBandSchema,
    sinceYear: z.number().int().min(1950).max(2100).nullable().optional(),
  })
  .strict();
export type RelationCreateRequest = z.infer<typeof relationCreateRequestSchema>;

// Dashboard statistics.
export const firmsPerNodeSchema = z.object({
  items: z.array(
    z.object({
      nodeId: z.string(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      firms: z.number().int(),
    }),
  ),
});
export type FirmsPerNode = z.infer<typeof firmsPerNodeSchema>;

export const clusterIndicatorsSchema = z.object({
  k: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      firms: z.number().int(),
      revenue: suppressedNumberSchema,
      rdSpend: suppressedNumberSchema,
      employees: suppressedNumberSchema,
      patents: suppressedNumberSchema,
      energyUse: suppressedNumberSchema,
      exports: suppressedNumberSchema,
    }),
  ),
});
export type ClusterIndicators = z.infer<typeof clusterIndicatorsSchema>;

export const firmsPerDistrictSchema = z.object({
  items: z.array(z.object({ district: z.string(), firms: z.number().int() })),
});
export type FirmsPerDistrict = z.infer<typeof firmsPerDistrictSchema>;
