import type { JobError, JobKind, JobStatus } from "@clusterbrain/contracts";
import { doublePrecision, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Long engine runs (schedule, MRP, forecast, analytics). `org_id` owns the row: only that org's
 * members see it. No foreign keys, so a job's record outlives the user who started it.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind").$type<JobKind>().notNull(),
    orgId: text("org_id").notNull(),
    createdBy: text("created_by"),
    status: text("status").$type<JobStatus>().notNull(),
    progress: doublePrecision("progress").notNull().default(0),
    note: text("note"),
    input: jsonb("input").notNull(),
    result: jsonb("result"),
    error: jsonb("error").$type<JobError>(),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_org_created_idx").on(t.orgId, t.createdAt), index("jobs_status_idx").on(t.status)],
);
