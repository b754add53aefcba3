import { z } from "zod";
import { idParamsSchema } from "../common.contract.ts";
import {
  shipmentCreateSchema,
  shipmentDetailSchema,
  shipmentEventCreateSchema,
  shipmentListSchema,
  shipmentWebhookSchema,
  webhookAcceptedSchema,
  webhookSecretSchema,
} from "../logistics.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["logistics"];

export const logisticsRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/logistics/shipments",
    tags,
    summary: "My org's shipments with status, ETA and late flag (raises a late alert once per shipment)",
    response: shipmentListSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/logistics/shipments",
    tags,
    summary: "Record a shipment my org sends",
    body: shipmentCreateSchema,
    response: shipmentDetailSchema,
    errors: [403, 409],
  }),
  get: defineRoute({
    method: "GET",
    path: "/logistics/shipments/:id",
    tags,
    summary: "One shipment with its event timeline",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: shipmentDetailSchema,
    errors: [404],
  }),
  addEvent: defineRoute({
    method: "POST",
    path: "/logistics/shipments/:id/events",
    tags,
    summary:
      "Add a tracking event to a shipment (picked up, in transit, at hub, out for delivery, delivered, exception)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: shipmentEventCreateSchema,
    response: shipmentDetailSchema,
    errors: [403, 404, 409],
  }),
  rotateSecret: defineRoute({
    method: "POST",
    path: "/logistics/webhook-secret",
    tags,
    summary: "Make a new carrier-webhook secret for my org (shown once; the old one stops working)",
    body: z.object({}).optional(),
    response: webhookSecretSchema,
    errors: [403],
  }),
  webhook: defineRoute({
    method: "POST",
    path: "/logistics/webhook",
    auth: "public",
    tags,
    summary:
      "Carrier webhook: headers x-webhook-org, x-webhook-timestamp (unix s), x-webhook-signature (hex HMAC-SHA256 of '<timestamp>.<raw body>')",
    body: shipmentWebhookSchema,
    response: webhookAcceptedSchema,
    // 403: a browser session's cookie write without the CSRF token is refused before the signature.
    errors: [401, 403, 404, 409],
  }),
};
