import type { ImportIssue } from "@clusterbrain/contracts";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** One import run (dry or real) of an organisation, with its issues (migration 0009). */
export const importHistory = pgTable(
  "import_history",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: text("user_id"),
    entity: text("entity", { enum: ["orgs", "relations"] }).notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    mode: text("mode", { enum: ["all-or-nothing", "valid-rows"] }).notNull(),
    dryRun: boolean("dry_run").notNull(),
    fileName: text("file_name").notNull().default(""),
    totalRows: integer("total_rows").notNull(),
    validRows: integer("valid_rows").notNull(),
    invalidRows: integer("invalid_rows").notNull(),
    written: integer("written").notNull(),
    committed: boolean("committed").notNull(),
    issues: jsonb("issues").$type<ImportIssue[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ name: "import_history_pkey", columns: [t.orgId, t.id] }),
    index("import_history_org_at_idx").on(t.orgId, t.at),
  ],
);
