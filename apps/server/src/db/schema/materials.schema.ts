import {
  MATERIAL_CATEGORIES,
  MATERIAL_LISTING_KINDS,
  MATERIAL_LISTING_STATUSES,
  POOL_ROUND_STATUSES,
} from "@clusterbrain/contracts";
import { date, doublePrecision, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** A firm's material need or offer (0028). Drafts are its own; open ones are seen cluster-wide. */
export const materialListings = pgTable(
  "material_listings",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MATERIAL_LISTING_KINDS }).notNull(),
    category: text("category", { enum: MATERIAL_CATEGORIES }).notNull(),
    spec: text("spec").notNull(),
    quantity: doublePrecision("quantity").notNull(),
    unit: text("unit").notNull(),
    byDate: date("by_date").notNull(),
    district: text("district").notNull().default(""),
    status: text("status", { enum: MATERIAL_LISTING_STATUSES }).notNull().default("open"),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("material_listings_org_idx").on(t.orgId),
    index("material_listings_open_idx").on(t.status, t.kind, t.category),
  ],
);

/** A message from org_id (the sender) to the firm behind an open listing. */
export const materialContacts = pgTable(
  "material_contacts",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    toOrgId: text("to_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    listingId: text("listing_id")
      .notNull()
      .references(() => materialListings.id, { onDelete: "cascade" }),
    fromListingId: text("from_listing_id"),
    message: text("message").notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("material_contacts_org_idx").on(t.orgId), index("material_contacts_to_idx").on(t.toOrgId)],
);

/** A pooled-purchase round (集采) opened by org_id (a firm or the operator), joined by firms. */
export const materialPoolRounds = pgTable("material_pool_rounds", {
  id: text("id").primaryKey(),
  orgId: text("org_id")
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" }),
  category: text("category", { enum: MATERIAL_CATEGORIES }).notNull(),
  period: text("period").notNull(),
  title: text("title").notNull(),
  spec: text("spec").notNull().default(""),
  unit: text("unit").notNull(),
  closesOn: date("closes_on").notNull(),
  status: text("status", { enum: POOL_ROUND_STATUSES }).notNull().default("open"),
  createdBy: text("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One firm (org_id) in a round with its quantity; one row per firm and round. */
export const materialPoolParticipants = pgTable(
  "material_pool_participants",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => materialPoolRounds.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    quantity: doublePrecision("quantity").notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "material_pool_participants_pkey", columns: [t.roundId, t.orgId] })],
);
