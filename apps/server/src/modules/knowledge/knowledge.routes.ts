import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { KnowledgeService } from "./knowledge.service.ts";

const routes = routeTable.knowledge;

export const knowledgeModule: FeatureModule = {
  name: "knowledge",
  routes(app, deps) {
    const service = new KnowledgeService(deps.db, deps.now);
    registerRoute(app, routes.list, async ({ actor, query }) => service.list(actor, query));
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.get, async ({ actor, params }) => service.get(actor, params.id));
    registerRoute(app, routes.update, async ({ actor, params, body }) =>
      service.update(actor, params.id, body),
    );
  },
};
