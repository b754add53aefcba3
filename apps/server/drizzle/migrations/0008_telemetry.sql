-- Device telemetry: the asset tree (site → line → machine → device → tag), device credentials,
-- points and their 1-minute / 1-hour rollups. Every table is keyed by org_id first (primary and
-- unique keys include it), so each can be distributed by org_id (Citus); parents are referenced
-- by (org_id, id), so a record can only hang under its own org's parent.
-- Points are range-partitioned by ts on PGlite and PostgreSQL alike (PGlite is PostgreSQL): the
-- default partition catches anything no day partition covers; the telemetry module creates the
-- day partitions ahead at start and hourly, moving rows out of the default one if needed, and
-- drops day partitions past the raw retention.
CREATE TABLE "tel_sites" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "tel_sites_name_key" UNIQUE ("org_id", "name")
);

CREATE TABLE "tel_lines" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"site_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "tel_lines_name_key" UNIQUE ("org_id", "site_id", "name"),
	FOREIGN KEY ("org_id", "site_id") REFERENCES "tel_sites"("org_id", "id") ON DELETE CASCADE
);

CREATE TABLE "tel_machines" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"line_id" text NOT NULL,
	"name" text NOT NULL,
	"process_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "tel_machines_name_key" UNIQUE ("org_id", "line_id", "name"),
	FOREIGN KEY ("org_id", "line_id") REFERENCES "tel_lines"("org_id", "id") ON DELETE CASCADE
);

CREATE TABLE "tel_devices" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"machine_id" text NOT NULL,
	"name" text NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"connection_changed_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "tel_devices_name_key" UNIQUE ("org_id", "machine_id", "name"),
	FOREIGN KEY ("org_id", "machine_id") REFERENCES "tel_machines"("org_id", "id") ON DELETE CASCADE
);

-- One broker credential per device: a generated username and the argon2id hash of the password
-- (shown once). Usernames are random, so the username index finds one row across all orgs.
CREATE TABLE "tel_device_credentials" (
	"org_id" text NOT NULL,
	"device_id" text NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	PRIMARY KEY ("org_id", "device_id"),
	CONSTRAINT "tel_device_credentials_username_key" UNIQUE ("org_id", "username"),
	FOREIGN KEY ("org_id", "device_id") REFERENCES "tel_devices"("org_id", "id") ON DELETE CASCADE
);
CREATE INDEX "tel_device_credentials_username_idx" ON "tel_device_credentials" ("username");

CREATE TABLE "tel_tags" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"device_id" text NOT NULL,
	"key" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"data_type" text NOT NULL,
	"low" double precision,
	"high" double precision,
	"sampling_ms" integer DEFAULT 1000 NOT NULL,
	"spc" jsonb DEFAULT '{"enabled":false}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "tel_tags_key_key" UNIQUE ("org_id", "device_id", "key"),
	CONSTRAINT "tel_tags_data_type_check" CHECK ("data_type" IN ('number', 'boolean', 'string')),
	FOREIGN KEY ("org_id", "device_id") REFERENCES "tel_devices"("org_id", "id") ON DELETE CASCADE
);

-- Raw points: one value column per data type. No foreign keys (a check per row would halve the
-- ingest rate); deleting a tag or device deletes its points in the same transaction.
CREATE TABLE "tel_points" (
	"org_id" text NOT NULL,
	"device_id" text NOT NULL,
	"tag_id" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"num" double precision,
	"bool" boolean,
	"str" text,
	PRIMARY KEY ("org_id", "device_id", "tag_id", "ts")
) PARTITION BY RANGE ("ts");
CREATE TABLE "tel_points_default" PARTITION OF "tel_points" DEFAULT;

-- Rollups, maintained in the transaction that stores the points. mean = sum / count; `last` is
-- the value at last_ts (numbers and booleans as 0/1 in last_num, strings in last_str).
CREATE TABLE "tel_rollup_1m" (
	"org_id" text NOT NULL,
	"device_id" text NOT NULL,
	"tag_id" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min" double precision,
	"max" double precision,
	"sum" double precision,
	"count" integer NOT NULL,
	"last_ts" timestamp with time zone NOT NULL,
	"last_num" double precision,
	"last_str" text,
	PRIMARY KEY ("org_id", "device_id", "tag_id", "bucket")
);
CREATE INDEX "tel_rollup_1m_bucket_idx" ON "tel_rollup_1m" ("bucket");

CREATE TABLE "tel_rollup_1h" (
	"org_id" text NOT NULL,
	"device_id" text NOT NULL,
	"tag_id" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min" double precision,
	"max" double precision,
	"sum" double precision,
	"count" integer NOT NULL,
	"last_ts" timestamp with time zone NOT NULL,
	"last_num" double precision,
	"last_str" text,
	PRIMARY KEY ("org_id", "device_id", "tag_id", "bucket")
);
CREATE INDEX "tel_rollup_1h_bucket_idx" ON "tel_rollup_1h" ("bucket");
