-- Capacity exchange on real plans: offers published from idle hours of a firm's published schedule
-- (source 'schedule', one work centre and week), RFQs a buyer posts (org_id = the buyer), the
-- suppliers it invites (org_id = the supplier), their quotes (org_id = the supplier) and orders that
-- come from an accepted quote. An RFQ is ordered once: the accept flips its status with one
-- conditional UPDATE, so a second accept is refused however many race. An order may point at the
-- logistics shipment the seller records; the shipment's events give the order its status.
ALTER TABLE "capacity_offers" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "capacity_offers" ADD COLUMN "work_centre" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "capacity_offers" ADD COLUMN "available_from" date;--> statement-breakpoint
ALTER TABLE "capacity_offers" ADD COLUMN "available_to" date;--> statement-breakpoint
ALTER TABLE "capacity_offers" ADD COLUMN "scenario_id" text;--> statement-breakpoint
CREATE INDEX "capacity_offers_schedule_idx" ON "capacity_offers" ("org_id", "work_centre", "available_from");--> statement-breakpoint
CREATE TABLE "capacity_rfqs" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE cascade,
	"id" text NOT NULL,
	"process" text NOT NULL,
	"hours" integer NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"spec" text DEFAULT '' NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_rfqs_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "capacity_rfqs_id_key" UNIQUE ("id"),
	CONSTRAINT "capacity_rfqs_window_check" CHECK ("window_to" >= "window_from")
);
--> statement-breakpoint
CREATE TABLE "capacity_rfq_invites" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE cascade,
	"rfq_id" text NOT NULL REFERENCES "capacity_rfqs"("id") ON DELETE cascade,
	"offer_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_rfq_invites_pk" PRIMARY KEY ("rfq_id", "offer_id")
);
--> statement-breakpoint
CREATE INDEX "capacity_rfq_invites_org_idx" ON "capacity_rfq_invites" ("org_id", "rfq_id");--> statement-breakpoint
CREATE TABLE "capacity_quotes" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE cascade,
	"id" text NOT NULL,
	"rfq_id" text NOT NULL REFERENCES "capacity_rfqs"("id") ON DELETE cascade,
	"offer_id" text NOT NULL,
	"hours" integer NOT NULL,
	"price_per_hour" numeric(12, 2) NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"order_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_quotes_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "capacity_quotes_id_key" UNIQUE ("id"),
	CONSTRAINT "capacity_quotes_offer_fk" FOREIGN KEY ("org_id", "offer_id") REFERENCES "capacity_offers"("org_id", "id") ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX "capacity_quotes_rfq_idx" ON "capacity_quotes" ("rfq_id");--> statement-breakpoint
ALTER TABLE "capacity_orders" ADD COLUMN "rfq_id" text;--> statement-breakpoint
ALTER TABLE "capacity_orders" ADD COLUMN "quote_id" text;--> statement-breakpoint
ALTER TABLE "capacity_orders" ADD COLUMN "start_on" date;--> statement-breakpoint
ALTER TABLE "capacity_orders" ADD COLUMN "end_on" date;--> statement-breakpoint
-- No foreign key to logistics_shipments: that table comes in a later migration (0021).
ALTER TABLE "capacity_orders" ADD COLUMN "shipment_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_orders_quote_key" ON "capacity_orders" ("quote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_orders_shipment_key" ON "capacity_orders" ("shipment_id");
