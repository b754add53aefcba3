import { MACHINE_PROCESS_TYPES, type SpcSettings, TAG_DATA_TYPES } from "@clusterbrain/contracts";
import {
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Device telemetry (migration 0008_telemetry.sql holds the keys, foreign keys and partitioning):
 * every table is keyed by (org_id, …) so it can be distributed by org_id.
 */
const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const telSites = pgTable(
  "tel_sites",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    name: text("name").notNull(),
    location: text("location").notNull().default(""),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const telLines = pgTable(
  "tel_lines",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    siteId: text("site_id").notNull(),
    name: text("name").notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const telMachines = pgTable(
  "tel_machines",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    lineId: text("line_id").notNull(),
    name: text("name").notNull(),
    processType: text("process_type", { enum: MACHINE_PROCESS_TYPES }).notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const telDevices = pgTable(
  "tel_devices",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    machineId: text("machine_id").notNull(),
    name: text("name").notNull(),
    online: boolean("online").notNull().default(false),
    connectionChangedAt: timestamp("connection_changed_at", { withTimezone: true }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const telDeviceCredentials = pgTable(
  "tel_device_credentials",
  {
    orgId: text("org_id").notNull(),
    deviceId: text("device_id").notNull(),
    username: text("username").notNull(),
    passwordHash: text("password_hash").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.deviceId] })],
);

export const telTags = pgTable(
  "tel_tags",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    deviceId: text("device_id").notNull(),
    key: text("key").notNull(),
    unit: text("unit").notNull().default(""),
    dataType: text("data_type", { enum: TAG_DATA_TYPES }).notNull(),
    low: doublePrecision("low"),
    high: doublePrecision("high"),
    samplingMs: integer("sampling_ms").notNull().default(1000),
    spc: jsonb("spc").$type<SpcSettings>().notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** Partitioned by ts (see the migration); written only by the point writer's one statement. */
export const telPoints = pgTable(
  "tel_points",
  {
    orgId: text("org_id").notNull(),
    deviceId: text("device_id").notNull(),
    tagId: text("tag_id").notNull(),
    ts: timestamp("ts", { withTimezone: true }).notNull(),
    num: doublePrecision("num"),
    bool: boolean("bool"),
    str: text("str"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.deviceId, t.tagId, t.ts] })],
);

function rollupTable<N extends string>(name: N) {
  return pgTable(
    name,
    {
      orgId: text("org_id").notNull(),
      deviceId: text("device_id").notNull(),
      tagId: text("tag_id").notNull(),
      bucket: timestamp("bucket", { withTimezone: true }).notNull(),
      min: doublePrecision("min"),
      max: doublePrecision("max"),
      sum: doublePrecision("sum"),
      count: integer("count").notNull(),
      lastTs: timestamp("last_ts", { withTimezone: true }).notNull(),
      lastNum: doublePrecision("last_num"),
      lastStr: text("last_str"),
    },
    (t) => [primaryKey({ columns: [t.orgId, t.deviceId, t.tagId, t.bucket] })],
  );
}

export const telRollup1m = rollupTable("tel_rollup_1m");
export const telRollup1h = rollupTable("tel_rollup_1h");
