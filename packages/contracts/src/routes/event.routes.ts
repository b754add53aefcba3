import { idParamsSchema } from "../common.contract.ts";
import {
  eventCreateSchema,
  eventListSchema,
  eventRegisterSchema,
  eventSchema,
  policyCreateSchema,
  policyListSchema,
  policyQuerySchema,
  policySchema,
  registrationListSchema,
  registrationSchema,
} from "../event.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["events"];

/** Events with registration and check-in, and policy notices with eligibility. */
export const eventRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/events",
    tags,
    summary: "Upcoming and recent fairs, conferences and matchmaking sessions",
    response: eventListSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/events",
    tags,
    summary: "Organise an event (owner/admin of the organising org)",
    body: eventCreateSchema,
    response: eventSchema,
    errors: [403],
  }),
  register: defineRoute({
    method: "POST",
    path: "/events/:id/registrations",
    tags,
    summary: "Register my organisation (once; 409 when full or already registered)",
    params: idParamsSchema,
    scope: { id: "shared" },
    body: eventRegisterSchema,
    response: eventSchema,
    errors: [403, 404, 409],
  }),
  registrations: defineRoute({
    method: "GET",
    path: "/events/:id/registrations",
    tags,
    summary: "Who registered (the organiser only)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: registrationListSchema,
    errors: [404],
  }),
  checkIn: defineRoute({
    method: "POST",
    path: "/event-registrations/:id/check-in",
    tags,
    summary: "The organiser checks a registered organisation in (once)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: registrationSchema,
    errors: [403, 404, 409],
  }),
  policies: defineRoute({
    method: "GET",
    path: "/policies",
    tags,
    summary: "Policy and funding notices my org is eligible for (or all), each with the reasons",
    query: policyQuerySchema,
    response: policyListSchema,
  }),
  createPolicy: defineRoute({
    method: "POST",
    path: "/policies",
    tags,
    summary: "Publish a policy or funding notice (government organisations and the operator)",
    body: policyCreateSchema,
    response: policySchema,
    errors: [403],
  }),
};
