import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { AccessRequestService } from "./access-request.service.ts";

const routes = routeTable.accessRequests;

export const accessRequestModule: FeatureModule = {
  name: "access-requests",
  routes(app, deps) {
    const service = new AccessRequestService(deps.db, deps.now, deps.live);
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.approve, async ({ actor, params, body }) =>
      service.approve(actor, params.id, body),
    );
    registerRoute(app, routes.decline, async ({ actor, params, body }) =>
      service.decline(actor, params.id, body),
    );
  },
};
