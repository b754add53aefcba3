-- Growth analytics and the strategy workbench. Market signals: what an org declares it buys
-- (demand) or makes (supply) per product and year, for the cluster's market-gap analysis (shown
-- only as sums over at least 3 orgs). Strategy notes: one per org, with goals linked to KPIs.
CREATE TABLE "growth_market_signals" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"side" text NOT NULL,
	"product" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"node_id" text,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "growth_market_signals_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "growth_market_signals_side_check" CHECK ("side" IN ('demand', 'supply')),
	CONSTRAINT "growth_market_signals_value_check" CHECK ("value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "growth_market_signals" ADD CONSTRAINT "growth_market_signals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "growth_market_signals_product_idx" ON "growth_market_signals" ("product");
--> statement-breakpoint
CREATE TABLE "growth_strategy_notes" (
	"org_id" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"goals" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "growth_strategy_notes" ADD CONSTRAINT "growth_strategy_notes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
