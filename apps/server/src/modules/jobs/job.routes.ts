import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { AppDeps, FeatureModule } from "../module.ts";
import { JobRunner } from "./job.runner.ts";
import { JobService } from "./job.service.ts";

// One runner per app (tests build several apps in one process); routes and start() share it.
const runners = new WeakMap<AppDeps, JobRunner>();
export function runnerFor(deps: AppDeps): JobRunner {
  let runner = runners.get(deps);
  if (!runner) {
    runner = new JobRunner({ db: deps.db, live: deps.live, settings: deps.config.jobs, now: deps.now });
    runners.set(deps, runner);
  }
  return runner;
}

export const jobsModule: FeatureModule = {
  name: "jobs",
  routes(app, deps) {
    const service = new JobService(deps.db, runnerFor(deps), deps.now);
    const routes = routeTable.jobs;
    registerRoute(app, routes.start, async ({ actor, body }) => service.start(actor, body));
    registerRoute(app, routes.list, async ({ actor, query }) => service.list(actor, query));
    registerRoute(app, routes.get, async ({ actor, params }) => service.get(actor, params.id));
    registerRoute(app, routes.cancel, async ({ actor, params }) => service.cancel(actor, params.id));
  },
  async start(deps) {
    const runner = runnerFor(deps);
    await runner.start();
    return { stop: () => runner.stop(), health: () => runner.health() };
  },
};
