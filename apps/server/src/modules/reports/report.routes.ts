import { PDF_CONTENT_TYPE, routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import { runnerFor } from "../jobs/job.routes.ts";
import { JobService } from "../jobs/job.service.ts";
import type { FeatureModule } from "../module.ts";
import { ReportService } from "./report.service.ts";

const routes = routeTable.reports;

/** The files of exported reports (PDF and .xlsx of `document` jobs). */
export const reportModule: FeatureModule = {
  name: "reports",
  routes(app, deps) {
    const reports = new ReportService(new JobService(deps.db, runnerFor(deps), deps.now));
    registerRoute(app, routes.pdf, async ({ actor, params, reply }) => {
      const file = await reports.file(actor, params.id, "pdf");
      return reply
        .type(PDF_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="${file.name}"`)
        .send(file.bytes);
    });
    registerRoute(app, routes.xlsx, async ({ actor, params, reply }) => {
      const file = await reports.file(actor, params.id, "xlsx");
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="${file.name}"`)
        .send(file.bytes);
    });
  },
};
