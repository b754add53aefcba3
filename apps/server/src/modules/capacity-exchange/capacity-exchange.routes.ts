import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { CapacityExchangeService } from "./capacity-exchange.service.ts";
import { CapacityRfqService } from "./capacity-rfq.service.ts";
import { CapacityScheduleService } from "./capacity-schedule.service.ts";

const routes = routeTable.capacityExchange;

export const capacityExchangeModule: FeatureModule = {
  name: "capacity-exchange",
  routes(app, deps) {
    const service = new CapacityExchangeService(deps.db, deps.now);
    const schedule = new CapacityScheduleService(deps.db, deps.now);
    const rfqs = new CapacityRfqService(deps.db, deps.now);
    registerRoute(app, routes.offers, async ({ actor, query }) => service.offers(actor, query));
    registerRoute(app, routes.offer, async ({ actor, body }) => service.offer(actor, body));
    registerRoute(app, routes.accept, async ({ actor, params, body }) =>
      service.accept(actor, params.id, body),
    );
    registerRoute(app, routes.orders, async ({ actor }) => service.orders(actor));
    registerRoute(app, routes.orderGet, async ({ actor, params }) => service.order(actor, params.id));
    registerRoute(app, routes.orderShip, async ({ actor, params, body }) =>
      service.ship(actor, params.id, body),
    );
    registerRoute(app, routes.scheduleIdle, async ({ actor, query }) => {
      const { scenarioId: _s, ...idle } = await schedule.idle(actor, query.weeks);
      return idle;
    });
    registerRoute(app, routes.offerFromSchedule, async ({ actor, body }) => schedule.offer(actor, body));
    registerRoute(app, routes.rfqCreate, async ({ actor, body }) => rfqs.create(actor, body));
    registerRoute(app, routes.rfqList, async ({ actor }) => rfqs.list(actor));
    registerRoute(app, routes.rfqGet, async ({ actor, params }) => rfqs.get(actor, params.id));
    registerRoute(app, routes.rfqInvite, async ({ actor, params, body }) =>
      rfqs.invite(actor, params.id, body.offerId),
    );
    registerRoute(app, routes.quoteCreate, async ({ actor, params, body }) =>
      rfqs.quote(actor, params.id, body),
    );
    registerRoute(app, routes.quoteGet, async ({ actor, params }) => rfqs.getQuote(actor, params.id));
    registerRoute(app, routes.quoteAccept, async ({ actor, params }) => rfqs.accept(actor, params.id));
  },
};
