import { z } from "zod";
import { idParamsSchema } from "../common.contract.ts";
import {
  importEntitySchema,
  importHistoryPageSchema,
  importHistoryQuerySchema,
  importQuerySchema,
  importReportSchema,
  importRequestSchema,
  importTemplateSchema,
  langQuerySchema,
} from "../import.contract.ts";
import { directoryExportQuerySchema } from "../org.contract.ts";
import { defineRoute } from "./route.ts";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const OCTET_STREAM = "application/octet-stream";
/** A file answer: the bytes are sent as is (no serializer); the schema only documents them. */
const xlsxFile = z.unknown().describe(`${XLSX_CONTENT_TYPE} workbook`);
export const importTemplateParamsSchema = z.object({ entity: importEntitySchema });

/**
 * No multipart parser is installed, so a file arrives either as base64 inside JSON
 * (`POST /imports`, what the web app sends) or as the raw bytes (`POST /imports/upload`).
 */
export const importRoutes = {
  run: defineRoute({
    method: "POST",
    path: "/imports",
    tags: ["imports"],
    summary: "Import organisations or relations from a base64 .csv/.xlsx file (dry run or real run)",
    body: importRequestSchema,
    response: importReportSchema,
    errors: [403],
  }),
  upload: defineRoute({
    method: "POST",
    path: "/imports/upload",
    tags: ["imports"],
    summary: "Import a raw .csv/.xlsx body (Content-Type: application/octet-stream); options in the query",
    query: importQuerySchema,
    body: z.unknown().describe("the .csv or .xlsx file's bytes"),
    consumes: OCTET_STREAM,
    response: importReportSchema,
    errors: [403],
  }),
  template: defineRoute({
    method: "GET",
    path: "/imports/templates/:entity",
    tags: ["imports"],
    summary: "Columns of an import file (keys, Chinese labels, which are required)",
    params: importTemplateParamsSchema,
    scope: { entity: "shared" },
    response: importTemplateSchema,
  }),
  templateXlsx: defineRoute({
    method: "GET",
    path: "/imports/templates/:entity/xlsx",
    tags: ["imports"],
    summary: "A template workbook: the header row, example rows, the chain-node code list and column notes",
    params: importTemplateParamsSchema,
    scope: { entity: "shared" },
    query: langQuerySchema,
    produces: XLSX_CONTENT_TYPE,
    response: xlsxFile,
  }),
  history: defineRoute({
    method: "GET",
    path: "/imports/history",
    tags: ["imports"],
    summary: "Your organisation's import runs (dry and real), newest first",
    query: importHistoryQuerySchema,
    response: importHistoryPageSchema,
    errors: [403],
  }),
  historyReport: defineRoute({
    method: "GET",
    path: "/imports/history/:id/report",
    tags: ["imports"],
    summary: "The row/column error report of one import run as .xlsx, in lang",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    query: langQuerySchema,
    produces: XLSX_CONTENT_TYPE,
    response: xlsxFile,
    errors: [403, 404],
  }),
  exportDirectory: defineRoute({
    method: "GET",
    path: "/exports/directory",
    tags: ["exports"],
    summary:
      "The directory as the screen shows it (same search, filters and sort; every page) as .xlsx or .csv, labels in lang",
    query: directoryExportQuerySchema,
    produces: [XLSX_CONTENT_TYPE, "text/csv"],
    response: xlsxFile,
  }),
  exportMyOrg: defineRoute({
    method: "GET",
    path: "/exports/my-org",
    tags: ["exports"],
    summary: "Your organisation's profile, relations and indicators as .xlsx",
    produces: XLSX_CONTENT_TYPE,
    response: xlsxFile,
    errors: [404],
  }),
};
