import {
  errorBodySchema,
  idParamsSchema,
  memberListSchema,
  orgCreateRequestSchema,
  orgFacetsSchema,
  orgProfileSchema,
  orgSearchQuerySchema,
  orgSearchResponseSchema,
  orgUpdateRequestSchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { OrgService } from "./org.service.ts";

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export const orgModule: FeatureModule = {
  name: "orgs",
  routes(app, deps) {
    const service = new OrgService(deps.db, deps.now, deps.caches.aggregates);

    app.get(
      "/orgs",
      {
        schema: {
          tags: ["orgs"],
          summary: "Directory search (Chinese and English) with filters, sorting and pagination",
          querystring: orgSearchQuerySchema,
          response: { 200: orgSearchResponseSchema, ...errors },
        },
      },
      async (request) => service.search(requireActor(request), request.query),
    );

    app.get(
      "/orgs/facets",
      {
        schema: {
          tags: ["orgs"],
          summary: "Filter values for the directory",
          response: { 200: orgFacetsSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return service.facets();
      },
    );

    app.post(
      "/orgs",
      {
        schema: {
          tags: ["orgs"],
          summary: "Register an organisation (operator)",
          body: orgCreateRequestSchema,
          response: { 200: orgProfileSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request) => service.create(requireActor(request), request.body),
    );

    app.get(
      "/orgs/:id",
      {
        schema: {
          tags: ["orgs"],
          summary: "Organisation profile (private parts only for own staff or through a grant)",
          params: idParamsSchema,
          response: { 200: orgProfileSchema, ...errors },
        },
      },
      async (request) => service.get(requireActor(request), request.params.id),
    );

    app.patch(
      "/orgs/:id",
      {
        schema: {
          tags: ["orgs"],
          summary: "Edit my organisation (owner/admin)",
          params: idParamsSchema,
          body: orgUpdateRequestSchema,
          response: { 200: orgProfileSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request) => service.update(requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/orgs/:id/members",
      {
        schema: {
          tags: ["orgs"],
          summary: "Members of my organisation (owner/admin)",
          params: idParamsSchema,
          response: { 200: memberListSchema, ...errors },
        },
      },
      async (request) => service.members(requireActor(request), request.params.id),
    );
  },
};
