import { z } from "zod";
import { idParamsSchema, okSchema } from "../common.contract.ts";
import { inventoryPolicyQuerySchema, inventoryPolicyResultSchema } from "../inventory.contract.ts";
import {
  planningEntityParamsSchema,
  planningForecastQuerySchema,
  planningForecastSchema,
  planningImportReportSchema,
  planningImportRequestSchema,
  planningItemParamsSchema,
  planningListQuerySchema,
  planningMrpRequestSchema,
  planningMrpResultSchema,
  planningOverrideSchema,
  planningRecordListSchema,
  planningRecordSchema,
  planningRecordWriteSchema,
} from "../planning.contract.ts";
import { XLSX_CONTENT_TYPE } from "./import.routes.ts";
import { defineRoute } from "./route.ts";

const tags = ["planning"];
const xlsxFile = z.unknown().describe(`${XLSX_CONTENT_TYPE} workbook`);

/** The planning workspace of MY org: master data, forecasts with overrides, MRP runs. */
export const planningRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/planning/records",
    tags,
    summary: "My org's master data records of one entity (items, bom, stock, orders, demand history)",
    query: planningListQuerySchema,
    response: planningRecordListSchema,
  }),
  save: defineRoute({
    method: "POST",
    path: "/planning/records",
    tags,
    summary: "Create or replace one master data record (same natural key replaces)",
    body: planningRecordWriteSchema,
    response: planningRecordSchema,
    errors: [403],
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/planning/records/:id",
    tags,
    summary: "Delete one master data record of my org",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: okSchema,
    errors: [403, 404],
  }),
  template: defineRoute({
    method: "GET",
    path: "/planning/templates/:entity",
    tags,
    summary: "An empty .xlsx template of one entity, with bilingual headers and an example row",
    params: planningEntityParamsSchema,
    scope: { entity: "shared" },
    produces: XLSX_CONTENT_TYPE,
    response: xlsxFile,
  }),
  export: defineRoute({
    method: "GET",
    path: "/planning/exports/:entity",
    tags,
    summary: "My org's records of one entity as .xlsx, in the template layout",
    params: planningEntityParamsSchema,
    scope: { entity: "shared" },
    produces: XLSX_CONTENT_TYPE,
    response: xlsxFile,
  }),
  import: defineRoute({
    method: "POST",
    path: "/planning/imports",
    tags,
    summary: "Import one entity from a base64 .xlsx; every bad row and column is reported",
    body: planningImportRequestSchema,
    response: planningImportReportSchema,
    errors: [403],
  }),
  forecast: defineRoute({
    method: "GET",
    path: "/planning/forecast/:item",
    tags,
    summary: "History, forecast with 80/95 % intervals, method, inferred season and backtest of one item",
    params: planningItemParamsSchema,
    scope: { item: "own-org-record" },
    query: planningForecastQuerySchema,
    response: planningForecastSchema,
    errors: [404, 409],
  }),
  override: defineRoute({
    method: "PUT",
    path: "/planning/forecast/:item/overrides",
    tags,
    summary: "Set or clear the planner's quantity for one forecast period (audited)",
    params: planningItemParamsSchema,
    scope: { item: "own-org-record" },
    body: planningOverrideSchema,
    response: okSchema,
    errors: [403, 404],
  }),
  mrp: defineRoute({
    method: "POST",
    path: "/planning/mrp",
    tags,
    summary:
      "Run MRP from forecast, customer orders, stock and open orders: planned orders, actions, pegging",
    body: planningMrpRequestSchema,
    response: planningMrpResultSchema,
    errors: [409],
  }),
  mrpExport: defineRoute({
    method: "GET",
    path: "/planning/mrp/export",
    tags,
    summary: "The MRP result (12 monthly buckets) as .xlsx: planned orders, actions, pegging",
    produces: XLSX_CONTENT_TYPE,
    response: xlsxFile,
    errors: [409],
  }),
  inventoryPolicy: defineRoute({
    method: "GET",
    path: "/planning/inventory-policy",
    tags,
    summary:
      "(s, Q) and (R, S) per item from a service target, lead time and forecast error, with fill rate and cost",
    query: inventoryPolicyQuerySchema,
    response: inventoryPolicyResultSchema,
  }),
};
