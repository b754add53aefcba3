import { routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import { registerRoute } from "../../http/route-registry.ts";
import { runnerFor } from "../jobs/job.routes.ts";
import { JobService } from "../jobs/job.service.ts";
import type { FeatureModule } from "../module.ts";
import { ReportService } from "../reports/report.service.ts";
import { existingTelemetryStorage, telemetryStorage } from "../telemetry/telemetry.storage.ts";
import { OeeIngest } from "./oee.ingest.ts";
import { OeeService } from "./oee.service.ts";
import { oeeReportDocument, oeeWorkbook } from "./oee.sheet.ts";
import { OeeBenchmarkService } from "./oee-benchmark.service.ts";

const routes = routeTable.oee;

/** One ingest per database handle: the routes (settings invalidate its cache) and the feed share it. */
const ingests = new WeakMap<Database, OeeIngest>();
export function oeeIngest(deps: { db: Database; now: () => Date }): OeeIngest {
  let i = ingests.get(deps.db);
  if (!i) {
    i = new OeeIngest(deps.db, deps.now);
    ingests.set(deps.db, i);
  }
  return i;
}

/** OEE of MY org's machines: the state/count store fed by telemetry, reports, downtime entry, benchmark. */
export const oeeModule: FeatureModule = {
  name: "oee",
  routes(app, deps) {
    const service = new OeeService(deps.db, oeeIngest(deps), deps.now);
    registerRoute(app, routes.lines, async ({ actor }) => service.lines(actor));
    registerRoute(app, routes.report, async ({ actor, query }) => service.report(actor, query));
    registerRoute(app, routes.export, async ({ actor, query, reply }) => {
      const report = await service.report(actor, query);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", 'attachment; filename="oee-report.xlsx"')
        .send(await oeeWorkbook(report, query.lang, deps.now()));
    });
    const reports = new ReportService(new JobService(deps.db, runnerFor(deps), deps.now));
    registerRoute(app, routes.startReport, async ({ actor, body }) =>
      reports.start(actor, oeeReportDocument(await service.report(actor, body), body.lang, deps.now())),
    );
    registerRoute(app, routes.addDowntime, async ({ actor, body }) => service.addDowntime(actor, body));
    registerRoute(app, routes.settings, async ({ actor, params }) =>
      service.settings(actor, params.machineId),
    );
    registerRoute(app, routes.putSettings, async ({ actor, params, body }) =>
      service.putSettings(actor, params.machineId, body),
    );
    const benchmarks = new OeeBenchmarkService(deps.db, deps.now);
    registerRoute(app, routes.benchmarks, async ({ actor }) => benchmarks.list(actor));
  },

  async start(deps) {
    const ingest = oeeIngest(deps);
    const storage = existingTelemetryStorage(deps.db) ?? telemetryStorage(deps);
    let stopped = false;
    storage.writer.onStored((orgId, deviceId, rows) => {
      if (!stopped) ingest.accept(orgId, deviceId, rows);
    });
    return {
      stop: async () => {
        stopped = true;
        await ingest.flush();
      },
      health: () => ({
        ok: true,
        errors: ingest.errors,
        ...(ingest.lastError ? { lastError: ingest.lastError } : {}),
      }),
    };
  },
};
