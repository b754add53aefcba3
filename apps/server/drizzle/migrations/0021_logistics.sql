-- Logistics tracking: shipments an org sends (org_id is the shipper), their tracking events (added
-- through the API or a signed carrier webhook; external_id is the carrier's event id, unique per org
-- so a replay is refused), and one carrier-webhook secret per org.
CREATE TABLE "logistics_shipments" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"consignee_org_id" text,
	"consignee_name" text DEFAULT '' NOT NULL,
	"carrier" text NOT NULL,
	"tracking_no" text NOT NULL,
	"promised_on" date NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"carrier_eta" timestamp with time zone,
	"last_event_at" timestamp with time zone,
	"late_notified_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logistics_shipments_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "logistics_shipments" ADD CONSTRAINT "logistics_shipments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_shipments" ADD CONSTRAINT "logistics_shipments_consignee_fk" FOREIGN KEY ("consignee_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "logistics_shipments_tracking_key" ON "logistics_shipments" USING btree ("org_id","tracking_no");--> statement-breakpoint
CREATE TABLE "logistics_shipment_events" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"eta" timestamp with time zone,
	"source" text NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logistics_shipment_events_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "logistics_shipment_events" ADD CONSTRAINT "logistics_shipment_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_shipment_events" ADD CONSTRAINT "logistics_shipment_events_shipment_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."logistics_shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "logistics_shipment_events_shipment_idx" ON "logistics_shipment_events" USING btree ("shipment_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "logistics_shipment_events_external_key" ON "logistics_shipment_events" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE TABLE "logistics_webhook_secrets" (
	"org_id" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logistics_webhook_secrets_pkey" PRIMARY KEY ("org_id")
);
--> statement-breakpoint
ALTER TABLE "logistics_webhook_secrets" ADD CONSTRAINT "logistics_webhook_secrets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
