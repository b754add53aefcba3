import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** Ed25519 signing keys per org (migration 0016_trace.sql); the private key is stored encrypted. */
export const traceKeys = pgTable(
  "trace_keys",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    keyId: text("key_id").notNull(),
    publicKey: text("public_key").notNull(),
    privateKeyEnc: text("private_key_enc").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "trace_keys_pk", columns: [t.orgId, t.keyId] })],
);

/** One row per org: the last seq and hash; locked FOR UPDATE by every append. */
export const traceChainHeads = pgTable("trace_chain_heads", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id),
  seq: integer("seq").notNull(),
  hash: text("hash").notNull(),
});

/** Append-only (a trigger refuses UPDATE and DELETE). */
export const traceEvents = pgTable(
  "trace_events",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    at: text("at").notNull(),
    keyId: text("key_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    signature: text("signature").notNull(),
  },
  (t) => [primaryKey({ name: "trace_events_pk", columns: [t.orgId, t.seq] })],
);

/** Component → product edges stated by the events (append-only too). */
export const traceLinks = pgTable(
  "trace_links",
  {
    orgId: text("org_id").notNull(),
    seq: integer("seq").notNull(),
    fromNode: text("from_node").notNull(),
    toNode: text("to_node").notNull(),
  },
  (t) => [
    index("trace_links_from_idx").on(t.fromNode, t.toNode),
    index("trace_links_to_idx").on(t.toNode, t.fromNode),
    index("trace_links_event_idx").on(t.orgId, t.seq),
  ],
);

export const traceCheckpoints = pgTable(
  "trace_checkpoints",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id),
    id: text("id").notNull().unique("trace_checkpoints_id_key"),
    seq: integer("seq").notNull(),
    hash: text("hash").notNull(),
    at: text("at").notNull(),
    keyId: text("key_id").notNull(),
    signature: text("signature").notNull(),
    csOrgId: text("cs_org_id"),
    csKeyId: text("cs_key_id"),
    csAt: text("cs_at"),
    csSignature: text("cs_signature"),
  },
  (t) => [primaryKey({ name: "trace_checkpoints_pk", columns: [t.orgId, t.id] })],
);
