-- Alarm operations (issue 11): notification channels configured per org (e-mail recipients or a
-- group robot's webhook and signing secret, the priorities each receives, quiet hours), and the
-- low-priority notifications a channel holds during its quiet hours until the summary is sent.
CREATE TABLE "mon_channels" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"priorities" jsonb NOT NULL,
	"recipients" jsonb NOT NULL,
	"webhook_url" text,
	"secret" text,
	"quiet_start" text,
	"quiet_end" text,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"last_sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mon_channels_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "mon_channels_kind" CHECK ("kind" IN ('email', 'dingtalk', 'wecom', 'feishu'))
);
--> statement-breakpoint
ALTER TABLE "mon_channels" ADD CONSTRAINT "mon_channels_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "mon_channel_held" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"channel_id" text NOT NULL,
	"alarm_id" text NOT NULL,
	"tag_key" text NOT NULL,
	"priority" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"escalation" boolean DEFAULT false NOT NULL,
	"held_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mon_channel_held_pk" PRIMARY KEY ("org_id", "id")
);
--> statement-breakpoint
ALTER TABLE "mon_channel_held" ADD CONSTRAINT "mon_channel_held_channel_fk" FOREIGN KEY ("org_id", "channel_id") REFERENCES "public"."mon_channels"("org_id", "id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "mon_channel_held_channel" ON "mon_channel_held" ("org_id", "channel_id", "held_at");
