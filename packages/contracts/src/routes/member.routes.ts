import { idParamsSchema, okSchema } from "../common.contract.ts";
import {
  memberAddRequestSchema,
  memberResultSchema,
  memberRoleUpdateRequestSchema,
} from "../member.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["members"];

/** Member management of MY org (the list stays at GET /orgs/:id/members). `:id` is the user id. */
export const memberRoutes = {
  add: defineRoute({
    method: "POST",
    path: "/members",
    tags,
    summary: "Add a member to my org (new user with an initial password, or an existing user by email)",
    body: memberAddRequestSchema,
    response: memberResultSchema,
    errors: [403, 404, 409],
  }),
  setRole: defineRoute({
    method: "PATCH",
    path: "/members/:id",
    tags,
    summary: "Change a member's role in my org",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: memberRoleUpdateRequestSchema,
    response: memberResultSchema,
    errors: [403, 404, 409],
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/members/:id",
    tags,
    summary: "Remove a member from my org (their account stays)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: okSchema,
    errors: [403, 404, 409],
  }),
};
