import { EVENT_KINDS, type SizeBand } from "@clusterbrain/contracts";
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { users } from "./user.schema.ts";

/** A fair, conference or matchmaking session; org_id is the organiser (0014). */
export const hubEvents = pgTable(
  "hub_events",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull().default(""),
    description: text("description").notNull().default(""),
    location: text("location").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hub_events_starts_idx").on(t.startsAt)],
);

/** One organisation's registration for an event; org_id is the registering org. */
export const hubEventRegistrations = pgTable(
  "hub_event_registrations",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => hubEvents.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    attendee: text("attendee").notNull(),
    registeredBy: text("registered_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("hub_event_registrations_org_key").on(t.eventId, t.orgId)],
);

/** A policy or funding notice of a government organisation (org_id), with eligibility criteria. */
export const hubPolicies = pgTable("hub_policies", {
  id: text("id").primaryKey(),
  orgId: text("org_id")
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" }),
  titleZh: text("title_zh").notNull(),
  titleEn: text("title_en").notNull().default(""),
  summary: text("summary").notNull(),
  funding: text("funding").notNull().default(""),
  deadline: date("deadline", { mode: "string" }),
  industryCodes: jsonb("industry_codes").$type<string[]>().notNull().default([]),
  sizeBands: jsonb("size_bands").$type<SizeBand[]>().notNull().default([]),
  districts: jsonb("districts").$type<string[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
