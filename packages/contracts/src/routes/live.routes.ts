import { liveEventSchema, liveQuerySchema } from "../job.contract.ts";
import { defineRoute } from "./route.ts";

export const liveRoutes = {
  stream: defineRoute({
    method: "GET",
    path: "/live",
    tags: ["live"],
    summary:
      "Server-Sent Events: each message's `event:` is its topic and `data:` one LiveEvent; only the events the caller may see",
    query: liveQuerySchema,
    response: liveEventSchema,
    produces: "text/event-stream",
  }),
};
