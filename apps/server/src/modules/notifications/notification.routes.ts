import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { NotificationService } from "./notification.service.ts";

const routes = routeTable.notifications;

export const notificationModule: FeatureModule = {
  name: "notifications",
  routes(app, deps) {
    const service = new NotificationService(deps.db, deps.now);
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.readAll, async ({ actor }) => service.readAll(actor));
    registerRoute(app, routes.read, async ({ actor, params }) => service.read(actor, params.id));
  },
};
