import { auditPageSchema, auditQuerySchema } from "../audit.contract.ts";
import { defineRoute } from "./route.ts";

export const auditRoutes = {
  page: defineRoute({
    method: "GET",
    path: "/audit",
    tags: ["audit"],
    summary: "Audit log (org admins: own org; operator: every org or all)",
    query: auditQuerySchema,
    response: auditPageSchema,
    errors: [403, 404],
  }),
};
