import { z } from "zod";

/** What a carrier reports about a shipment, in the order a parcel normally meets them. */
export const SHIPMENT_EVENT_TYPES = [
  "picked_up",
  "in_transit",
  "at_hub",
  "out_for_delivery",
  "delivered",
  "exception",
] as const;
export type ShipmentEventType = (typeof SHIPMENT_EVENT_TYPES)[number];
/** A shipment's status is its latest event's type, or `created` before any event. */
export const SHIPMENT_STATUSES = ["created", ...SHIPMENT_EVENT_TYPES] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Headers of a signed carrier webhook: HMAC-SHA256 over "<timestamp>.<raw body>" with the org's secret. */
export const WEBHOOK_HEADERS = {
  org: "x-webhook-org",
  timestamp: "x-webhook-timestamp",
  signature: "x-webhook-signature",
} as const;
/** A webhook older or newer than this (seconds) is refused as stale. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const text = (max: number) => z.string().trim().max(max);

export const shipmentCreateSchema = z
  .object({
    consigneeOrgId: z.string().min(1).max(100).nullable().default(null),
    consigneeName: text(200).default(""),
    carrier: text(100).min(1),
    trackingNo: text(100).min(1),
    promisedOn: isoDate,
    /** Optional link to a trace shipment code (the traceability ledger). */
    reference: text(200).default(""),
  })
  .refine((v) => v.consigneeOrgId !== null || v.consigneeName.length > 0, {
    message: "name the consignee: an organisation or a free-text name",
    path: ["consigneeName"],
  });
export type ShipmentCreate = z.infer<typeof shipmentCreateSchema>;

export const shipmentEventCreateSchema = z.object({
  type: z.enum(SHIPMENT_EVENT_TYPES),
  occurredAt: z.iso.datetime({ offset: true }),
  location: text(200).default(""),
  note: text(500).default(""),
  /** The carrier's own estimate of delivery, when it gives one. */
  eta: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type ShipmentEventCreate = z.infer<typeof shipmentEventCreateSchema>;

/** A carrier's webhook body: its own event id (replays are refused) and the shipment by tracking number. */
export const shipmentWebhookSchema = shipmentEventCreateSchema.extend({
  eventId: z.string().trim().min(1).max(200),
  trackingNo: z.string().trim().min(1).max(100),
});
export type ShipmentWebhook = z.infer<typeof shipmentWebhookSchema>;

export const shipmentEventSchema = z.object({
  id: z.string(),
  type: z.enum(SHIPMENT_EVENT_TYPES),
  occurredAt: z.string(),
  location: z.string(),
  note: z.string(),
  eta: z.string().nullable(),
  source: z.enum(["api", "webhook"]),
});
export type ShipmentEvent = z.infer<typeof shipmentEventSchema>;

export const shipmentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  consigneeOrgId: z.string().nullable(),
  consigneeName: z.string(),
  /** Names of the consignee org (null for a free-text consignee). */
  consigneeNameZh: z.string().nullable(),
  consigneeNameEn: z.string().nullable(),
  carrier: z.string(),
  trackingNo: z.string(),
  promisedOn: z.string(),
  reference: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  /** Carrier ETA from the latest event that gave one, else the end of the promised day (UTC+8). */
  eta: z.string(),
  late: z.boolean(),
  createdAt: z.string(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

export const shipmentListSchema = z.object({ items: z.array(shipmentSchema) });
export type ShipmentList = z.infer<typeof shipmentListSchema>;

export const shipmentDetailSchema = shipmentSchema.extend({ events: z.array(shipmentEventSchema) });
export type ShipmentDetail = z.infer<typeof shipmentDetailSchema>;

export const webhookSecretSchema = z.object({ secret: z.string(), createdAt: z.string() });
export type WebhookSecret = z.infer<typeof webhookSecretSchema>;

export const webhookAcceptedSchema = z.object({ accepted: z.literal(true), shipmentId: z.string() });
