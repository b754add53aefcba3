-- Material supply–demand matching and pooled purchasing (集采): firms' needs and offers of
-- materials (drafts private, open ones cluster-wide), contacts between firms about them, and
-- pooled-purchase rounds that firms join with a quantity (totals shown only from k = 3 firms on).
CREATE TABLE "material_listings" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"spec" text NOT NULL,
	"quantity" double precision NOT NULL,
	"unit" text NOT NULL,
	"by_date" date NOT NULL,
	"district" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "material_listings_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "material_listings" ADD CONSTRAINT "material_listings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_listings_org_idx" ON "material_listings" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "material_listings_open_idx" ON "material_listings" USING btree ("status","kind","category");--> statement-breakpoint
CREATE TABLE "material_contacts" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"to_org_id" text NOT NULL,
	"listing_id" text NOT NULL,
	"from_listing_id" text,
	"message" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "material_contacts_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "material_contacts" ADD CONSTRAINT "material_contacts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_contacts" ADD CONSTRAINT "material_contacts_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_contacts" ADD CONSTRAINT "material_contacts_listing_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."material_listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_contacts_org_idx" ON "material_contacts" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "material_contacts_to_idx" ON "material_contacts" USING btree ("to_org_id");--> statement-breakpoint
CREATE TABLE "material_pool_rounds" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"category" text NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"spec" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "material_pool_rounds_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "material_pool_rounds" ADD CONSTRAINT "material_pool_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "material_pool_participants" (
	"round_id" text NOT NULL,
	"org_id" text NOT NULL,
	"quantity" double precision NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "material_pool_participants_pkey" PRIMARY KEY ("round_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "material_pool_participants" ADD CONSTRAINT "material_pool_participants_round_fk" FOREIGN KEY ("round_id") REFERENCES "public"."material_pool_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_pool_participants" ADD CONSTRAINT "material_pool_participants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
