import { SECONDMENT_STATUSES, TALENT_AVAILABILITIES } from "@clusterbrain/contracts";
import {
  boolean,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";

/** A person in the talent pool; org_id is the employer. Other orgs see them only with `consent` (0018). */
export const talentPeople = pgTable(
  "talent_people",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    skills: jsonb("skills").$type<string[]>().notNull().default([]),
    certificates: jsonb("certificates").$type<string[]>().notNull().default([]),
    availability: text("availability", { enum: TALENT_AVAILABILITIES }).notNull().default("available"),
    consent: boolean("consent").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("talent_people_org_idx").on(t.orgId)],
);

/** A secondment (挂职): org_id is the person's org (which decides), requester_org_id the asking org. */
export const talentSecondments = pgTable(
  "talent_secondments",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    requesterOrgId: text("requester_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => talentPeople.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    status: text("status", { enum: SECONDMENT_STATUSES }).notNull(),
    requestedBy: text("requested_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("talent_secondments_org_idx").on(t.orgId, t.createdAt),
    index("talent_secondments_requester_idx").on(t.requesterOrgId, t.createdAt),
  ],
);

/** A skill competition (技能比武); org_id is its organiser. */
export const talentCompetitions = pgTable("talent_competitions", {
  id: text("id").primaryKey(),
  orgId: text("org_id")
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  skill: text("skill").notNull(),
  heldOn: date("held_on", { mode: "string" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A participant of a competition; org_id is the participant's org. One entry per person. */
export const talentEntries = pgTable(
  "talent_entries",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    competitionId: text("competition_id")
      .notNull()
      .references(() => talentCompetitions.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => talentPeople.id, { onDelete: "cascade" }),
    score: doublePrecision("score"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("talent_entries_person_key").on(t.competitionId, t.personId)],
);
