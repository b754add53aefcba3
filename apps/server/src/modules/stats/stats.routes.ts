import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { StatsService } from "./stats.service.ts";
import { StatsOverviewService } from "./stats-overview.service.ts";

const routes = routeTable.stats;

export const statsModule: FeatureModule = {
  name: "stats",
  routes(app, deps) {
    const service = new StatsService(deps.db, deps.caches.aggregates);
    registerRoute(app, routes.firmsPerNode, async () => service.firmsPerNode());
    registerRoute(app, routes.indicators, async () => service.clusterIndicators());
    registerRoute(app, routes.districts, async () => service.firmsPerDistrict());
    const overview = new StatsOverviewService(deps.db, deps.now);
    registerRoute(app, routes.overview, async ({ query }) => overview.overview(query));
    registerRoute(app, routes.benchmarks, async ({ actor, params }) => overview.benchmarks(actor, params.id));
  },
};
