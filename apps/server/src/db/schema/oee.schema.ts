import { MACHINE_STATES, STATE_SOURCES } from "@clusterbrain/contracts";
import { doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const orgId = () =>
  text("org_id")
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" });

/** Per machine: ideal cycle time (master data) and which tag keys carry state, reason and counts (0022_oee.sql). */
export const oeeMachineSettings = pgTable(
  "oee_machine_settings",
  {
    orgId: orgId(),
    machineId: text("machine_id").notNull(),
    idealCycleS: doublePrecision("ideal_cycle_s"),
    stateTag: text("state_tag"),
    reasonTag: text("reason_tag"),
    goodTag: text("good_tag"),
    rejectTag: text("reject_tag"),
    totalTag: text("total_tag"),
    idealCycleTag: text("ideal_cycle_tag"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "oee_machine_settings_pk", columns: [t.orgId, t.machineId] })],
);

/** The machine's current state (the open interval) and its counters' last readings. */
export const oeeMachineStatus = pgTable(
  "oee_machine_status",
  {
    orgId: orgId(),
    machineId: text("machine_id").notNull(),
    state: text("state", { enum: MACHINE_STATES }),
    reason: text("reason").notNull().default(""),
    since: ts("since"),
    openEventId: text("open_event_id"),
    /** tag id → last counter reading (deltas are counted, a reset starts again from the new reading). */
    counters: jsonb("counters").$type<Record<string, number>>().notNull().default({}),
    /** Latest reading of the ideal-cycle tag, seconds. */
    idealCycleS: doublePrecision("ideal_cycle_s"),
    lastTs: ts("last_ts"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "oee_machine_status_pk", columns: [t.orgId, t.machineId] })],
);

/** State intervals of a machine (end null while it lasts), from its state tag or entered by hand. */
export const oeeStateEvents = pgTable(
  "oee_state_events",
  {
    orgId: orgId(),
    id: text("id").notNull(),
    machineId: text("machine_id").notNull(),
    state: text("state", { enum: MACHINE_STATES }).notNull(),
    reason: text("reason").notNull().default(""),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    source: text("source", { enum: STATE_SOURCES }).notNull(),
    note: text("note").notNull().default(""),
    enteredBy: text("entered_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "oee_state_events_pk", columns: [t.orgId, t.id] }),
    index("oee_state_events_machine").on(t.orgId, t.machineId, t.startedAt),
  ],
);

/** Good and total units per machine and minute (deltas of the count tags). */
export const oeeCounts = pgTable(
  "oee_counts",
  {
    orgId: orgId(),
    machineId: text("machine_id").notNull(),
    bucket: ts("bucket").notNull(),
    good: doublePrecision("good").notNull().default(0),
    total: doublePrecision("total").notNull().default(0),
  },
  (t) => [primaryKey({ name: "oee_counts_pk", columns: [t.orgId, t.machineId, t.bucket] })],
);
