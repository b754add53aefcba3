import {
  clusterIndicatorsSchema,
  errorBodySchema,
  firmsPerDistrictSchema,
  firmsPerNodeSchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { StatsService } from "./stats.service.ts";

const errors = { 401: errorBodySchema };

export const statsModule: FeatureModule = {
  name: "stats",
  routes(app, deps) {
    const service = new StatsService(deps.db, deps.caches.aggregates);
    app.get(
      "/stats/firms-per-node",
      {
        schema: {
          tags: ["stats"],
          summary: "Firms per chain node",
          response: { 200: firmsPerNodeSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return service.firmsPerNode();
      },
    );
    app.get(
      "/stats/indicators",
      {
        schema: {
          tags: ["stats"],
          summary: "Cluster indicator totals per year (suppressed below 3 firms)",
          response: { 200: clusterIndicatorsSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return service.clusterIndicators();
      },
    );
    app.get(
      "/stats/districts",
      {
        schema: {
          tags: ["stats"],
          summary: "Firms per district",
          response: { 200: firmsPerDistrictSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return service.firmsPerDistrict();
      },
    );
  },
};
