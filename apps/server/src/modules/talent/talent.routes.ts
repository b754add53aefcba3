import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { TalentService } from "./talent.service.ts";
import { TalentStudioService } from "./talent-studio.service.ts";

const routes = routeTable.talent;
const studioRoutes = routeTable.talentStudios;

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
    const studios = new TalentStudioService(deps.db, deps.now);
    registerRoute(app, studioRoutes.studios, async ({ actor }) => studios.studios(actor));
    registerRoute(app, studioRoutes.createStudio, async ({ actor, body }) =>
      studios.createStudio(actor, body),
    );
    registerRoute(app, studioRoutes.studio, async ({ actor, params }) => studios.studio(actor, params.id));
    registerRoute(app, studioRoutes.addApprentice, async ({ actor, params, body }) =>
      studios.addApprentice(actor, params.id, body),
    );
    registerRoute(app, studioRoutes.addTraining, async ({ actor, params, body }) =>
      studios.addTraining(actor, params.id, body),
    );
    registerRoute(app, studioRoutes.staffing, async ({ actor }) => studios.staffing(actor));
    registerRoute(app, studioRoutes.requestStaffing, async ({ actor, body }) =>
      studios.requestStaffing(actor, body),
    );
    registerRoute(app, studioRoutes.approveStaffing, async ({ actor, params, body }) =>
      studios.decideStaffing(actor, params.id, "approved", body),
    );
    registerRoute(app, studioRoutes.declineStaffing, async ({ actor, params, body }) =>
      studios.decideStaffing(actor, params.id, "declined", body),
    );
  },
};
