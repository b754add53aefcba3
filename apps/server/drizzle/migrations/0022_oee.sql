-- OEE store (issue 11): per machine its settings (ideal cycle time, state/count tags), its current
-- state with the counters' last readings, its state intervals (from the state tag or entered by
-- hand, with a reason code) and good/total counts per minute. Every key includes org_id.
CREATE TABLE "oee_machine_settings" (
	"org_id" text NOT NULL,
	"machine_id" text NOT NULL,
	"ideal_cycle_s" double precision,
	"state_tag" text,
	"reason_tag" text,
	"good_tag" text,
	"reject_tag" text,
	"total_tag" text,
	"ideal_cycle_tag" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oee_machine_settings_pk" PRIMARY KEY ("org_id", "machine_id"),
	CONSTRAINT "oee_machine_settings_cycle" CHECK ("ideal_cycle_s" IS NULL OR "ideal_cycle_s" > 0)
);
--> statement-breakpoint
ALTER TABLE "oee_machine_settings" ADD CONSTRAINT "oee_machine_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "oee_machine_status" (
	"org_id" text NOT NULL,
	"machine_id" text NOT NULL,
	"state" text,
	"reason" text DEFAULT '' NOT NULL,
	"since" timestamp with time zone,
	"open_event_id" text,
	"counters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ideal_cycle_s" double precision,
	"last_ts" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oee_machine_status_pk" PRIMARY KEY ("org_id", "machine_id"),
	CONSTRAINT "oee_machine_status_state" CHECK ("state" IS NULL OR "state" IN ('running', 'idle', 'setup', 'down', 'planned_stop'))
);
--> statement-breakpoint
ALTER TABLE "oee_machine_status" ADD CONSTRAINT "oee_machine_status_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "oee_state_events" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"machine_id" text NOT NULL,
	"state" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oee_state_events_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "oee_state_events_state" CHECK ("state" IN ('running', 'idle', 'setup', 'down', 'planned_stop')),
	CONSTRAINT "oee_state_events_source" CHECK ("source" IN ('tag', 'manual')),
	CONSTRAINT "oee_state_events_span" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at")
);
--> statement-breakpoint
ALTER TABLE "oee_state_events" ADD CONSTRAINT "oee_state_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "oee_state_events_machine" ON "oee_state_events" ("org_id", "machine_id", "started_at");
--> statement-breakpoint
CREATE TABLE "oee_counts" (
	"org_id" text NOT NULL,
	"machine_id" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"good" double precision DEFAULT 0 NOT NULL,
	"total" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "oee_counts_pk" PRIMARY KEY ("org_id", "machine_id", "bucket")
);
--> statement-breakpoint
ALTER TABLE "oee_counts" ADD CONSTRAINT "oee_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
