import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { GrantService } from "./grant.service.ts";

const routes = routeTable.grants;

export const grantModule: FeatureModule = {
  name: "grants",
  routes(app, deps) {
    const service = new GrantService(deps.db, deps.now);
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.revoke, async ({ actor, params }) => service.revoke(actor, params.id));
  },
};
