-- Planning master data of a firm (items, BOM lines, stock, open and customer orders, demand history,
-- forecast overrides): one row per record, its data validated by the contracts' zod schema per entity,
-- unique per (org, entity, natural key). Every key includes org_id (Citus: distribute by org_id).
CREATE TABLE "planning_records" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_records_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "planning_records_natural_key" UNIQUE ("org_id", "entity", "key")
);
--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
