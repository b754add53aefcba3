import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { CapacityExchangeService } from "./capacity-exchange.service.ts";

const routes = routeTable.capacityExchange;

export const capacityExchangeModule: FeatureModule = {
  name: "capacity-exchange",
  routes(app, deps) {
    const service = new CapacityExchangeService(deps.db, deps.now);
    registerRoute(app, routes.offers, async ({ actor, query }) => service.offers(actor, query));
    registerRoute(app, routes.offer, async ({ actor, body }) => service.offer(actor, body));
    registerRoute(app, routes.accept, async ({ actor, params, body }) =>
      service.accept(actor, params.id, body),
    );
    registerRoute(app, routes.orders, async ({ actor }) => service.orders(actor));
  },
};
