-- Open innovation hub, part 1: technology demands (技术需求) and capabilities/results (科技成果),
-- contact through the platform, and 产学研 joint projects across organisations. Projects are seen by
-- member orgs only (innovation_project_members); org_id on a project, milestone: the lead org.
CREATE TABLE "innovation_listings" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"industry_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"chain_node_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "innovation_listings_pkey" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "innovation_listings_kind_check" CHECK ("kind" IN ('demand', 'capability')),
	CONSTRAINT "innovation_listings_status_check" CHECK ("status" IN ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "innovation_listings" ADD CONSTRAINT "innovation_listings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_listings" ADD CONSTRAINT "innovation_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "innovation_listings_id_idx" ON "innovation_listings" USING btree ("id");--> statement-breakpoint
CREATE INDEX "innovation_listings_open_idx" ON "innovation_listings" USING btree ("status","kind");--> statement-breakpoint
CREATE TABLE "innovation_contacts" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"to_org_id" text NOT NULL,
	"listing_id" text NOT NULL,
	"from_listing_id" text,
	"message" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_id" text,
	CONSTRAINT "innovation_contacts_pkey" PRIMARY KEY ("org_id", "id")
);
--> statement-breakpoint
ALTER TABLE "innovation_contacts" ADD CONSTRAINT "innovation_contacts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_contacts" ADD CONSTRAINT "innovation_contacts_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_contacts" ADD CONSTRAINT "innovation_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "innovation_contacts_to_idx" ON "innovation_contacts" USING btree ("to_org_id","created_at");--> statement-breakpoint
CREATE TABLE "innovation_projects" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"contact_id" text,
	"budget_total" double precision DEFAULT 0 NOT NULL,
	"ip" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovation_projects_pkey" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "innovation_projects_status_check" CHECK ("status" IN ('active', 'completed', 'cancelled')),
	CONSTRAINT "innovation_projects_budget_check" CHECK ("budget_total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "innovation_projects" ADD CONSTRAINT "innovation_projects_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_projects" ADD CONSTRAINT "innovation_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_projects_id_idx" ON "innovation_projects" USING btree ("id");--> statement-breakpoint
CREATE TABLE "innovation_project_members" (
	"project_id" text NOT NULL,
	"org_id" text NOT NULL,
	"role" text NOT NULL,
	"budget_share" double precision DEFAULT 0 NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovation_project_members_pkey" PRIMARY KEY ("project_id", "org_id"),
	CONSTRAINT "innovation_project_members_share_check" CHECK ("budget_share" >= 0 AND "budget_share" <= 100)
);
--> statement-breakpoint
ALTER TABLE "innovation_project_members" ADD CONSTRAINT "innovation_project_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_project_members" ADD CONSTRAINT "innovation_project_members_project_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "innovation_project_members_org_idx" ON "innovation_project_members" USING btree ("org_id");--> statement-breakpoint
CREATE TABLE "innovation_milestones" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"project_id" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"deliverables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by_org_id" text,
	CONSTRAINT "innovation_milestones_pkey" PRIMARY KEY ("project_id", "id"),
	CONSTRAINT "innovation_milestones_status_check" CHECK ("status" IN ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "innovation_milestones" ADD CONSTRAINT "innovation_milestones_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_milestones" ADD CONSTRAINT "innovation_milestones_project_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "innovation_milestones_org_idx" ON "innovation_milestones" USING btree ("org_id");--> statement-breakpoint
CREATE TABLE "innovation_activity" (
	"id" text NOT NULL,
	"project_id" text NOT NULL,
	"org_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	CONSTRAINT "innovation_activity_pkey" PRIMARY KEY ("project_id", "id")
);
--> statement-breakpoint
ALTER TABLE "innovation_activity" ADD CONSTRAINT "innovation_activity_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_activity" ADD CONSTRAINT "innovation_activity_project_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "innovation_activity_org_idx" ON "innovation_activity" USING btree ("org_id");
