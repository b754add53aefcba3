import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

const orgRef = () =>
  text("org_id")
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" });

export interface SegmentFilterRow {
  county?: string;
  level?: "county" | "city" | "township";
  deviceType?: string;
  minAgeYears?: number;
}
export interface BundleItemRow {
  kind: "product" | "service";
  name: string;
  quantity: number;
}
export interface LeadActivityRow {
  at: string;
  note: string;
}

/** An org with this row is a hospital (there is no hospital org kind): its level and county. */
export const marketingHospitals = pgTable("marketing_hospitals", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  level: text("level", { enum: ["county", "city", "township"] }).notNull(),
  county: text("county").notNull(),
});

/** A hospital's equipment inventory (private data of class "equipment"). */
export const marketingEquipment = pgTable(
  "marketing_equipment",
  {
    orgId: orgRef(),
    id: text("id").notNull(),
    deviceType: text("device_type").notNull(),
    brand: text("brand").notNull(),
    installYear: integer("install_year").notNull(),
    count: integer("count").notNull(),
    usageHours: doublePrecision("usage_hours").notNull(),
  },
  (t) => [primaryKey({ name: "marketing_equipment_pk", columns: [t.orgId, t.id] })],
);

export const marketingBundles = pgTable(
  "marketing_bundles",
  {
    orgId: orgRef(),
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    segment: jsonb("segment").$type<SegmentFilterRow>().notNull(),
    items: jsonb("items").$type<BundleItemRow[]>().notNull(),
    price: doublePrecision("price").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("marketing_bundles_org_idx").on(t.orgId)],
);

export const marketingCampaigns = pgTable(
  "marketing_campaigns",
  {
    orgId: orgRef(),
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    segment: jsonb("segment").$type<SegmentFilterRow>().notNull(),
    bundleId: text("bundle_id"),
    channel: text("channel").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("marketing_campaigns_org_idx").on(t.orgId)],
);

/** A lead: account = a hospital, with its contact, opportunity stage and activities. */
export const marketingLeads = pgTable(
  "marketing_leads",
  {
    orgId: orgRef(),
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => marketingCampaigns.id, { onDelete: "cascade" }),
    accountOrgId: text("account_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    contact: text("contact").notNull(),
    stage: text("stage", { enum: ["prospect", "contacted", "proposal", "won", "lost"] }).notNull(),
    activities: jsonb("activities").$type<LeadActivityRow[]>().notNull(),
  },
  (t) => [index("marketing_leads_org_idx").on(t.orgId)],
);
