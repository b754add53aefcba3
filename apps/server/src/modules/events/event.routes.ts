import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { EventService } from "./event.service.ts";

const routes = routeTable.events;

export const eventModule: FeatureModule = {
  name: "events",
  routes(app, deps) {
    const service = new EventService(deps.db, deps.now);
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.register, async ({ actor, params, body }) =>
      service.register(actor, params.id, body),
    );
    registerRoute(app, routes.registrations, async ({ actor, params }) =>
      service.registrations(actor, params.id),
    );
    registerRoute(app, routes.checkIn, async ({ actor, params }) => service.checkIn(actor, params.id));
    registerRoute(app, routes.policies, async ({ actor, query }) => service.policies(actor, query));
    registerRoute(app, routes.createPolicy, async ({ actor, body }) => service.createPolicy(actor, body));
  },
};
