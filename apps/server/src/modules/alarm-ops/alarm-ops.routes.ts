import { routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import { registerRoute } from "../../http/route-registry.ts";
import type { AppDeps, FeatureModule } from "../module.ts";
import { monitoringRuntime } from "../monitoring/monitoring.routes.ts";
import { AlarmOpsService } from "./alarm-ops.service.ts";
import { OrgChannelDispatcher } from "./channel-dispatch.ts";

const routes = routeTable.alarmOps;

/** One dispatcher per database handle: the monitoring runtime, the routes and the summary sweep share it. */
const dispatchers = new WeakMap<Database, OrgChannelDispatcher>();
export function channelDispatcher(deps: Pick<AppDeps, "db" | "config" | "now">): OrgChannelDispatcher {
  let d = dispatchers.get(deps.db);
  if (!d) {
    const { smtpUrl, emailFrom } = deps.config.alarms;
    d = new OrgChannelDispatcher(deps.db, { smtpUrl, emailFrom }, deps.now);
    dispatchers.set(deps.db, d);
  }
  return d;
}

/** Alarm operations of MY org: notification channels with quiet hours, the alarm-flood view, the alarm log export. */
export const alarmOpsModule: FeatureModule = {
  name: "alarm-ops",
  routes(app, deps) {
    const dispatcher = channelDispatcher(deps);
    // Every alarm the monitoring runtime raises or escalates goes through the org's channels too.
    monitoringRuntime(deps).orgChannels = dispatcher;
    const { smtpUrl, emailFrom } = deps.config.alarms;
    const service = new AlarmOpsService(deps.db, dispatcher, { smtpUrl, emailFrom }, deps.now);
    registerRoute(app, routes.channels, async ({ actor }) => service.channels(actor));
    registerRoute(app, routes.createChannel, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.updateChannel, async ({ actor, params, body }) =>
      service.update(actor, params.id, body),
    );
    registerRoute(app, routes.deleteChannel, async ({ actor, params }) => service.remove(actor, params.id));
    registerRoute(app, routes.testChannel, async ({ actor, params }) => service.test(actor, params.id));
    registerRoute(app, routes.flood, async ({ actor, query }) => service.flood(actor, query));
    registerRoute(app, routes.exportAlarms, async ({ actor, query, reply }) => {
      const bytes = await service.exportAlarms(actor, query);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", 'attachment; filename="alarm-log.xlsx"')
        .send(bytes);
    });
  },

  /** Every minute: the summary of what each channel held, once its quiet hours are over. */
  async start(deps) {
    const dispatcher = channelDispatcher(deps);
    let running = false;
    let errors = 0;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      dispatcher
        .summarise()
        .catch(() => {
          errors++;
        })
        .finally(() => {
          running = false;
        });
    }, 60_000);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
      },
      health: () => ({ ok: true, sent: dispatcher.sent, failures: dispatcher.failures, errors }),
    };
  },
};
