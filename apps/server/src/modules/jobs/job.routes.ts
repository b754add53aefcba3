import {
  errorBodySchema,
  idParamsSchema,
  jobDetailSchema,
  jobListQuerySchema,
  jobPageSchema,
  jobSummarySchema,
  startJobBodySchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import type { AppDeps, FeatureModule } from "../module.ts";
import { JobRunner } from "./job.runner.ts";
import { JobService } from "./job.service.ts";

// One runner per app (tests build several apps in one process); routes and start() share it.
const runners = new WeakMap<AppDeps, JobRunner>();
function runnerFor(deps: AppDeps): JobRunner {
  let runner = runners.get(deps);
  if (!runner) {
    runner = new JobRunner({ db: deps.db, live: deps.live, settings: deps.config.jobs, now: deps.now });
    runners.set(deps, runner);
  }
  return runner;
}

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export const jobsModule: FeatureModule = {
  name: "jobs",
  routes(app, deps) {
    const service = () => new JobService(deps.db, runnerFor(deps), deps.now);
    app.post(
      "/jobs",
      {
        schema: {
          tags: ["jobs"],
          summary: "Start a long engine run (schedule, mrp, forecast, analyze) on a worker thread",
          body: startJobBodySchema,
          response: { 202: jobSummarySchema, ...errors, 429: errorBodySchema },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await service().start(requireActor(request), request.body)),
    );
    app.get(
      "/jobs",
      {
        schema: {
          tags: ["jobs"],
          summary: "The caller's org's jobs, newest first",
          querystring: jobListQuerySchema,
          response: { 200: jobPageSchema, ...errors },
        },
      },
      async (request) => service().list(requireActor(request), request.query),
    );
    app.get(
      "/jobs/:id",
      {
        schema: {
          tags: ["jobs"],
          summary: "One job with its input and result",
          params: idParamsSchema,
          response: { 200: jobDetailSchema, ...errors },
        },
      },
      async (request) => service().get(requireActor(request), request.params.id),
    );
    app.post(
      "/jobs/:id/cancel",
      {
        schema: {
          tags: ["jobs"],
          summary: "Cancel a queued or running job (a running schedule keeps its best schedule so far)",
          params: idParamsSchema,
          response: { 200: jobSummarySchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request) => service().cancel(requireActor(request), request.params.id),
    );
  },
  async start(deps) {
    const runner = runnerFor(deps);
    await runner.start();
    return { stop: () => runner.stop(), health: () => runner.health() };
  },
};
