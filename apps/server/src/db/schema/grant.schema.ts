import { DATA_CLASSES } from "@clusterbrain/contracts";
import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { users } from "./user.schema.ts";

/**
 * A firm (org_id = grantor) lets another org read one class of its private data until expires_at.
 * revoked_at is when a grant stopped early; one that ran out is closed at its expiry when the next one
 * is made, so "unrevoked" is "live" and the database keeps one live grant per grantor, grantee and class.
 */
export const grants = pgTable(
  "grants",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    granteeOrgId: text("grantee_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    dataClass: text("data_class", { enum: DATA_CLASSES }).notNull(),
    purpose: text("purpose").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("grants_org_idx").on(t.orgId),
    index("grants_grantee_idx").on(t.granteeOrgId),
    uniqueIndex("grants_live_key")
      .on(t.orgId, t.granteeOrgId, t.dataClass)
      .where(sql`${t.revokedAt} IS NULL`),
  ],
);
