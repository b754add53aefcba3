import { idParamsSchema, okSchema } from "../common.contract.ts";
import {
  createScenarioSchema,
  disturbanceSchema,
  lockOperationSchema,
  moveOperationSchema,
  promiseRequestSchema,
  promiseResultSchema,
  repairResultSchema,
  scenarioDetailSchema,
  scenarioListSchema,
  scenarioLoadSchema,
  scenarioSummarySchema,
} from "../scheduling.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["scheduling"];
const scenario = { params: idParamsSchema, scope: { id: "own-org-record" } } as const;

/** Finite-capacity scheduling of MY org's production orders: scenarios, Gantt edits, promises, repairs. */
export const schedulingRoutes = {
  create: defineRoute({
    method: "POST",
    path: "/scheduling/scenarios",
    tags,
    summary: "Schedule the open production orders as a job (progress and cancel on the job); a new scenario",
    body: createScenarioSchema,
    response: scenarioSummarySchema,
    errors: [403, 409, 429],
  }),
  list: defineRoute({
    method: "GET",
    path: "/scheduling/scenarios",
    tags,
    summary: "My org's scenarios with their KPIs, newest first",
    response: scenarioListSchema,
  }),
  get: defineRoute({
    method: "GET",
    path: "/scheduling/scenarios/:id",
    tags,
    summary: "One scenario: operations for the Gantt, machines, orders, downtime",
    ...scenario,
    response: scenarioDetailSchema,
    errors: [404],
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/scheduling/scenarios/:id",
    tags,
    summary: "Delete a scenario that is not the published plan",
    ...scenario,
    response: okSchema,
    errors: [403, 404, 409],
  }),
  publish: defineRoute({
    method: "POST",
    path: "/scheduling/scenarios/:id/publish",
    tags,
    summary: "Make this scenario the firm's plan (the one published before is unpublished)",
    ...scenario,
    response: scenarioSummarySchema,
    errors: [403, 404, 409],
  }),
  load: defineRoute({
    method: "GET",
    path: "/scheduling/scenarios/:id/load",
    tags,
    summary: "Capacity load per machine and week: scheduled, available, required by due dates",
    ...scenario,
    response: scenarioLoadSchema,
    errors: [404, 409],
  }),
  move: defineRoute({
    method: "POST",
    path: "/scheduling/scenarios/:id/moves",
    tags,
    summary:
      "Move one operation (machine, start); refused with the reason if it breaks precedence, calendar or capacity",
    ...scenario,
    body: moveOperationSchema,
    response: scenarioDetailSchema,
    errors: [403, 404, 409],
  }),
  lock: defineRoute({
    method: "POST",
    path: "/scheduling/scenarios/:id/locks",
    tags,
    summary: "Lock or unlock one operation (a locked operation cannot be dragged)",
    ...scenario,
    body: lockOperationSchema,
    response: scenarioDetailSchema,
    errors: [403, 404, 409],
  }),
  undo: defineRoute({
    method: "POST",
    path: "/scheduling/scenarios/:id/undo",
    tags,
    summary: "Undo the last move of this scenario",
    ...scenario,
    response: scenarioDetailSchema,
    errors: [403, 404, 409],
  }),
  disturb: defineRoute({
    method: "POST",
    path: "/scheduling/scenarios/:id/disturbances",
    tags,
    summary:
      "A machine is down from…to: mark the hit operations and make a repair scenario that moves as little as possible",
    ...scenario,
    body: disturbanceSchema,
    response: repairResultSchema,
    errors: [403, 404, 409],
  }),
  promise: defineRoute({
    method: "POST",
    path: "/scheduling/promise",
    tags,
    summary: "Capable-to-promise: the earliest date a new order can be complete, and what binds it",
    body: promiseRequestSchema,
    response: promiseResultSchema,
    errors: [404, 409],
  }),
};
