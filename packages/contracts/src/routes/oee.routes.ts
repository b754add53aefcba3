import { z } from "zod";
import { jobSummarySchema } from "../job.contract.ts";
import {
  downtimeRowSchema,
  downtimeWriteSchema,
  lineOverviewListSchema,
  machineIdParamsSchema,
  oeeBenchmarkListSchema,
  oeeExportQuerySchema,
  oeeMachineSettingsSchema,
  oeeMachineSettingsViewSchema,
  oeeReportQuerySchema,
  oeeReportSchema,
} from "../oee.contract.ts";
import { XLSX_CONTENT_TYPE } from "./import.routes.ts";
import { defineRoute } from "./route.ts";

const tags = ["oee"];

/** OEE of MY org's machines from their state and count tags (and downtime entered by hand). */
export const oeeRoutes = {
  lines: defineRoute({
    method: "GET",
    path: "/oee/lines",
    tags,
    summary: "Line overview: each line's machines with state, OEE of the current shift and active alarms",
    response: lineOverviewListSchema,
  }),
  report: defineRoute({
    method: "GET",
    path: "/oee/report",
    tags,
    summary:
      "OEE of a line (or one machine) per shift or day: availability × performance × quality, six big losses, downtime Pareto and the stops",
    query: oeeReportQuerySchema,
    response: oeeReportSchema,
    errors: [404],
  }),
  export: defineRoute({
    method: "GET",
    path: "/oee/export",
    tags,
    summary: "The OEE report as the screen shows it (line, machine, range, periods) as .xlsx, in lang",
    query: oeeExportQuerySchema,
    produces: XLSX_CONTENT_TYPE,
    response: z.unknown().describe(`${XLSX_CONTENT_TYPE} workbook`),
    errors: [404],
  }),
  startReport: defineRoute({
    method: "POST",
    path: "/oee/reports",
    tags,
    summary:
      "The OEE report as the screen shows it as a PDF (charts, Chinese fonts embedded) and .xlsx, as a job; files at /reports/{id}/pdf and /xlsx",
    body: oeeExportQuerySchema,
    response: jobSummarySchema,
    errors: [404, 429],
  }),
  addDowntime: defineRoute({
    method: "POST",
    path: "/oee/downtime",
    tags,
    summary: "Record a stop by hand with its reason code (it overrides the state tag over its span); audited",
    body: downtimeWriteSchema,
    response: downtimeRowSchema,
    errors: [403, 404],
  }),
  settings: defineRoute({
    method: "GET",
    path: "/oee/machines/:machineId/settings",
    tags,
    summary: "A machine's OEE settings: ideal cycle time and which tags carry state, reason and counts",
    params: machineIdParamsSchema,
    scope: { machineId: "own-org-record" },
    response: oeeMachineSettingsViewSchema,
    errors: [404],
  }),
  putSettings: defineRoute({
    method: "PUT",
    path: "/oee/machines/:machineId/settings",
    tags,
    summary: "Change a machine's ideal cycle time and state/count tags; audited",
    params: machineIdParamsSchema,
    scope: { machineId: "own-org-record" },
    body: oeeMachineSettingsSchema,
    response: oeeMachineSettingsViewSchema,
    errors: [403, 404],
  }),
  benchmarks: defineRoute({
    method: "GET",
    path: "/oee/benchmarks",
    tags,
    summary:
      "Cluster OEE benchmark per process type (quartiles across firms that granted it; withheld below 3 firms) and where my firm stands",
    response: oeeBenchmarkListSchema,
  }),
};
