-- Import history per organisation: every run (dry or real) with its counts and its row/column
-- issues, so the error report can be downloaded again later. Tenant table: the key starts with org_id.
CREATE TABLE "import_history" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" text,
	"entity" text NOT NULL,
	"format" text NOT NULL,
	"mode" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"invalid_rows" integer NOT NULL,
	"written" integer NOT NULL,
	"committed" boolean NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "import_history_pkey" PRIMARY KEY ("org_id", "id")
);
--> statement-breakpoint
CREATE INDEX "import_history_org_at_idx" ON "import_history" USING btree ("org_id", "at");
