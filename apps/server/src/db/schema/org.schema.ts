import { ORG_KINDS, SIZE_BANDS } from "@clusterbrain/contracts";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** A bilingual label; profile lists (products, capabilities) are stored as arrays of these. */
export interface LocalizedItem {
  zh: string;
  en: string;
}
export interface PatentItem {
  number: string;
  title: string;
  year?: number;
}
export interface EquipmentItem {
  name: string;
  model?: string;
  count?: number;
}

/** An organisation in the cluster registry. Its own id is its tenant id (org_id of owned rows). */
export const orgs = pgTable(
  "orgs",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ORG_KINDS }).notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    uscc: text("uscc").unique(),
    address: text("address").notNull().default(""),
    district: text("district").notNull().default(""),
    industryCode: text("industry_code").notNull().default(""),
    sizeBand: text("size_band", { enum: SIZE_BANDS }).notNull().default("small"),
    foundedYear: integer("founded_year"),
    website: text("website").notNull().default(""),
    descriptionZh: text("description_zh").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    products: jsonb("products").$type<LocalizedItem[]>().notNull().default([]),
    capabilities: jsonb("capabilities").$type<LocalizedItem[]>().notNull().default([]),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    patents: jsonb("patents").$type<PatentItem[]>().notNull().default([]),
    // Private fields: visible to the org's own staff, the operator, or through a grant.
    keyEquipment: jsonb("key_equipment").$type<EquipmentItem[]>().notNull().default([]),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orgs_kind_idx").on(t.kind),
    index("orgs_district_idx").on(t.district),
    index("orgs_industry_idx").on(t.industryCode),
  ],
);

/**
 * Search tokens per org (Intl.Segmenter words of names, products, capabilities, lower-cased).
 * Kept in a table rather than a tsvector so PGlite and PostgreSQL match identically.
 */
export const orgSearchTokens = pgTable(
  "org_search_tokens",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    field: text("field", { enum: ["name", "product", "capability", "other"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.token, t.field] }),
    index("org_search_tokens_token_idx").on(t.token),
  ],
);
