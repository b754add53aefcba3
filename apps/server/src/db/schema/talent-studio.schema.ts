import { CHANNEL_KINDS, CHANNEL_SHARE_STATUSES, SECONDMENT_STATUSES } from "@clusterbrain/contracts";
import { date, doublePrecision, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { talentPeople } from "./talent.schema.ts";

const orgRef = () =>
  text("org_id")
    .notNull()
    .references(() => orgs.id, { onDelete: "cascade" });

/** A skill-master studio (技能大师工作室); org_id is the master's org (0026). */
export const talentStudios = pgTable(
  "talent_studios",
  {
    id: text("id").primaryKey(),
    orgId: orgRef(),
    name: text("name").notNull(),
    skill: text("skill").notNull(),
    masterId: text("master_id")
      .notNull()
      .references(() => talentPeople.id, { onDelete: "cascade" }),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("talent_studios_org_idx").on(t.orgId)],
);

/** An apprentice of a studio; org_id is the studio's org (which took them on). */
export const talentStudioApprentices = pgTable(
  "talent_studio_apprentices",
  {
    studioId: text("studio_id")
      .notNull()
      .references(() => talentStudios.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => talentPeople.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    joinedOn: date("joined_on", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ name: "talent_studio_apprentices_pkey", columns: [t.studioId, t.personId] })],
);

/** A training session of a studio. */
export const talentStudioTrainings = pgTable(
  "talent_studio_trainings",
  {
    id: text("id").primaryKey(),
    orgId: orgRef(),
    studioId: text("studio_id")
      .notNull()
      .references(() => talentStudios.id, { onDelete: "cascade" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    topic: text("topic").notNull(),
    hours: doublePrecision("hours").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("talent_studio_trainings_studio_idx").on(t.studioId, t.heldOn)],
);

/** A project staffing request: org_id is the person's org (which decides), requester_org_id the asker. */
export const talentStaffing = pgTable(
  "talent_staffing",
  {
    id: text("id").primaryKey(),
    orgId: orgRef(),
    requesterOrgId: text("requester_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => talentPeople.id, { onDelete: "cascade" }),
    projectId: text("project_id"),
    projectTitle: text("project_title").notNull(),
    role: text("role").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    status: text("status", { enum: SECONDMENT_STATUSES }).notNull(),
    requestedBy: text("requested_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("talent_staffing_org_idx").on(t.orgId, t.createdAt),
    index("talent_staffing_requester_idx").on(t.requesterOrgId, t.createdAt),
  ],
);

/** A sales channel a firm offers for sharing; org_id is its owner. */
export const marketingChannels = pgTable("marketing_channels", {
  id: text("id").primaryKey(),
  orgId: orgRef(),
  kind: text("kind", { enum: CHANNEL_KINDS }).notNull(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An agreement to share a channel: org_id is the owner (decides, may revoke), requester_org_id the user. */
export const marketingChannelShares = pgTable(
  "marketing_channel_shares",
  {
    id: text("id").primaryKey(),
    orgId: orgRef(),
    channelId: text("channel_id")
      .notNull()
      .references(() => marketingChannels.id, { onDelete: "cascade" }),
    requesterOrgId: text("requester_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    note: text("note").notNull().default(""),
    status: text("status", { enum: CHANNEL_SHARE_STATUSES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("marketing_channel_shares_org_idx").on(t.orgId),
    index("marketing_channel_shares_requester_idx").on(t.requesterOrgId),
  ],
);
