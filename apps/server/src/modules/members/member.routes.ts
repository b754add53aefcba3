import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { MemberService } from "./member.service.ts";

const routes = routeTable.members;

/** Member management of MY org (the list stays at GET /orgs/:id/members). `:id` is the user id. */
export const memberModule: FeatureModule = {
  name: "members",
  routes(app, deps) {
    const service = new MemberService(deps.db, deps.now, deps.caches);
    registerRoute(app, routes.add, async ({ actor, body }) => service.add(actor, body));
    registerRoute(app, routes.setRole, async ({ actor, params, body }) =>
      service.changeRole(actor, params.id, body.role),
    );
    registerRoute(app, routes.remove, async ({ actor, params }) => {
      await service.remove(actor, params.id);
      return { ok: true as const };
    });
  },
};
