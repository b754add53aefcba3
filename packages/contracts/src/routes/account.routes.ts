import { membershipListSchema, switchOrgRequestSchema } from "../account.contract.ts";
import { meResponseSchema } from "../auth.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["auth"];

/** The organisation switcher for users with several memberships. */
export const accountRoutes = {
  memberships: defineRoute({
    method: "GET",
    path: "/auth/memberships",
    tags,
    summary: "My memberships and the org the session acts for",
    response: membershipListSchema,
  }),
  switchOrg: defineRoute({
    method: "POST",
    path: "/auth/switch-org",
    tags,
    summary: "Act for another of my orgs; the session id and CSRF token are replaced",
    body: switchOrgRequestSchema,
    response: meResponseSchema,
    errors: [403, 404],
  }),
};
