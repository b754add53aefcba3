import { doublePrecision, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/**
 * Yearly indicators per org (private; data class "indicators").
 * Money in 万元 (CNY 10k), energy in tonnes of standard coal equivalent (tce).
 */
export const indicators = pgTable(
  "indicators",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    revenue: doublePrecision("revenue").notNull(),
    rdSpend: doublePrecision("rd_spend").notNull(),
    employees: integer("employees").notNull(),
    patents: integer("patents").notNull(),
    energyUse: doublePrecision("energy_use").notNull(),
    exports: doublePrecision("exports").notNull(),
    fixedAssets: doublePrecision("fixed_assets").notNull(),
    profit: doublePrecision("profit").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);
