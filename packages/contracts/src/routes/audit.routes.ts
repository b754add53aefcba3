import { z } from "zod";
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from "../audit.contract.ts";
import { XLSX_CONTENT_TYPE } from "./import.routes.ts";
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
  export: defineRoute({
    method: "GET",
    path: "/audit/export",
    tags: ["audit"],
    summary: "The audit log as the screen filters it (action, organisation, date range) as .xlsx, in lang",
    query: auditExportQuerySchema,
    produces: XLSX_CONTENT_TYPE,
    response: z.unknown().describe(`${XLSX_CONTENT_TYPE} workbook`),
    errors: [403, 404],
  }),
};
