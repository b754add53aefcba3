import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { OrgService } from "./org.service.ts";

const routes = routeTable.orgs;

export const orgModule: FeatureModule = {
  name: "orgs",
  routes(app, deps) {
    const service = new OrgService(deps.db, deps.now, deps.caches.aggregates);
    registerRoute(app, routes.search, async ({ actor, query }) => service.search(actor, query));
    registerRoute(app, routes.facets, async () => service.facets());
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.get, async ({ actor, params }) => service.get(actor, params.id));
    registerRoute(app, routes.update, async ({ actor, params, body }) =>
      service.update(actor, params.id, body),
    );
    registerRoute(app, routes.members, async ({ actor, params }) => service.members(actor, params.id));
  },
};
