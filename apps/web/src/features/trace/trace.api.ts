import { routeTable, routeUrl, type TraceRecallQuery } from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.trace;

/** Calls of the traceability screens, typed from the route table (no path is written here). */
export const traceApi = {
  recall: (query: TraceRecallQuery) => callRoute(r.recall, { query }),
  events: (query: { lot?: string; limit: number }, signal?: AbortSignal) =>
    callRoute(r.events, { query }, signal),
};

/** The export is a JSON download with the session cookie. */
export const traceExportUrl = routeUrl(r.export);
