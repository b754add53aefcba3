import {
  type DowntimeWrite,
  type OeeExportQuery,
  type OeeReportQuery,
  routeTable,
  routeUrl,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.oee;

/** OEE calls, typed from the route table. */
export const oeeApi = {
  lines: (signal?: AbortSignal) => callRoute(r.lines, {}, signal),
  report: (query: OeeReportQuery, signal?: AbortSignal) => callRoute(r.report, { query }, signal),
  addDowntime: (body: DowntimeWrite) => callRoute(r.addDowntime, { body }),
  benchmarks: (signal?: AbortSignal) => callRoute(r.benchmarks, {}, signal),
  /** The report as the screen shows it, as .xlsx (a plain GET with the session cookie). */
  exportUrl: (query: Omit<OeeExportQuery, "lang">, lang: "zh" | "en") => {
    const params = new URLSearchParams({ lang });
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return `${routeUrl(r.export)}?${params.toString()}`;
  },
};
