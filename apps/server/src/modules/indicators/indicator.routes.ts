import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { IndicatorService } from "./indicator.service.ts";

const routes = routeTable.indicators;

export const indicatorModule: FeatureModule = {
  name: "indicators",
  routes(app, deps) {
    const service = new IndicatorService(deps.db, deps.now, deps.caches.aggregates);
    registerRoute(app, routes.list, async ({ actor, params }) => service.list(actor, params.id));
    registerRoute(app, routes.upsert, async ({ actor, params, body }) =>
      service.upsert(actor, params.id, body),
    );
  },
};
