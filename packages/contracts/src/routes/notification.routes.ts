import { idParamsSchema } from "../common.contract.ts";
import { notificationListSchema, notificationSchema } from "../notification.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["notifications"];

export const notificationRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/notifications",
    tags,
    summary: "My latest notifications (mine and my org's) and how many are unread",
    response: notificationListSchema,
  }),
  read: defineRoute({
    method: "POST",
    path: "/notifications/:id/read",
    tags,
    summary: "Mark one notification read",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: notificationSchema,
    errors: [404],
  }),
  readAll: defineRoute({
    method: "POST",
    path: "/notifications/read-all",
    tags,
    summary: "Mark all my notifications read",
    response: notificationListSchema,
  }),
};
