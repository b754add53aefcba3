import { z } from "zod";
import {
  growthDrillQuerySchema,
  growthDrillSchema,
  growthJobRequestSchema,
  growthMacroSchema,
  growthMesoSchema,
  growthMicroSchema,
  growthQuerySchema,
  growthReportFileParamsSchema,
  growthReportRequestSchema,
  growthStrategySchema,
  strategyNoteSchema,
  strategyNoteWriteSchema,
} from "../growth.contract.ts";
import { jobSummarySchema } from "../job.contract.ts";
import { XLSX_CONTENT_TYPE } from "./import.routes.ts";
import { defineRoute } from "./route.ts";

export const PDF_CONTENT_TYPE = "application/pdf";

const tags = ["growth"];

/**
 * Growth dashboards and the strategy workbench: the analytics engine on the platform's own data.
 * The operator sees the consenting firms by name; a firm sees itself, firms that granted it their
 * indicators, and pseudonyms for everyone else; every cross-firm aggregate is withheld below 3 firms.
 */
export const growthRoutes = {
  micro: defineRoute({
    method: "GET",
    path: "/growth/micro",
    tags,
    summary: "Firm competitiveness: DEA (CCR/BCC/SBM, super-efficiency), Malmquist, entropy-TOPSIS, peers",
    query: growthQuerySchema,
    response: growthMicroSchema,
  }),
  meso: defineRoute({
    method: "GET",
    path: "/growth/meso",
    tags,
    summary: "Chain synergy: input–output linkages between chain segments, supplier network, coupling",
    query: growthQuerySchema,
    response: growthMesoSchema,
  }),
  macro: defineRoute({
    method: "GET",
    path: "/growth/macro",
    tags,
    summary: "Regional spillover: location quotients, shift-share, Moran's I and LISA per district",
    query: growthQuerySchema,
    response: growthMacroSchema,
  }),
  runJob: defineRoute({
    method: "POST",
    path: "/growth/jobs",
    tags,
    summary: "Run a DEA model over the year's firms as a job (only over firms the caller may name)",
    body: growthJobRequestSchema,
    response: jobSummarySchema,
    errors: [400, 403, 429],
  }),
  drill: defineRoute({
    method: "GET",
    path: "/growth/drill",
    tags,
    summary: "Firms behind a chart element (public directory facts only)",
    query: growthDrillQuerySchema,
    response: growthDrillSchema,
  }),
  strategy: defineRoute({
    method: "GET",
    path: "/growth/strategy",
    tags,
    summary: "Strategy workbench: resource endowment per chain node, market gaps, my value-chain position",
    response: growthStrategySchema,
  }),
  note: defineRoute({
    method: "GET",
    path: "/growth/strategy/note",
    tags,
    summary: "My org's strategy note with goals and their KPIs' current values",
    response: strategyNoteSchema,
  }),
  saveNote: defineRoute({
    method: "PUT",
    path: "/growth/strategy/note",
    tags,
    summary: "Save my org's strategy note (owner/admin/member)",
    body: strategyNoteWriteSchema,
    response: strategyNoteSchema,
    errors: [403],
  }),
  startReport: defineRoute({
    method: "POST",
    path: "/growth/reports",
    tags,
    summary: "Generate the year's report (operator: cluster report; firm: its firm report) as a job",
    body: growthReportRequestSchema,
    response: jobSummarySchema,
    errors: [400, 429],
  }),
  reportPdf: defineRoute({
    method: "GET",
    path: "/growth/reports/:id/pdf",
    tags,
    summary: "Download a finished report job's PDF (Chinese fonts embedded, charts included)",
    params: growthReportFileParamsSchema,
    scope: { id: "own-org-record" },
    produces: PDF_CONTENT_TYPE,
    response: z.unknown().describe("the PDF's bytes"),
    errors: [404, 409],
  }),
  reportXlsx: defineRoute({
    method: "GET",
    path: "/growth/reports/:id/xlsx",
    tags,
    summary: "Download a finished report job's workbook (the same figures as the PDF)",
    params: growthReportFileParamsSchema,
    scope: { id: "own-org-record" },
    produces: XLSX_CONTENT_TYPE,
    response: z.unknown().describe("the .xlsx file's bytes"),
    errors: [404, 409],
  }),
};
