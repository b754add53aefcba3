-- Device connections a firm stores and the server runs (OPC UA subscriptions, Modbus TCP polling),
-- each feeding one asset-tree device; and the firm's OPC UA trust list. Keyed by org_id first so
-- both tables distribute by org. config holds no secret; secret (an OPC UA user password) is
-- never returned by the API.
CREATE TABLE "ingest_connections" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"device_id" text NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config" jsonb NOT NULL,
	"secret" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ingest_connections_pkey" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "ingest_connections_name_key" UNIQUE ("org_id", "name"),
	CONSTRAINT "ingest_connections_kind_check" CHECK ("kind" IN ('opcua', 'modbus')),
	FOREIGN KEY ("org_id", "device_id") REFERENCES "tel_devices"("org_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE "opcua_trusted_certificates" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" text NOT NULL,
	"thumbprint" text NOT NULL,
	"subject" text NOT NULL,
	"valid_to" timestamp with time zone,
	"pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opcua_trusted_certificates_pkey" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "opcua_trusted_certificates_thumbprint_key" UNIQUE ("org_id", "thumbprint")
);
