import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { BookingService } from "./booking.service.ts";
import { ResourceService } from "./resource.service.ts";

const routes = routeTable.resources;

export const resourceModule: FeatureModule = {
  name: "resources",
  routes(app, deps) {
    const resources = new ResourceService(deps.db, deps.now);
    const bookings = new BookingService(deps.db, deps.now);
    registerRoute(app, routes.list, async ({ actor, query }) => resources.list(actor, query));
    registerRoute(app, routes.create, async ({ actor, body }) => resources.create(actor, body));
    registerRoute(app, routes.get, async ({ actor, params }) => resources.get(actor, params.id));
    registerRoute(app, routes.update, async ({ actor, params, body }) =>
      resources.update(actor, params.id, body),
    );
    registerRoute(app, routes.calendar, async ({ actor, params, query }) =>
      resources.calendar(actor, params.id, query),
    );
    registerRoute(app, routes.book, async ({ actor, params, body }) =>
      bookings.create(actor, params.id, body),
    );
    registerRoute(app, routes.bookings, async ({ actor }) => bookings.list(actor));
    registerRoute(app, routes.approve, async ({ actor, params, body }) =>
      bookings.approve(actor, params.id, body),
    );
    registerRoute(app, routes.decline, async ({ actor, params, body }) =>
      bookings.decline(actor, params.id, body),
    );
    registerRoute(app, routes.cancel, async ({ actor, params, body }) =>
      bookings.cancel(actor, params.id, body),
    );
    registerRoute(app, routes.usage, async ({ actor, params, body }) =>
      bookings.usage(actor, params.id, body),
    );
    registerRoute(app, routes.rate, async ({ actor, params, body }) => bookings.rate(actor, params.id, body));
  },
};
