import {
  type InventoryPolicyQuery,
  type PlanningEntity,
  type PlanningRecordWrite,
  routeTable,
  routeUrl,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.planning;

/** Calls of the planning workspace, typed from the route table (no path is written here). */
export const planningApi = {
  list: (entity: PlanningEntity, signal?: AbortSignal) => callRoute(r.list, { query: { entity } }, signal),
  save: (body: PlanningRecordWrite) => callRoute(r.save, { body }),
  remove: (id: string) => callRoute(r.remove, { params: { id } }),
  import: (entity: PlanningEntity, contentBase64: string, mode: "all-or-nothing" | "valid-rows") =>
    callRoute(r.import, { body: { entity, contentBase64, mode, dryRun: false } }),
  forecast: (item: string, horizon: number, signal?: AbortSignal) =>
    callRoute(r.forecast, { params: { item }, query: { horizon } }, signal),
  override: (item: string, periodDate: string, quantity: number | null) =>
    callRoute(r.override, { params: { item }, body: { periodDate, quantity } }),
  mrp: (horizon: number) => callRoute(r.mrp, { body: { horizon } }),
  inventoryPolicy: (query: InventoryPolicyQuery) => callRoute(r.inventoryPolicy, { query }),
};

/** Download links (GETs with the session cookie; the server answers an .xlsx attachment). */
export const planningDownloads = {
  template: (entity: PlanningEntity) => routeUrl(r.template, { entity }),
  export: (entity: PlanningEntity) => routeUrl(r.export, { entity }),
  mrp: routeUrl(r.mrpExport),
};
