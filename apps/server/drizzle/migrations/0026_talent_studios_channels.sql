-- Skill-master studios (技能大师工作室) with apprentices and training records, project staffing from
-- the talent pool (decided by the person's org, like a secondment), and marketing channels shared
-- between firms by agreement. org_id of a studio is the master's org; of an apprentice row the
-- studio's org; of a staffing request the person's org (which decides); of a channel and of a share
-- the channel owner (which decides and may revoke).
CREATE TABLE "talent_studios" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"skill" text NOT NULL,
	"master_id" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent_studios" ADD CONSTRAINT "talent_studios_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_studios" ADD CONSTRAINT "talent_studios_master_fk" FOREIGN KEY ("master_id") REFERENCES "public"."talent_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_studios_org_idx" ON "talent_studios" USING btree ("org_id");--> statement-breakpoint
CREATE TABLE "talent_studio_apprentices" (
	"studio_id" text NOT NULL,
	"person_id" text NOT NULL,
	"org_id" text NOT NULL,
	"joined_on" date NOT NULL,
	CONSTRAINT "talent_studio_apprentices_pkey" PRIMARY KEY ("studio_id", "person_id")
);
--> statement-breakpoint
ALTER TABLE "talent_studio_apprentices" ADD CONSTRAINT "talent_studio_apprentices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_studio_apprentices" ADD CONSTRAINT "talent_studio_apprentices_studio_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."talent_studios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_studio_apprentices" ADD CONSTRAINT "talent_studio_apprentices_person_fk" FOREIGN KEY ("person_id") REFERENCES "public"."talent_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "talent_studio_trainings" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"studio_id" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"hours" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_studio_trainings_hours_check" CHECK ("hours" > 0)
);
--> statement-breakpoint
ALTER TABLE "talent_studio_trainings" ADD CONSTRAINT "talent_studio_trainings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_studio_trainings" ADD CONSTRAINT "talent_studio_trainings_studio_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."talent_studios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_studio_trainings_studio_idx" ON "talent_studio_trainings" USING btree ("studio_id","held_on");--> statement-breakpoint
CREATE TABLE "talent_staffing" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"requester_org_id" text NOT NULL,
	"person_id" text NOT NULL,
	"project_id" text,
	"project_title" text NOT NULL,
	"role" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text NOT NULL,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "talent_staffing_dates_check" CHECK ("starts_on" <= "ends_on")
);
--> statement-breakpoint
ALTER TABLE "talent_staffing" ADD CONSTRAINT "talent_staffing_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_staffing" ADD CONSTRAINT "talent_staffing_requester_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_staffing" ADD CONSTRAINT "talent_staffing_person_fk" FOREIGN KEY ("person_id") REFERENCES "public"."talent_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_staffing_org_idx" ON "talent_staffing" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_staffing_requester_idx" ON "talent_staffing" USING btree ("requester_org_id","created_at");--> statement-breakpoint
CREATE TABLE "marketing_channels" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketing_channels_kind_check" CHECK ("kind" IN ('distributor', 'hospital_group', 'fair', 'conference'))
);
--> statement-breakpoint
ALTER TABLE "marketing_channels" ADD CONSTRAINT "marketing_channels_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "marketing_channel_shares" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"requester_org_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "marketing_channel_shares_status_check" CHECK ("status" IN ('pending', 'approved', 'declined', 'revoked'))
);
--> statement-breakpoint
ALTER TABLE "marketing_channel_shares" ADD CONSTRAINT "marketing_channel_shares_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_channel_shares" ADD CONSTRAINT "marketing_channel_shares_channel_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."marketing_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_channel_shares" ADD CONSTRAINT "marketing_channel_shares_requester_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketing_channel_shares_org_idx" ON "marketing_channel_shares" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "marketing_channel_shares_requester_idx" ON "marketing_channel_shares" USING btree ("requester_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_channel_shares_open_key" ON "marketing_channel_shares" USING btree ("channel_id","requester_org_id") WHERE "status" IN ('pending', 'approved');
