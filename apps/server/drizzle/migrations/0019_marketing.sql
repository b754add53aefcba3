-- Precision marketing. A hospital is an org with a row in marketing_hospitals (no hospital org kind:
-- the profile row is the flag); its equipment inventory is private data of class "equipment", read
-- by a supplier only through an active grant. Bundles, campaigns and leads belong to the supplier.
CREATE TABLE "marketing_hospitals" (
	"org_id" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"county" text NOT NULL,
	CONSTRAINT "marketing_hospitals_level_check" CHECK ("level" IN ('county', 'city', 'township'))
);
--> statement-breakpoint
ALTER TABLE "marketing_hospitals" ADD CONSTRAINT "marketing_hospitals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "marketing_equipment" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"device_type" text NOT NULL,
	"brand" text NOT NULL,
	"install_year" integer NOT NULL,
	"count" integer NOT NULL,
	"usage_hours" double precision NOT NULL,
	CONSTRAINT "marketing_equipment_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "marketing_equipment_count_check" CHECK ("count" >= 1)
);
--> statement-breakpoint
ALTER TABLE "marketing_equipment" ADD CONSTRAINT "marketing_equipment_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "marketing_bundles" (
	"org_id" text NOT NULL,
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"segment" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"price" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "marketing_bundles" ADD CONSTRAINT "marketing_bundles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "marketing_bundles_org_idx" ON "marketing_bundles" ("org_id");
--> statement-breakpoint
CREATE TABLE "marketing_campaigns" (
	"org_id" text NOT NULL,
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"segment" jsonb NOT NULL,
	"bundle_id" text,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "marketing_campaigns" ADD CONSTRAINT "marketing_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "marketing_campaigns_org_idx" ON "marketing_campaigns" ("org_id");
--> statement-breakpoint
CREATE TABLE "marketing_leads" (
	"org_id" text NOT NULL,
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"account_org_id" text NOT NULL,
	"contact" text NOT NULL,
	"stage" text NOT NULL,
	"activities" jsonb NOT NULL,
	CONSTRAINT "marketing_leads_stage_check" CHECK ("stage" IN ('prospect', 'contacted', 'proposal', 'won', 'lost'))
);
--> statement-breakpoint
ALTER TABLE "marketing_leads" ADD CONSTRAINT "marketing_leads_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "marketing_leads" ADD CONSTRAINT "marketing_leads_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "marketing_leads" ADD CONSTRAINT "marketing_leads_account_org_id_orgs_id_fk" FOREIGN KEY ("account_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "marketing_leads_org_idx" ON "marketing_leads" ("org_id");
