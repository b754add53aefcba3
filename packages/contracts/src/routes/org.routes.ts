import { idParamsSchema } from "../common.contract.ts";
import {
  memberListSchema,
  orgCreateRequestSchema,
  orgFacetsSchema,
  orgProfileSchema,
  orgSearchQuerySchema,
  orgSearchResponseSchema,
  orgUpdateRequestSchema,
} from "../org.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["orgs"];

export const orgRoutes = {
  search: defineRoute({
    method: "GET",
    path: "/orgs",
    tags,
    summary: "Directory search (Chinese and English) with filters, sorting and pagination",
    query: orgSearchQuerySchema,
    response: orgSearchResponseSchema,
  }),
  facets: defineRoute({
    method: "GET",
    path: "/orgs/facets",
    tags,
    summary: "Filter values for the directory",
    response: orgFacetsSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/orgs",
    tags,
    summary: "Register an organisation (operator)",
    body: orgCreateRequestSchema,
    response: orgProfileSchema,
    errors: [403, 409],
  }),
  get: defineRoute({
    method: "GET",
    path: "/orgs/:id",
    tags,
    summary: "Organisation profile (private parts only for own staff or through a grant)",
    params: idParamsSchema,
    scope: { id: "org-profile" },
    response: orgProfileSchema,
    errors: [404],
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/orgs/:id",
    tags,
    summary: "Edit my organisation (owner/admin)",
    params: idParamsSchema,
    scope: { id: "org-private" },
    body: orgUpdateRequestSchema,
    response: orgProfileSchema,
    errors: [403, 404, 409],
  }),
  members: defineRoute({
    method: "GET",
    path: "/orgs/:id/members",
    tags,
    summary: "Members of my organisation (owner/admin)",
    params: idParamsSchema,
    scope: { id: "org-private" },
    response: memberListSchema,
    errors: [403, 404],
  }),
};
