import { ROLES } from "@clusterbrain/contracts";
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { users } from "./user.schema.ts";

/**
 * Invitations to join an org by a one-time link. Only the SHA-256 of the link's token is stored;
 * an invitation is used once (`accepted_at`), can be revoked, and expires at `expires_at`.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("invitations_org_created_idx").on(t.orgId, t.createdAt)],
);
