import { routeTable } from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.logistics;

/** Calls of logistics tracking, typed from the route table. */
export const logisticsApi = {
  list: (signal?: AbortSignal) => callRoute(r.list, {}, signal),
  get: (id: string, signal?: AbortSignal) => callRoute(r.get, { params: { id } }, signal),
};
