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

/** What an org declares it buys (demand) or makes (supply) of a product in a year (万元). */
export const growthMarketSignals = pgTable(
  "growth_market_signals",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    side: text("side", { enum: ["demand", "supply"] }).notNull(),
    product: text("product").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    nodeId: text("node_id"),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
  },
  (t) => [
    primaryKey({ name: "growth_market_signals_pk", columns: [t.orgId, t.id] }),
    index("growth_market_signals_product_idx").on(t.product),
  ],
);

export interface StrategyGoalRow {
  title: string;
  kpi: "dea.ccr" | "malmquist.M" | "topsis.closeness" | "network.betweenness" | "revenue";
  target: number;
  due: number;
}

/** One strategy note per org, goals linked to growth KPIs. */
export const growthStrategyNotes = pgTable("growth_strategy_notes", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  body: text("body").notNull(),
  goals: jsonb("goals").$type<StrategyGoalRow[]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
