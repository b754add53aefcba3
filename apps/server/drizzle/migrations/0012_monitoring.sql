-- Early warning on live telemetry (issue 11): one detector per numeric tag (its learned state as a
-- JSON snapshot, so a restart resumes without re-learning), ISA-18.2 alarms (one row per
-- excursion of a tag) and their comments. Every key includes org_id (Citus: distribute by org_id).
CREATE TABLE "mon_detectors" (
	"org_id" text NOT NULL,
	"tag_id" text NOT NULL,
	"status" text NOT NULL,
	"target_arl" integer DEFAULT 10000 NOT NULL,
	"learned_points" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"snapshot" jsonb,
	"machine" jsonb,
	"message" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mon_detectors_pk" PRIMARY KEY ("org_id", "tag_id"),
	CONSTRAINT "mon_detectors_status" CHECK ("status" IN ('learning', 'ready', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "mon_detectors" ADD CONSTRAINT "mon_detectors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "mon_alarms" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"tag_id" text NOT NULL,
	"occurrence" integer NOT NULL,
	"priority" text NOT NULL,
	"state" text NOT NULL,
	"active" boolean NOT NULL,
	"shelved_until" timestamp with time zone,
	"raised_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"value" double precision,
	"score" double precision NOT NULL,
	"sources" jsonb NOT NULL,
	"escalated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mon_alarms_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "mon_alarms_excursion" UNIQUE ("org_id", "tag_id", "occurrence"),
	CONSTRAINT "mon_alarms_state" CHECK ("state" IN ('unack', 'acked', 'rtn_unack', 'normal')),
	CONSTRAINT "mon_alarms_priority" CHECK ("priority" IN ('low', 'medium', 'high', 'critical'))
);
--> statement-breakpoint
ALTER TABLE "mon_alarms" ADD CONSTRAINT "mon_alarms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "mon_alarms_raised" ON "mon_alarms" ("org_id", "raised_at");
--> statement-breakpoint
CREATE TABLE "mon_alarm_comments" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"alarm_id" text NOT NULL,
	"user_id" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mon_alarm_comments_pk" PRIMARY KEY ("org_id", "id")
);
--> statement-breakpoint
ALTER TABLE "mon_alarm_comments" ADD CONSTRAINT "mon_alarm_comments_alarm_fk" FOREIGN KEY ("org_id", "alarm_id") REFERENCES "public"."mon_alarms"("org_id", "id") ON DELETE cascade ON UPDATE no action;
