import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Append-only audit trail. `org_id` is the org whose data was touched (who may read the entry);
 * actor columns say who did it. No foreign keys, so entries outlive what they describe.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: text("org_id").notNull(),
    actorUserId: text("actor_user_id"),
    actorOrgId: text("actor_org_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    /** Set by the audit_log_chain trigger (migration 0006), never by the application. */
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [index("audit_log_org_at_idx").on(t.orgId, t.at)],
);

/** The chain's tail (one row): locked by the insert trigger so concurrent writers cannot fork it. */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    id: integer("id").primaryKey(),
    lastId: bigint("last_id", { mode: "number" }).notNull(),
    lastHash: text("last_hash").notNull(),
  },
  (t) => [check("audit_chain_head_single", sql`${t.id} = 1`)],
);
