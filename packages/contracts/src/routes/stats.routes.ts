import { clusterIndicatorsSchema, firmsPerDistrictSchema, firmsPerNodeSchema } from "../chain.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["stats"];

export const statsRoutes = {
  firmsPerNode: defineRoute({
    method: "GET",
    path: "/stats/firms-per-node",
    tags,
    summary: "Firms per chain node",
    response: firmsPerNodeSchema,
  }),
  indicators: defineRoute({
    method: "GET",
    path: "/stats/indicators",
    tags,
    summary: "Cluster indicator totals per year (suppressed below 3 firms)",
    response: clusterIndicatorsSchema,
  }),
  districts: defineRoute({
    method: "GET",
    path: "/stats/districts",
    tags,
    summary: "Firms per district",
    response: firmsPerDistrictSchema,
  }),
};
