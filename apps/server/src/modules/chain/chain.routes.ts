import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { ChainService } from "./chain.service.ts";

const routes = routeTable.chain;

export const chainModule: FeatureModule = {
  name: "chain",
  routes(app, deps) {
    const service = new ChainService(deps.db, deps.now, deps.caches.aggregates);
    registerRoute(app, routes.map, async () => service.map());
    registerRoute(app, routes.nodes, async () => service.nodes());
    registerRoute(app, routes.nodeOrgs, async ({ params }) => service.nodeOrgs(params.id));
    registerRoute(app, routes.orgRelations, async ({ actor, params }) =>
      service.relationsOf(actor, params.id),
    );
    registerRoute(app, routes.createRelation, async ({ actor, body }) => service.createRelation(actor, body));
    registerRoute(app, routes.deleteRelation, async ({ actor, params }) => {
      await service.deleteRelation(actor, params.id);
      return { ok: true as const };
    });
  },
};
