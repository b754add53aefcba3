import { jsonb, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** One value of a planning record's data (text, number, or absent). */
export type PlanningCell = string | number | null;

/**
 * Planning master data of a firm, one row per record: `entity` names the kind (items, bom, stock,
 * open-orders, customer-orders, demand, forecast-override), `key` its natural key within the org
 * and kind, `data` the fields as the contracts' zod schema of that entity validated them.
 */
export const planningRecords = pgTable(
  "planning_records",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    entity: text("entity").notNull(),
    key: text("key").notNull(),
    data: jsonb("data").$type<Record<string, PlanningCell>>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "planning_records_pk", columns: [t.orgId, t.id] }),
    unique("planning_records_natural_key").on(t.orgId, t.entity, t.key),
  ],
);
