import {
  accessRequestApproveSchema,
  accessRequestCreateSchema,
  accessRequestDeclineSchema,
  accessRequestListSchema,
  accessRequestSchema,
} from "../access-request.contract.ts";
import { idParamsSchema } from "../common.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["access-requests"];

export const accessRequestRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/access-requests",
    tags,
    summary: "Access requests to my org (incoming) and from my org (outgoing)",
    response: accessRequestListSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/access-requests",
    tags,
    summary: "Ask another org for access to one class of its data",
    body: accessRequestCreateSchema,
    response: accessRequestSchema,
    errors: [403, 404, 409],
  }),
  approve: defineRoute({
    method: "POST",
    path: "/access-requests/:id/approve",
    tags,
    summary: "Approve a pending request: grants access until a date",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: accessRequestApproveSchema,
    response: accessRequestSchema,
    errors: [403, 404, 409],
  }),
  decline: defineRoute({
    method: "POST",
    path: "/access-requests/:id/decline",
    tags,
    summary: "Decline a pending request",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: accessRequestDeclineSchema,
    response: accessRequestSchema,
    errors: [403, 404, 409],
  }),
};
