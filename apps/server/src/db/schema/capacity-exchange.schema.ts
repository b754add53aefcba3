import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** Hours of a process a firm offers (migration 0016_trace.sql); `hours_booked` only grows by orders. */
export const capacityOffers = pgTable(
  "capacity_offers",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull().unique("capacity_offers_id_key"),
    process: text("process").notNull(),
    hoursTotal: integer("hours_total").notNull(),
    hoursBooked: integer("hours_booked").notNull().default(0),
    pricePerHour: numeric("price_per_hour", { precision: 12, scale: 2, mode: "number" }).notNull(),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    leadTimeDays: integer("lead_time_days").notNull(),
    /** 'manual' or 'schedule' (migration 0020): idle hours of a work centre in one week of the published plan. */
    source: text("source").notNull().default("manual"),
    workCentre: text("work_centre").notNull().default(""),
    availableFrom: date("available_from"),
    availableTo: date("available_to"),
    scenarioId: text("scenario_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "capacity_offers_pk", columns: [t.orgId, t.id] }),
    index("capacity_offers_schedule_idx").on(t.orgId, t.workCentre, t.availableFrom),
  ],
);

/** An accepted order: the buyer's (org_id) booking of hours of a seller's offer. */
export const capacityOrders = pgTable(
  "capacity_orders",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    sellerOrgId: text("seller_org_id").notNull(),
    offerId: text("offer_id").notNull(),
    hours: integer("hours").notNull(),
    pricePerHour: numeric("price_per_hour", { precision: 12, scale: 2, mode: "number" }).notNull(),
    /** From an accepted quote (migration 0020); null for a direct accept of an offer. */
    rfqId: text("rfq_id"),
    quoteId: text("quote_id"),
    startOn: date("start_on"),
    endOn: date("end_on"),
    /** The seller's logistics shipment of the order (no foreign key: logistics comes in 0021). */
    shipmentId: text("shipment_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "capacity_orders_pk", columns: [t.orgId, t.id] }),
    index("capacity_orders_seller_idx").on(t.sellerOrgId, t.createdAt),
    uniqueIndex("capacity_orders_quote_key").on(t.quoteId),
    uniqueIndex("capacity_orders_shipment_key").on(t.shipmentId),
  ],
);

/** A buyer's request for quotation (org_id = the buyer); status 'open' → 'ordered' exactly once. */
export const capacityRfqs = pgTable(
  "capacity_rfqs",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull().unique("capacity_rfqs_id_key"),
    process: text("process").notNull(),
    hours: integer("hours").notNull(),
    windowFrom: date("window_from").notNull(),
    windowTo: date("window_to").notNull(),
    spec: text("spec").notNull().default(""),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    status: text("status").notNull().default("open"),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "capacity_rfqs_pk", columns: [t.orgId, t.id] })],
);

/** A supplier (org_id) the buyer asked to quote on an RFQ, for one of its offers. */
export const capacityRfqInvites = pgTable(
  "capacity_rfq_invites",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    rfqId: text("rfq_id")
      .notNull()
      .references(() => capacityRfqs.id, { onDelete: "cascade" }),
    offerId: text("offer_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "capacity_rfq_invites_pk", columns: [t.rfqId, t.offerId] }),
    index("capacity_rfq_invites_org_idx").on(t.orgId, t.rfqId),
  ],
);

/** A supplier's (org_id) answer to an RFQ from one of its offers. */
export const capacityQuotes = pgTable(
  "capacity_quotes",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull().unique("capacity_quotes_id_key"),
    rfqId: text("rfq_id")
      .notNull()
      .references(() => capacityRfqs.id, { onDelete: "cascade" }),
    offerId: text("offer_id").notNull(),
    hours: integer("hours").notNull(),
    pricePerHour: numeric("price_per_hour", { precision: 12, scale: 2, mode: "number" }).notNull(),
    startOn: date("start_on").notNull(),
    endOn: date("end_on").notNull(),
    note: text("note").notNull().default(""),
    status: text("status").notNull().default("open"),
    orderId: text("order_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "capacity_quotes_pk", columns: [t.orgId, t.id] }),
    index("capacity_quotes_rfq_idx").on(t.rfqId),
  ],
);
