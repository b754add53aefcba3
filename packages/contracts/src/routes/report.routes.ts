import { z } from "zod";
import { idParamsSchema } from "../common.contract.ts";
import { PDF_CONTENT_TYPE } from "./growth.routes.ts";
import { XLSX_CONTENT_TYPE } from "./import.routes.ts";
import { defineRoute } from "./route.ts";

const tags = ["reports"];

/**
 * The files of an exported report (a `document` job, started by a screen's "export report" route,
 * e.g. POST /monitoring/tags/{tagId}/spc/report). Another org's job, or a job of another kind, is 404.
 */
export const reportRoutes = {
  pdf: defineRoute({
    method: "GET",
    path: "/reports/:id/pdf",
    tags,
    summary: "Download an exported report's PDF (Chinese fonts embedded, charts included)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    produces: PDF_CONTENT_TYPE,
    response: z.unknown().describe("the PDF's bytes"),
    errors: [404, 409],
  }),
  xlsx: defineRoute({
    method: "GET",
    path: "/reports/:id/xlsx",
    tags,
    summary: "Download an exported report's workbook (the same figures as the PDF, as numbers)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    produces: XLSX_CONTENT_TYPE,
    response: z.unknown().describe("the .xlsx file's bytes"),
    errors: [404, 409],
  }),
};
