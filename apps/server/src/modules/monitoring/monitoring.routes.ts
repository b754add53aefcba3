import { routeTable } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import { registerRoute } from "../../http/route-registry.ts";
import { runnerFor } from "../jobs/job.routes.ts";
import { JobService } from "../jobs/job.service.ts";
import type { FeatureModule } from "../module.ts";
import { ReportService } from "../reports/report.service.ts";
import { existingTelemetryStorage, telemetryStorage } from "../telemetry/telemetry.storage.ts";
import { AlarmNotifier, channelsFrom } from "./alarm-channels.ts";
import { BenchmarkService } from "./benchmark.service.ts";
import { MonitoringRuntime } from "./monitoring.runtime.ts";
import { MonitoringService } from "./monitoring.service.ts";
import { SpcService } from "./spc.service.ts";
import { spcReportDocument } from "./spc-report.document.ts";

const routes = routeTable.monitoring;

/** One runtime per database handle: the routes and the live feed share its per-tag monitors. */
const runtimes = new WeakMap<Database, MonitoringRuntime>();
export function monitoringRuntime(deps: Pick<Parameters<FeatureModule["routes"]>[1], "db" | "live" | "now">) {
  let r = runtimes.get(deps.db);
  if (!r) {
    r = new MonitoringRuntime(deps.db, deps.live, deps.now);
    runtimes.set(deps.db, r);
  }
  return r;
}

/** Early warning on MY org's live telemetry: alarms (ISA-18.2) and per-tag detectors. */
export const monitoringModule: FeatureModule = {
  name: "monitoring",
  routes(app, deps) {
    const service = new MonitoringService(deps.db, monitoringRuntime(deps), deps.now);
    registerRoute(app, routes.alarms, async ({ actor, query }) => service.list(actor, query));
    registerRoute(app, routes.alarm, async ({ actor, params }) => service.detail(actor, params.id));
    registerRoute(app, routes.acknowledge, async ({ actor, params }) =>
      service.acknowledge(actor, params.id),
    );
    registerRoute(app, routes.shelve, async ({ actor, params, body }) =>
      service.shelve(actor, params.id, body),
    );
    registerRoute(app, routes.comment, async ({ actor, params, body }) =>
      service.comment(actor, params.id, body),
    );
    registerRoute(app, routes.detectors, async ({ actor }) => service.detectors(actor));
    const benchmarks = new BenchmarkService(deps.db, deps.now);
    registerRoute(app, routes.benchmarks, async ({ actor }) => benchmarks.list(actor));
    const spc = new SpcService(deps.db, deps.now);
    registerRoute(app, routes.spc, async ({ actor, params, query }) =>
      spc.chart(actor, params.tagId, query.hours),
    );
    const reports = new ReportService(new JobService(deps.db, runnerFor(deps), deps.now));
    registerRoute(app, routes.spcReport, async ({ actor, params, body }) =>
      reports.start(
        actor,
        spcReportDocument(await spc.chart(actor, params.tagId, body.hours), body, deps.now()),
      ),
    );
    registerRoute(app, routes.configure, async ({ actor, params, body }) =>
      service.configure(actor, params.tagId, body),
    );
  },

  async start(deps) {
    const runtime = monitoringRuntime(deps);
    const storage = existingTelemetryStorage(deps.db) ?? telemetryStorage(deps);
    let stopped = false;
    runtime.notifier = new AlarmNotifier(channelsFrom(deps.config.alarms, deps.now));
    runtime.publicUrl = deps.config.publicUrl;
    const minutes = deps.config.alarms.escalateMinutes;
    let escalating = false;
    const timer = setInterval(() => {
      if (escalating || stopped) return;
      escalating = true;
      runtime
        .escalate(minutes)
        .catch((err: unknown) => {
          runtime.errors++;
          runtime.lastError = err instanceof Error ? err.message : String(err);
        })
        .finally(() => {
          escalating = false;
        });
    }, 60_000);
    timer.unref();
    storage.writer.onStored((orgId, _deviceId, rows) => {
      if (!stopped) runtime.accept(orgId, rows);
    });
    return {
      stop: async () => {
        stopped = true;
        clearInterval(timer);
        await runtime.flush();
      },
      health: () => ({
        ok: true,
        learned: runtime.learned,
        errors: runtime.errors,
        channels: runtime.notifier.size,
        sent: runtime.notifier.sent,
        ...(runtime.lastError ? { lastError: runtime.lastError } : {}),
      }),
    };
  },
};
