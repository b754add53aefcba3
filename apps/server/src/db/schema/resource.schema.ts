import {
  BOOKING_STATUSES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  type ResourceSpec,
} from "@clusterbrain/contracts";
import { index, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { users } from "./user.schema.ts";

/** A shared instrument, piece of equipment, lab or expert; org_id is its owner (migration 0014). */
export const hubResources = pgTable(
  "hub_resources",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: RESOURCE_KINDS }).notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    description: text("description").notNull().default(""),
    specs: jsonb("specs").$type<ResourceSpec[]>().notNull().default([]),
    location: text("location").notNull().default(""),
    pricePerHour: integer("price_per_hour").notNull().default(0),
    rules: text("rules").notNull().default(""),
    minHours: integer("min_hours").notNull().default(1),
    maxHours: integer("max_hours").notNull().default(8),
    cancelNoticeHours: integer("cancel_notice_hours").notNull().default(24),
    openHour: integer("open_hour").notNull().default(8),
    closeHour: integer("close_hour").notNull().default(18),
    status: text("status", { enum: RESOURCE_STATUSES }).notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hub_resources_org_idx").on(t.orgId), index("hub_resources_kind_idx").on(t.kind, t.status)],
);

/**
 * A booking of a resource; org_id is the requesting org, owner_org_id the resource's owner. The
 * generated `period` column and the exclusion constraint hub_bookings_no_overlap live only in SQL
 * (0014): Drizzle never writes `period`, and the database refuses an overlapping pending or
 * approved booking of the same resource.
 */
export const hubBookings = pgTable(
  "hub_bookings",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    resourceId: text("resource_id")
      .notNull()
      .references(() => hubResources.id, { onDelete: "cascade" }),
    ownerOrgId: text("owner_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: BOOKING_STATUSES }).notNull(),
    purpose: text("purpose").notNull(),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    usedHours: numeric("used_hours", { precision: 8, scale: 2, mode: "number" }),
    usageNote: text("usage_note"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    ratedAt: timestamp("rated_at", { withTimezone: true }),
  },
  (t) => [
    index("hub_bookings_org_idx").on(t.orgId, t.startsAt),
    index("hub_bookings_owner_idx").on(t.ownerOrgId, t.status, t.startsAt),
  ],
);
