import { z } from "zod";
import {
  chainMapResponseSchema,
  chainNodeOrgsResponseSchema,
  chainNodeSchema,
  relationCreateRequestSchema,
  relationListSchema,
  relationSchema,
} from "../chain.contract.ts";
import { idParamsSchema, okSchema } from "../common.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["chain"];
export const chainNodeListSchema = z.object({ items: z.array(chainNodeSchema) });

export const chainRoutes = {
  map: defineRoute({
    method: "GET",
    path: "/chain/map",
    tags,
    summary: "Industry-chain map: nodes, firm counts, weak links, k-suppressed flows",
    response: chainMapResponseSchema,
  }),
  nodes: defineRoute({
    method: "GET",
    path: "/chain/nodes",
    tags,
    summary: "Chain nodes",
    response: chainNodeListSchema,
  }),
  nodeOrgs: defineRoute({
    method: "GET",
    path: "/chain/nodes/:id/orgs",
    tags,
    summary: "Organisations on a chain node",
    params: idParamsSchema,
    scope: { id: "shared" },
    response: chainNodeOrgsResponseSchema,
    errors: [404],
  }),
  orgRelations: defineRoute({
    method: "GET",
    path: "/orgs/:id/relations",
    tags,
    summary: "An org's supplier/customer relations (own staff, or through a 'relations' grant)",
    params: idParamsSchema,
    scope: { id: "org-private" },
    response: relationListSchema,
    errors: [403, 404],
  }),
  createRelation: defineRoute({
    method: "POST",
    path: "/relations",
    tags,
    summary: "Record a supplier→customer relation my org is party to",
    body: relationCreateRequestSchema,
    response: relationSchema,
    errors: [403, 404, 409],
  }),
  deleteRelation: defineRoute({
    method: "DELETE",
    path: "/relations/:id",
    tags,
    summary: "Delete a relation my org is party to (owner/admin)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: okSchema,
    errors: [403, 404],
  }),
};
