import type {
  PlanInstance,
  ScenarioKpis,
  ScenarioStatus,
  ScheduleObjectiveName,
} from "@clusterbrain/contracts";
import type { ScheduledOperation } from "@clusterbrain/engine/schedule";
import {
  boolean,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** An operation key "job:op". */
export type OpKey = string;

/** A firm's scheduling scenario; `meta` holds the names behind every index of `plan` (PlanMeta). */
export const scheduleScenarios = pgTable(
  "schedule_scenarios",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    name: text("name").notNull(),
    objective: text("objective").$type<ScheduleObjectiveName>().notNull(),
    timeLimitSeconds: doublePrecision("time_limit_seconds").notNull(),
    status: text("status").$type<ScenarioStatus>().notNull(),
    jobId: text("job_id"),
    parentId: text("parent_id"),
    origin: text("origin").notNull(),
    plan: jsonb("plan").$type<PlanInstance>().notNull(),
    meta: jsonb("meta").$type<unknown>().notNull(),
    operations: jsonb("operations").$type<ScheduledOperation[]>(),
    kpis: jsonb("kpis").$type<ScenarioKpis>(),
    locked: jsonb("locked").$type<OpKey[]>().notNull().default([]),
    affected: jsonb("affected").$type<OpKey[]>().notNull().default([]),
    history: jsonb("history").$type<ScheduledOperation[][]>().notNull().default([]),
    error: text("error"),
    published: boolean("published").notNull().default(false),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "schedule_scenarios_pk", columns: [t.orgId, t.id] }),
    index("schedule_scenarios_org_created_idx").on(t.orgId, t.createdAt),
  ],
);
