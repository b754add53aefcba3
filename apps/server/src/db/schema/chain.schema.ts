import { VOLUME_BANDS } from "@clusterbrain/contracts";
import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** Cluster-wide industry-chain nodes (owned by the operator; not tenant data). */
export const chainNodes = pgTable(
  "chain_nodes",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull().unique(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    parentId: text("parent_id"),
    stage: integer("stage").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("chain_nodes_stage_idx").on(t.stage)],
);

/** Which chain nodes an org works on (public profile data). */
export const orgChainNodes = pgTable(
  "org_chain_nodes",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    nodeId: text("node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.nodeId] }), index("org_chain_nodes_node_idx").on(t.nodeId)],
);

/** Supplier → customer relation; private to the two parties. `org_id` is the org that recorded it. */
export const relations = pgTable(
  "relations",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    supplierOrgId: text("supplier_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    customerOrgId: text("customer_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    nodeId: text("node_id").references(() => chainNodes.id, { onDelete: "set null" }),
    product: text("product").notNull(),
    volumeBand: text("volume_band", { enum: VOLUME_BANDS }).notNull(),
    sinceYear: integer("since_year"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("relations_supplier_idx").on(t.supplierOrgId),
    index("relations_customer_idx").on(t.customerOrgId),
    index("relations_org_idx").on(t.orgId),
    // One relation per supplier, customer and product (case-insensitive, as the importer compares).
    uniqueIndex("relations_party_product_key").on(t.supplierOrgId, t.customerOrgId, sql`lower(${t.product})`),
  ],
);

/** Chain structure: products of `from` feed `to` (a node may have several upstream nodes). */
export const chainLinks = pgTable(
  "chain_links",
  {
    fromNodeId: text("from_node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
    toNodeId: text("to_node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.fromNodeId, t.toNodeId] }), index("chain_links_to_idx").on(t.toNodeId)],
);
