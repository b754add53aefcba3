import { idParamsSchema } from "../common.contract.ts";
import {
  jobDetailSchema,
  jobListQuerySchema,
  jobPageSchema,
  jobSummarySchema,
  startJobBodySchema,
} from "../job.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["jobs"];

export const jobRoutes = {
  start: defineRoute({
    method: "POST",
    path: "/jobs",
    tags,
    summary: "Start a long engine run (schedule, mrp, forecast, analyze) on a worker thread",
    body: startJobBodySchema,
    response: jobSummarySchema,
    errors: [403, 429],
  }),
  list: defineRoute({
    method: "GET",
    path: "/jobs",
    tags,
    summary: "The caller's org's jobs, newest first",
    query: jobListQuerySchema,
    response: jobPageSchema,
  }),
  get: defineRoute({
    method: "GET",
    path: "/jobs/:id",
    tags,
    summary: "One job with its input and result",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: jobDetailSchema,
    errors: [404],
  }),
  cancel: defineRoute({
    method: "POST",
    path: "/jobs/:id/cancel",
    tags,
    summary: "Cancel a queued or running job (a running schedule keeps its best schedule so far)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: jobSummarySchema,
    errors: [403, 404, 409],
  }),
};
