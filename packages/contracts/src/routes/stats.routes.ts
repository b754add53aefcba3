import { clusterIndicatorsSchema, firmsPerDistrictSchema, firmsPerNodeSchema } from "../chain.contract.ts";
import { idParamsSchema } from "../common.contract.ts";
import { benchmarksSchema, statsOverviewQuerySchema, statsOverviewSchema } from "../stats.contract.ts";
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
  overview: defineRoute({
    method: "GET",
    path: "/stats/overview",
    tags,
    summary: "Dashboard figures for a year, district and chain node (private sums suppressed below 3 firms)",
    query: statsOverviewQuerySchema,
    response: statsOverviewSchema,
  }),
  benchmarks: defineRoute({
    method: "GET",
    path: "/orgs/:id/benchmarks",
    tags,
    summary: "A firm's own indicators beside the cluster's and its peers' medians (suppressed below 3 firms)",
    params: idParamsSchema,
    scope: { id: "org-private" },
    response: benchmarksSchema,
    errors: [404],
  }),
};
