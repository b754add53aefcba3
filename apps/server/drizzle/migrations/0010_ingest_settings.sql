-- Per-firm ingest settings. opcua_test_rig: the firm allows OPC UA security mode None (a test rig);
-- otherwise only SignAndEncrypt with a trusted server certificate is used.
CREATE TABLE "ingest_settings" (
	"org_id" text PRIMARY KEY NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"opcua_test_rig" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
