-- Traceability ledger (issue 14): per org, an append-only chain of lot events, each hashed over
-- its canonical encoding with the previous event's hash and signed Ed25519 by the org's key.
-- The hash and signature are computed by the application (packages/engine/src/trace) so an export
-- verifies offline; the database guarantees what the application cannot: rows are never changed
-- or deleted (trigger), and the chain cannot fork (one head row per org, locked FOR UPDATE by
-- every append; (org_id, seq) is the key). Every key includes org_id.
CREATE TABLE "trace_keys" (
	"org_id" text NOT NULL REFERENCES "orgs"("id"),
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	-- PKCS#8 DER, AES-256-GCM under a key derived from SESSION_SECRET: never returned by the API.
	"private_key_enc" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trace_keys_pk" PRIMARY KEY ("org_id", "key_id")
);
--> statement-breakpoint
CREATE TABLE "trace_chain_heads" (
	"org_id" text PRIMARY KEY NOT NULL REFERENCES "orgs"("id"),
	"seq" integer NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trace_events" (
	"org_id" text NOT NULL REFERENCES "orgs"("id"),
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	-- The exact ISO string that was hashed (a timestamptz would not round-trip its text).
	"at" text NOT NULL,
	"key_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "trace_events_pk" PRIMARY KEY ("org_id", "seq"),
	CONSTRAINT "trace_events_seq_positive" CHECK ("seq" >= 1)
);
--> statement-breakpoint
-- The lot graph the events state: component → product (lot → lot, lot → device, item → shipment,
-- shipment → receiving org). Nodes are "lot|<org>|<code>", "udi|<hri>", "ship|<org>|<code>", "org|<id>" (| is in no id or code).
CREATE TABLE "trace_links" (
	"org_id" text NOT NULL,
	"seq" integer NOT NULL,
	"from_node" text NOT NULL,
	"to_node" text NOT NULL,
	CONSTRAINT "trace_links_event_fk" FOREIGN KEY ("org_id", "seq") REFERENCES "trace_events"("org_id", "seq")
);
--> statement-breakpoint
CREATE INDEX "trace_links_from_idx" ON "trace_links" ("from_node", "to_node");
--> statement-breakpoint
CREATE INDEX "trace_links_to_idx" ON "trace_links" ("to_node", "from_node");
--> statement-breakpoint
CREATE INDEX "trace_links_event_idx" ON "trace_links" ("org_id", "seq");
--> statement-breakpoint
CREATE TABLE "trace_checkpoints" (
	"org_id" text NOT NULL REFERENCES "orgs"("id"),
	"id" text NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	"at" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"cs_org_id" text,
	"cs_key_id" text,
	"cs_at" text,
	"cs_signature" text,
	CONSTRAINT "trace_checkpoints_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "trace_checkpoints_id_key" UNIQUE ("id")
);
--> statement-breakpoint
CREATE FUNCTION trace_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'the traceability ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER trace_events_append_only BEFORE UPDATE OR DELETE ON "trace_events" FOR EACH ROW EXECUTE FUNCTION trace_refuse_change();
--> statement-breakpoint
CREATE TRIGGER trace_links_append_only BEFORE UPDATE OR DELETE ON "trace_links" FOR EACH ROW EXECUTE FUNCTION trace_refuse_change();
--> statement-breakpoint
-- A countersigned checkpoint is final: only the countersignature may be added, once.
CREATE FUNCTION trace_checkpoint_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.cs_signature IS NOT NULL
     OR NEW.org_id <> OLD.org_id OR NEW.id <> OLD.id OR NEW.seq <> OLD.seq OR NEW.hash <> OLD.hash
     OR NEW.at <> OLD.at OR NEW.key_id <> OLD.key_id OR NEW.signature <> OLD.signature THEN
    RAISE EXCEPTION 'trace checkpoints are append-only (only a first countersignature may be added)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER trace_checkpoints_guard BEFORE UPDATE OR DELETE ON "trace_checkpoints" FOR EACH ROW EXECUTE FUNCTION trace_checkpoint_guard();
--> statement-breakpoint
-- Capacity exchange (issue 14 item 1, first slice): a firm offers hours of a process; an accepted
-- order books them with one conditional UPDATE (hours_booked + h <= hours_total), so the same
-- hours cannot be sold twice however many accepts race; the CHECK backs it up.
CREATE TABLE "capacity_offers" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE cascade,
	"id" text NOT NULL,
	"process" text NOT NULL,
	"hours_total" integer NOT NULL,
	"hours_booked" integer DEFAULT 0 NOT NULL,
	"price_per_hour" numeric(12, 2) NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_time_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_offers_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "capacity_offers_id_key" UNIQUE ("id"),
	CONSTRAINT "capacity_offers_hours_check" CHECK ("hours_booked" >= 0 AND "hours_booked" <= "hours_total")
);
--> statement-breakpoint
CREATE TABLE "capacity_orders" (
	"org_id" text NOT NULL REFERENCES "orgs"("id") ON DELETE cascade,
	"id" text NOT NULL,
	"seller_org_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"hours" integer NOT NULL,
	"price_per_hour" numeric(12, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_orders_pk" PRIMARY KEY ("org_id", "id"),
	CONSTRAINT "capacity_orders_offer_fk" FOREIGN KEY ("seller_org_id", "offer_id") REFERENCES "capacity_offers"("org_id", "id") ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX "capacity_orders_seller_idx" ON "capacity_orders" ("seller_org_id", "created_at");
