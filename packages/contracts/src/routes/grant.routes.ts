import { idParamsSchema } from "../common.contract.ts";
import {
  grantCreateRequestSchema,
  grantListSchema,
  grantRevokeRequestSchema,
  grantSchema,
} from "../grant.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["grants"];

export const grantRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/grants",
    tags,
    summary: "Grants my org gave and received",
    response: grantListSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/grants",
    tags,
    summary: "Grant another org access to one class of my org's data",
    body: grantCreateRequestSchema,
    response: grantSchema,
    errors: [403, 404, 409],
  }),
  revoke: defineRoute({
    method: "POST",
    path: "/grants/:id/revoke",
    tags,
    summary: "Revoke a grant at once",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: grantRevokeRequestSchema,
    response: grantSchema,
    errors: [403, 404],
  }),
};
