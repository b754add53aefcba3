import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import { runnerFor } from "../jobs/job.routes.ts";
import type { FeatureModule } from "../module.ts";
import { SchedulingEdits } from "./scheduling.edits.ts";
import { SchedulingService } from "./scheduling.service.ts";

const routes = routeTable.scheduling;

/** Finite-capacity scheduling of the caller's org: scenarios as jobs, Gantt edits, promises, repairs. */
export const schedulingModule: FeatureModule = {
  name: "scheduling",
  routes(app, deps) {
    const service = new SchedulingService(deps.db, runnerFor(deps), deps.now);
    const edits = new SchedulingEdits(service, deps.now);
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.get, async ({ actor, params }) => service.get(actor, params.id));
    registerRoute(app, routes.remove, async ({ actor, params }) => service.remove(actor, params.id));
    registerRoute(app, routes.publish, async ({ actor, params }) => service.publish(actor, params.id));
    registerRoute(app, routes.load, async ({ actor, params }) => service.load(actor, params.id));
    registerRoute(app, routes.move, async ({ actor, params, body }) => edits.move(actor, params.id, body));
    registerRoute(app, routes.lock, async ({ actor, params, body }) => edits.lock(actor, params.id, body));
    registerRoute(app, routes.undo, async ({ actor, params }) => edits.undo(actor, params.id));
    registerRoute(app, routes.disturb, async ({ actor, params, body }) =>
      edits.disturb(actor, params.id, body),
    );
    registerRoute(app, routes.promise, async ({ actor, body }) => edits.promise(actor, body));
  },
};
