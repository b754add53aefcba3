import type { IpTerms } from "@clusterbrain/contracts";
import {
  LISTING_KINDS,
  LISTING_STATUSES,
  MILESTONE_STATUSES,
  PROJECT_ROLES,
  PROJECT_STATUSES,
} from "@clusterbrain/contracts";
import {
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { users } from "./user.schema.ts";

/** 技术需求 / 科技成果: a demand or a capability an org posts; open ones are seen by the whole cluster. */
export const innovationListings = pgTable(
  "innovation_listings",
  {
    id: text("id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: LISTING_KINDS }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    keywords: jsonb("keywords").$type<string[]>().notNull().default([]),
    industryCodes: jsonb("industry_codes").$type<string[]>().notNull().default([]),
    chainNodeIds: jsonb("chain_node_ids").$type<string[]>().notNull().default([]),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    status: text("status", { enum: LISTING_STATUSES }).notNull().default("open"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "innovation_listings_pkey", columns: [t.orgId, t.id] }),
    index("innovation_listings_id_idx").on(t.id),
    index("innovation_listings_open_idx").on(t.status, t.kind),
  ],
);

/** A message from `org_id` to the owner of a listing (`to_org_id`); `project_id` once a project grew out of it. */
export const innovationContacts = pgTable(
  "innovation_contacts",
  {
    id: text("id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    toOrgId: text("to_org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    listingId: text("listing_id").notNull(),
    fromListingId: text("from_listing_id"),
    message: text("message").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    projectId: text("project_id"),
  },
  (t) => [
    primaryKey({ name: "innovation_contacts_pkey", columns: [t.orgId, t.id] }),
    index("innovation_contacts_to_idx").on(t.toOrgId, t.createdAt),
  ],
);

/** A joint 产学研 project; `org_id` is the lead org. Visible to member orgs only. */
export const innovationProjects = pgTable(
  "innovation_projects",
  {
    id: text("id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: PROJECT_STATUSES }).notNull().default("active"),
    contactId: text("contact_id"),
    budgetTotal: doublePrecision("budget_total").notNull().default(0),
    ip: jsonb("ip").$type<IpTerms>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "innovation_projects_pkey", columns: [t.orgId, t.id] }),
    uniqueIndex("innovation_projects_id_idx").on(t.id),
  ],
);

/** Member orgs of a project (`org_id` the member), with role and budget share in percent. */
export const innovationProjectMembers = pgTable(
  "innovation_project_members",
  {
    projectId: text("project_id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    role: text("role", { enum: PROJECT_ROLES }).notNull(),
    budgetShare: doublePrecision("budget_share").notNull().default(0),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "innovation_project_members_pkey", columns: [t.projectId, t.orgId] }),
    index("innovation_project_members_org_idx").on(t.orgId),
  ],
);

/** Milestones with deliverables; `org_id` is the project's lead org. */
export const innovationMilestones = pgTable(
  "innovation_milestones",
  {
    id: text("id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    projectId: text("project_id").notNull(),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    deliverables: jsonb("deliverables").$type<string[]>().notNull().default([]),
    status: text("status", { enum: MILESTONE_STATUSES }).notNull().default("open"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedByOrgId: text("completed_by_org_id"),
  },
  (t) => [
    primaryKey({ name: "innovation_milestones_pkey", columns: [t.projectId, t.id] }),
    index("innovation_milestones_org_idx").on(t.orgId),
  ],
);

/** What happened in a project, by which member org. */
export const innovationActivity = pgTable(
  "innovation_activity",
  {
    id: text("id").notNull(),
    projectId: text("project_id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    detail: text("detail").notNull().default(""),
  },
  (t) => [
    primaryKey({ name: "innovation_activity_pkey", columns: [t.projectId, t.id] }),
    index("innovation_activity_org_idx").on(t.orgId),
  ],
);

/** Raw bytes: Buffer in, Buffer out on both drivers (PGlite hands back a Uint8Array). */
const bytes = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Project documents: each upload of a name is a new version (unique per project, name, version).
 * `org_id` is the project's lead org; `uploaded_by_org_id` the member org that uploaded.
 */
export const innovationDocuments = pgTable(
  "innovation_documents",
  {
    id: text("id").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    projectId: text("project_id").notNull(),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytes("content").notNull(),
    uploadedByOrgId: text("uploaded_by_org_id").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "innovation_documents_pkey", columns: [t.projectId, t.id] }),
    uniqueIndex("innovation_documents_version_idx").on(t.projectId, t.name, t.version),
    index("innovation_documents_org_idx").on(t.orgId),
  ],
);
