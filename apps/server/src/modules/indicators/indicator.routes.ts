import {
  errorBodySchema,
  idParamsSchema,
  indicatorListSchema,
  indicatorUpsertRequestSchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { IndicatorService } from "./indicator.service.ts";

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export const indicatorModule: FeatureModule = {
  name: "indicators",
  routes(app, deps) {
    const service = new IndicatorService(deps.db, deps.now, deps.caches.aggregates);
    app.get(
      "/orgs/:id/indicators",
      {
        schema: {
          tags: ["indicators"],
          summary: "Yearly indicators of an org (own staff, or through an 'indicators' grant)",
          params: idParamsSchema,
          response: { 200: indicatorListSchema, ...errors },
        },
      },
      async (request) => service.list(requireActor(request), request.params.id),
    );
    app.put(
      "/orgs/:id/indicators",
      {
        schema: {
          tags: ["indicators"],
          summary: "Record one year of my org's indicators",
          params: idParamsSchema,
          body: indicatorUpsertRequestSchema,
          response: { 200: indicatorListSchema, ...errors },
        },
      },
      async (request) => service.upsert(requireActor(request), request.params.id, request.body),
    );
  },
};
