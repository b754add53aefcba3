-- Talent sharing: a pool of people per org (listed to other orgs only with consent), secondments
-- (挂职) asked by one org for a person of another and decided by the person's org, and skill
-- competitions (技能比武) with entries and scores. org_id of a person is their employer; of a
-- secondment the person's org (which decides); of a competition its organiser; of an entry the
-- participant's org.
CREATE TABLE "talent_people" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" text DEFAULT 'available' NOT NULL,
	"consent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_people_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "talent_people" ADD CONSTRAINT "talent_people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_people_org_idx" ON "talent_people" USING btree ("org_id");--> statement-breakpoint
CREATE TABLE "talent_secondments" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"requester_org_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "talent_secondments_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "talent_secondments_dates_check" CHECK ("starts_on" <= "ends_on")
);
--> statement-breakpoint
ALTER TABLE "talent_secondments" ADD CONSTRAINT "talent_secondments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_secondments" ADD CONSTRAINT "talent_secondments_requester_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_secondments" ADD CONSTRAINT "talent_secondments_person_fk" FOREIGN KEY ("person_id") REFERENCES "public"."talent_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_secondments_org_idx" ON "talent_secondments" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_secondments_requester_idx" ON "talent_secondments" USING btree ("requester_org_id","created_at");--> statement-breakpoint
CREATE TABLE "talent_competitions" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"skill" text NOT NULL,
	"held_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_competitions_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "talent_competitions" ADD CONSTRAINT "talent_competitions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "talent_entries" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"competition_id" text NOT NULL,
	"person_id" text NOT NULL,
	"score" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_entries_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "talent_entries" ADD CONSTRAINT "talent_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_entries" ADD CONSTRAINT "talent_entries_competition_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."talent_competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_entries" ADD CONSTRAINT "talent_entries_person_fk" FOREIGN KEY ("person_id") REFERENCES "public"."talent_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_entries_person_key" ON "talent_entries" USING btree ("competition_id","person_id");
