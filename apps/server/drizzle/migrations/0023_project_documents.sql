CREATE TABLE "innovation_documents" (
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" bytea NOT NULL,
	"uploaded_by_org_id" text NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovation_documents_pkey" PRIMARY KEY ("project_id", "id"),
	CONSTRAINT "innovation_documents_size_check" CHECK ("size_bytes" >= 0 AND "size_bytes" <= 10485760)
);
--> statement-breakpoint
ALTER TABLE "innovation_documents" ADD CONSTRAINT "innovation_documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_documents" ADD CONSTRAINT "innovation_documents_project_fk" FOREIGN KEY ("project_id") REFERENCES "public"."innovation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovation_documents" ADD CONSTRAINT "innovation_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "innovation_documents_version_idx" ON "innovation_documents" USING btree ("project_id", "name", "version");--> statement-breakpoint
CREATE INDEX "innovation_documents_org_idx" ON "innovation_documents" USING btree ("org_id");
