import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { MarketingService } from "./marketing.service.ts";
import { MarketingChannelService } from "./marketing-channel.service.ts";

const routes = routeTable.marketing;
const channelRoutes = routeTable.marketingChannels;

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
    const channels = new MarketingChannelService(deps.db, deps.now);
    registerRoute(app, channelRoutes.channels, async ({ actor }) => channels.channels(actor));
    registerRoute(app, channelRoutes.offerChannel, async ({ actor, body }) => channels.offer(actor, body));
    registerRoute(app, channelRoutes.requestChannel, async ({ actor, params, body }) =>
      channels.request(actor, params.id, body),
    );
    registerRoute(app, channelRoutes.approveShare, async ({ actor, params, body }) =>
      channels.decide(actor, params.id, "approve", body),
    );
    registerRoute(app, channelRoutes.declineShare, async ({ actor, params, body }) =>
      channels.decide(actor, params.id, "decline", body),
    );
    registerRoute(app, channelRoutes.revokeShare, async ({ actor, params, body }) =>
      channels.decide(actor, params.id, "revoke", body),
    );
  },
};
