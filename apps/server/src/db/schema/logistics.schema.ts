import { SHIPMENT_EVENT_TYPES, SHIPMENT_STATUSES } from "@clusterbrain/contracts";
import { date, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** A shipment an org sends; org_id is the shipper. status/carrier_eta follow the latest event (0021). */
export const logisticsShipments = pgTable(
  "logistics_shipments",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    consigneeOrgId: text("consignee_org_id").references(() => orgs.id, { onDelete: "set null" }),
    consigneeName: text("consignee_name").notNull().default(""),
    carrier: text("carrier").notNull(),
    trackingNo: text("tracking_no").notNull(),
    promisedOn: date("promised_on").notNull(),
    reference: text("reference").notNull().default(""),
    status: text("status", { enum: SHIPMENT_STATUSES }).notNull().default("created"),
    carrierEta: timestamp("carrier_eta", { withTimezone: true }),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }),
    lateNotifiedAt: timestamp("late_notified_at", { withTimezone: true }),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("logistics_shipments_tracking_key").on(t.orgId, t.trackingNo)],
);

/** A tracking event; external_id is the carrier's event id (webhook), unique per org against replays. */
export const logisticsShipmentEvents = pgTable(
  "logistics_shipment_events",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => logisticsShipments.id, { onDelete: "cascade" }),
    type: text("type", { enum: SHIPMENT_EVENT_TYPES }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    location: text("location").notNull().default(""),
    note: text("note").notNull().default(""),
    eta: timestamp("eta", { withTimezone: true }),
    source: text("source", { enum: ["api", "webhook"] }).notNull(),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("logistics_shipment_events_shipment_idx").on(t.shipmentId, t.occurredAt),
    uniqueIndex("logistics_shipment_events_external_key").on(t.orgId, t.externalId),
  ],
);

/** One carrier-webhook secret per org (HMAC-SHA256 key). */
export const logisticsWebhookSecrets = pgTable("logistics_webhook_secrets", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
