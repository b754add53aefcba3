import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { TalentService } from "./talent.service.ts";

const routes = routeTable.talent;

export const talentModule: FeatureModule = {
  name: "talent",
  routes(app, deps) {
    const service = new TalentService(deps.db, deps.now);
    registerRoute(app, routes.pool, async ({ actor, query }) => service.pool(actor, query.skill));
    registerRoute(app, routes.addPerson, async ({ actor, body }) => service.addPerson(actor, body));
    registerRoute(app, routes.updatePerson, async ({ actor, params, body }) =>
      service.updatePerson(actor, params.id, body),
    );
    registerRoute(app, routes.secondments, async ({ actor }) => service.secondments(actor));
    registerRoute(app, routes.requestSecondment, async ({ actor, body }) =>
      service.requestSecondment(actor, body),
    );
    registerRoute(app, routes.approveSecondment, async ({ actor, params, body }) =>
      service.decideSecondment(actor, params.id, "approved", body),
    );
    registerRoute(app, routes.declineSecondment, async ({ actor, params, body }) =>
      service.decideSecondment(actor, params.id, "declined", body),
    );
    registerRoute(app, routes.competitions, async ({ actor }) => service.competitions(actor));
    registerRoute(app, routes.createCompetition, async ({ actor, body }) =>
      service.createCompetition(actor, body),
    );
    registerRoute(app, routes.register, async ({ actor, params, body }) =>
      service.register(actor, params.id, body),
    );
    registerRoute(app, routes.score, async ({ actor, params, body }) =>
      service.score(actor, params.id, body),
    );
  },
};
