import { idParamsSchema } from "../common.contract.ts";
import {
  bundleListSchema,
  bundleSchema,
  bundleWriteSchema,
  campaignListSchema,
  campaignSchema,
  campaignWriteSchema,
  hospitalInventorySchema,
  hospitalInventoryWriteSchema,
  leadSchema,
  leadUpdateSchema,
  segmentFilterSchema,
  segmentSchema,
} from "../marketing.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["marketing"];

/**
 * Precision marketing: a hospital records its equipment inventory; a supplier sees only hospitals
 * that granted it their equipment data, builds segments (aggregates withheld below 3 hospitals),
 * bundles per segment, and campaigns whose leads are the segment's hospitals.
 */
export const marketingRoutes = {
  inventory: defineRoute({
    method: "GET",
    path: "/marketing/inventory",
    tags,
    summary: "My hospital's level, county and equipment inventory",
    response: hospitalInventorySchema,
  }),
  saveInventory: defineRoute({
    method: "PUT",
    path: "/marketing/inventory",
    tags,
    summary: "Replace my hospital's equipment inventory (owner/admin/member)",
    body: hospitalInventoryWriteSchema,
    response: hospitalInventorySchema,
    errors: [403],
  }),
  segment: defineRoute({
    method: "GET",
    path: "/marketing/segment",
    tags,
    summary: "Hospitals that granted me their equipment data and match the filter, with k≥3 aggregates",
    query: segmentFilterSchema,
    response: segmentSchema,
  }),
  bundles: defineRoute({
    method: "GET",
    path: "/marketing/bundles",
    tags,
    summary: "My org's product-and-service bundles per segment",
    response: bundleListSchema,
  }),
  createBundle: defineRoute({
    method: "POST",
    path: "/marketing/bundles",
    tags,
    summary: "Create a bundle for a segment (owner/admin/member)",
    body: bundleWriteSchema,
    response: bundleSchema,
    errors: [403],
  }),
  campaigns: defineRoute({
    method: "GET",
    path: "/marketing/campaigns",
    tags,
    summary: "My org's campaigns with their leads",
    response: campaignListSchema,
  }),
  createCampaign: defineRoute({
    method: "POST",
    path: "/marketing/campaigns",
    tags,
    summary: "Create a campaign on a segment: one lead per consenting matching hospital",
    body: campaignWriteSchema,
    response: campaignSchema,
    errors: [403, 404],
  }),
  updateLead: defineRoute({
    method: "PATCH",
    path: "/marketing/leads/:id",
    tags,
    summary: "Move a lead's stage, set its contact or log an activity",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: leadUpdateSchema,
    response: leadSchema,
    errors: [403, 404],
  }),
};
