import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "capacity_offers_pk", columns: [t.orgId, t.id] })],
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "capacity_orders_pk", columns: [t.orgId, t.id] }),
    index("capacity_orders_seller_idx").on(t.sellerOrgId, t.createdAt),
  ],
);
