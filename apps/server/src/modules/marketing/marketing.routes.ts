import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { MarketingService } from "./marketing.service.ts";

const routes = routeTable.marketing;

export const marketingModule: FeatureModule = {
  name: "marketing",
  routes(app, deps) {
    const service = new MarketingService(deps.db, deps.now);
    registerRoute(app, routes.inventory, async ({ actor }) => service.inventory(actor));
    registerRoute(app, routes.saveInventory, async ({ actor, body }) => service.saveInventory(actor, body));
    registerRoute(app, routes.segment, async ({ actor, query }) => service.segment(actor, query));
    registerRoute(app, routes.bundles, async ({ actor }) => service.bundles(actor));
    registerRoute(app, routes.createBundle, async ({ actor, body }) => service.createBundle(actor, body));
    registerRoute(app, routes.campaigns, async ({ actor }) => service.campaigns(actor));
    registerRoute(app, routes.createCampaign, async ({ actor, body }) => service.createCampaign(actor, body));
    registerRoute(app, routes.updateLead, async ({ actor, params, body }) =>
      service.updateLead(actor, params.id, body),
    );
  },
};
