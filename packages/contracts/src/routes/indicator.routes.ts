import { idParamsSchema } from "../common.contract.ts";
import { indicatorListSchema, indicatorUpsertRequestSchema } from "../org.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["indicators"];

export const indicatorRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/orgs/:id/indicators",
    tags,
    summary: "Yearly indicators of an org (own staff, or through an 'indicators' grant)",
    params: idParamsSchema,
    scope: { id: "org-private" },
    response: indicatorListSchema,
    errors: [403, 404],
  }),
  upsert: defineRoute({
    method: "PUT",
    path: "/orgs/:id/indicators",
    tags,
    summary: "Record one year of my org's indicators",
    params: idParamsSchema,
    scope: { id: "org-private" },
    body: indicatorUpsertRequestSchema,
    response: indicatorListSchema,
    errors: [403, 404],
  }),
};
