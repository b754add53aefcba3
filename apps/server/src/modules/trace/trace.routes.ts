import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { TraceService } from "./trace.service.ts";

const routes = routeTable.trace;

export const traceModule: FeatureModule = {
  name: "trace",
  routes(app, deps) {
    const service = new TraceService(deps.db, deps.now, deps.sessionSecret);
    registerRoute(app, routes.events, async ({ actor, query }) => service.events(actor, query));
    registerRoute(app, routes.append, async ({ actor, body }) => service.append(actor, body));
    registerRoute(app, routes.keys, async ({ actor }) => service.keys(actor));
    registerRoute(app, routes.rotateKey, async ({ actor }) => service.rotateKey(actor));
    registerRoute(app, routes.export, async ({ actor }) => service.export(actor));
    registerRoute(app, routes.recall, async ({ actor, query }) => service.recall(actor, query));
    registerRoute(app, routes.checkpoints, async ({ actor }) => service.checkpoints(actor));
    registerRoute(app, routes.checkpoint, async ({ actor }) => service.checkpoint(actor));
    registerRoute(app, routes.countersign, async ({ actor, params }) =>
      service.countersign(actor, params.id),
    );
  },
};
