-- Scheduling scenarios of a firm: the compiled plan (solver input + names), the operations of the
-- schedule, its KPIs, locks and the undo stack of Gantt moves. One scenario per firm is the published
-- plan. Every key includes org_id (Citus: distribute by org_id).
CREATE TABLE "schedule_scenarios" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"objective" text NOT NULL,
	"time_limit_seconds" double precision NOT NULL,
	"status" text NOT NULL,
	"job_id" text,
	"parent_id" text,
	"origin" text NOT NULL,
	"plan" jsonb NOT NULL,
	"meta" jsonb NOT NULL,
	"operations" jsonb,
	"kpis" jsonb,
	"locked" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"affected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_scenarios_pk" PRIMARY KEY ("org_id", "id")
);
--> statement-breakpoint
ALTER TABLE "schedule_scenarios" ADD CONSTRAINT "schedule_scenarios_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "schedule_scenarios_org_created_idx" ON "schedule_scenarios" USING btree ("org_id","created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_scenarios_one_published" ON "schedule_scenarios" USING btree ("org_id") WHERE "published";
