-- Open innovation hub, shared resources: instruments, equipment, labs and experts that an
-- organisation lists for others to book. org_id of a resource is its owner.
--
-- No double booking, even under concurrent requests, is kept by the database itself: an exclusion
-- constraint over (resource_id =, period &&) on the bookings that hold a slot (pending or
-- approved). Mixing `=` on text with `&&` on a range in one GiST index needs btree_gist, which
-- PostgreSQL ships as a (trusted) contrib extension and PGlite loads from
-- @electric-sql/pglite/contrib/btree_gist (see db/database.ts), so this file is the same on both.
-- The extension goes to the public schema: extensions are per database, tests run one schema each,
-- and a default operator class is found by type whatever the search_path. Two migrations racing to
-- create it on a fresh database: the loser's duplicate is ignored (the winner has committed by then).
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;
EXCEPTION WHEN unique_violation OR duplicate_object THEN
  NULL;
END
$$;
--> statement-breakpoint
CREATE TABLE "hub_resources" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"specs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"price_per_hour" integer DEFAULT 0 NOT NULL,
	"rules" text DEFAULT '' NOT NULL,
	"min_hours" integer DEFAULT 1 NOT NULL,
	"max_hours" integer DEFAULT 8 NOT NULL,
	"cancel_notice_hours" integer DEFAULT 24 NOT NULL,
	"open_hour" integer DEFAULT 8 NOT NULL,
	"close_hour" integer DEFAULT 18 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_resources_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "hub_resources_hours_check" CHECK ("min_hours" >= 1 AND "max_hours" >= "min_hours"),
	CONSTRAINT "hub_resources_open_check" CHECK ("open_hour" >= 0 AND "close_hour" <= 24 AND "open_hour" < "close_hour"),
	CONSTRAINT "hub_resources_price_check" CHECK ("price_per_hour" >= 0 AND "cancel_notice_hours" >= 0)
);
--> statement-breakpoint
ALTER TABLE "hub_resources" ADD CONSTRAINT "hub_resources_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_resources_org_idx" ON "hub_resources" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "hub_resources_kind_idx" ON "hub_resources" USING btree ("kind","status");--> statement-breakpoint
-- A booking: org_id is the requesting org (its tenant), owner_org_id the resource's owner; both see it.
-- period is derived from starts_at/ends_at ([start, end): a booking ending at 12:00 and one starting
-- at 12:00 do not overlap).
CREATE TABLE "hub_bookings" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"owner_org_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"period" tstzrange GENERATED ALWAYS AS (tstzrange("starts_at", "ends_at", '[)')) STORED,
	"status" text NOT NULL,
	"purpose" text NOT NULL,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"used_hours" numeric(8, 2),
	"usage_note" text,
	"completed_at" timestamp with time zone,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	CONSTRAINT "hub_bookings_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "hub_bookings_period_check" CHECK ("ends_at" > "starts_at"),
	CONSTRAINT "hub_bookings_rating_check" CHECK ("rating" IS NULL OR ("rating" >= 1 AND "rating" <= 5)),
	CONSTRAINT "hub_bookings_no_overlap" EXCLUDE USING gist ("resource_id" WITH =, "period" WITH &&) WHERE ("status" IN ('pending', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "hub_bookings" ADD CONSTRAINT "hub_bookings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bookings" ADD CONSTRAINT "hub_bookings_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bookings" ADD CONSTRAINT "hub_bookings_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "hub_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bookings" ADD CONSTRAINT "hub_bookings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bookings" ADD CONSTRAINT "hub_bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_bookings_org_idx" ON "hub_bookings" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "hub_bookings_owner_idx" ON "hub_bookings" USING btree ("owner_org_id","status","starts_at");
--> statement-breakpoint
-- Knowledge base: articles, standards lists and lessons learned. org_id is the author org.
-- visibility: cluster (every org), group (the author and the orgs in kb_article_audience), firm
-- (the author and the one org in kb_article_audience).
CREATE TABLE "kb_articles" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"standard_code" text,
	"visibility" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_articles_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_articles_org_idx" ON "kb_articles" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "kb_articles_visibility_idx" ON "kb_articles" USING btree ("visibility","updated_at");--> statement-breakpoint
-- Who else may read a group or firm article (org_id = the reading org).
CREATE TABLE "kb_article_audience" (
	"article_id" text NOT NULL,
	"org_id" text NOT NULL,
	CONSTRAINT "kb_article_audience_pkey" PRIMARY KEY ("article_id", "org_id")
);
--> statement-breakpoint
ALTER TABLE "kb_article_audience" ADD CONSTRAINT "kb_article_audience_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_audience" ADD CONSTRAINT "kb_article_audience_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_article_audience_org_idx" ON "kb_article_audience" USING btree ("org_id");--> statement-breakpoint
-- Search tokens (Intl.Segmenter words + Han unigrams/bigrams, see knowledge.tokens.ts): the same
-- matching on PGlite and PostgreSQL without a text-search configuration. org_id = the author org.
CREATE TABLE "kb_search_tokens" (
	"article_id" text NOT NULL,
	"org_id" text NOT NULL,
	"token" text NOT NULL,
	"in_title" boolean DEFAULT false NOT NULL,
	CONSTRAINT "kb_search_tokens_pkey" PRIMARY KEY ("article_id", "token")
);
--> statement-breakpoint
ALTER TABLE "kb_search_tokens" ADD CONSTRAINT "kb_search_tokens_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_search_tokens" ADD CONSTRAINT "kb_search_tokens_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_search_tokens_token_idx" ON "kb_search_tokens" USING btree ("token");
--> statement-breakpoint
-- Events (fairs, conferences, matchmaking sessions): org_id is the organiser. Registrations are
-- one per organisation and event (org_id = the registering org); capacity is checked under a row
-- lock on the event, so racing registrations cannot overfill it.
CREATE TABLE "hub_events" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_events_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "hub_events_period_check" CHECK ("ends_at" > "starts_at"),
	CONSTRAINT "hub_events_capacity_check" CHECK ("capacity" IS NULL OR "capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "hub_events" ADD CONSTRAINT "hub_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_events_starts_idx" ON "hub_events" USING btree ("starts_at");--> statement-breakpoint
CREATE TABLE "hub_event_registrations" (
	"id" text NOT NULL,
	"event_id" text NOT NULL,
	"org_id" text NOT NULL,
	"attendee" text NOT NULL,
	"registered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_at" timestamp with time zone,
	CONSTRAINT "hub_event_registrations_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "hub_event_registrations" ADD CONSTRAINT "hub_event_registrations_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "hub_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_event_registrations" ADD CONSTRAINT "hub_event_registrations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_event_registrations" ADD CONSTRAINT "hub_event_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_event_registrations_org_key" ON "hub_event_registrations" USING btree ("event_id","org_id");--> statement-breakpoint
-- Policy and funding notices from government organisations (org_id = the issuer), with eligibility
-- criteria: industry code prefixes, size bands and districts (an empty list means any).
CREATE TABLE "hub_policies" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"funding" text DEFAULT '' NOT NULL,
	"deadline" date,
	"industry_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"size_bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"districts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_policies_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "hub_policies" ADD CONSTRAINT "hub_policies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
