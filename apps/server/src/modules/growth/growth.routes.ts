import { PDF_CONTENT_TYPE, routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import { runnerFor } from "../jobs/job.routes.ts";
import { JobService } from "../jobs/job.service.ts";
import type { FeatureModule } from "../module.ts";
import { GrowthService } from "./growth.service.ts";
import { GrowthReportService } from "./growth-report.service.ts";

const routes = routeTable.growth;

export const growthModule: FeatureModule = {
  name: "growth",
  routes(app, deps) {
    const service = new GrowthService(deps.db, deps.now);
    registerRoute(app, routes.micro, async ({ actor, query }) => service.micro(actor, query));
    registerRoute(app, routes.meso, async ({ actor, query }) => service.meso(actor, query));
    registerRoute(app, routes.macro, async ({ actor, query }) => service.macro(actor, query));
    const jobs = new JobService(deps.db, runnerFor(deps), deps.now);
    registerRoute(app, routes.runJob, async ({ actor, body }) => service.runJob(actor, jobs, body));
    const reports = new GrowthReportService(deps.db, service);
    registerRoute(app, routes.startReport, async ({ actor, body }) => reports.start(actor, jobs, body));
    registerRoute(app, routes.reportPdf, async ({ actor, params, reply }) =>
      reply
        .type(PDF_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="report-${params.id}.pdf"`)
        .send(await reports.file(actor, jobs, params.id, "pdf")),
    );
    registerRoute(app, routes.reportXlsx, async ({ actor, params, reply }) =>
      reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="report-${params.id}.xlsx"`)
        .send(await reports.file(actor, jobs, params.id, "xlsx")),
    );
    registerRoute(app, routes.drill, async ({ query }) => service.drill(query));
    registerRoute(app, routes.strategy, async ({ actor }) => service.strategy(actor));
    registerRoute(app, routes.note, async ({ actor }) => service.note(actor));
    registerRoute(app, routes.saveNote, async ({ actor, body }) => service.saveNote(actor, body));
  },
};
