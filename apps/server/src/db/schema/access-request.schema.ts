import { ACCESS_REQUEST_STATUSES, DATA_CLASSES, NOTIFICATION_KINDS } from "@clusterbrain/contracts";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { users } from "./user.schema.ts";

/**
 * A request by `requester_org_id` to read one data class of `org_id` (the owner, whose tenant the row
 * belongs to). One pending request per owner, requester and class (access_requests_pending_key).
 */
export const accessRequests = pgTable(
  "access_requests",
  {
    id: text("id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    requesterOrgId: text("requester_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    dataClass: text("data_class", { enum: DATA_CLASSES }).notNull(),
    purpose: text("purpose").notNull(),
    status: text("status", { enum: ACCESS_REQUEST_STATUSES }).notNull(),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    grantId: text("grant_id"),
  },
  (t) => [
    primaryKey({ name: "access_requests_pkey", columns: [t.orgId, t.id] }),
    uniqueIndex("access_requests_pending_key")
      .on(t.orgId, t.requesterOrgId, t.dataClass)
      .where(sql`${t.status} = 'pending'`),
    index("access_requests_requester_idx").on(t.requesterOrgId, t.createdAt),
  ],
);

/** In-app notifications; `user_id` null reaches every member of `org_id`. */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull().default({}),
    link: text("link"),
    dedupeKey: text("dedupe_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "notifications_pkey", columns: [t.orgId, t.id] }),
    uniqueIndex("notifications_dedupe_key").on(t.orgId, t.dedupeKey).where(sql`${t.dedupeKey} IS NOT NULL`),
    index("notifications_org_created_idx").on(t.orgId, t.createdAt),
  ],
);
