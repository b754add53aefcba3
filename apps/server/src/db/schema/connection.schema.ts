import { boolean, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Device connections and the OPC UA trust list (migration 0027_device_connections.sql holds the
 * unique keys, the kind check and the device foreign key). Keyed by (org_id, id).
 */
export const ingestConnections = pgTable(
  "ingest_connections",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    name: text("name").notNull(),
    deviceId: text("device_id").notNull(),
    kind: text("kind", { enum: ["opcua", "modbus"] }).notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** The kind's settings without secrets (OpcuaStoredConfig / ModbusStoredConfig). */
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    /** OPC UA user password; never returned by the API. */
    secret: text("secret"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const opcuaTrustedCertificates = pgTable(
  "opcua_trusted_certificates",
  {
    orgId: text("org_id").notNull(),
    id: text("id").notNull(),
    thumbprint: text("thumbprint").notNull(),
    subject: text("subject").notNull(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    pem: text("pem").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
