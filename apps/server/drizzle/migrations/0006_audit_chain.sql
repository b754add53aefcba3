-- Hash-chained audit log (ASVS 7.3.3): every row stores the hash of the row before it and its own
-- hash = sha256(prev_hash || canonical row), so a changed or deleted row breaks the chain and
-- `clusterbrain audit verify` finds it. One chain for the whole cluster: deleting any org's rows
-- shows, and audit writes are few, so one serialisation point costs little. A single chain-head
-- row, locked FOR UPDATE by the insert trigger until commit, serialises writers on PostgreSQL
-- (the chain cannot fork) and records the tail, so deleting the newest rows shows too.
-- The canonical row is rendered by the database itself (jsonb text, time as epoch microseconds),
-- so it is the same on PGlite and PostgreSQL and independent of the session's TimeZone.
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;
ALTER TABLE "audit_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;

CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL CHECK ("id" = 1),
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL
);

CREATE FUNCTION audit_row_hash(prev text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT encode(sha256(convert_to(prev || jsonb_build_array(
    r.id, r.org_id, r.actor_user_id, r.actor_org_id,
    (extract(epoch FROM r.at) * 1000000)::bigint,
    r.action, r.entity, r.entity_id, r.before, r.after, r.request_id
  )::text, 'UTF8')), 'hex')
$fn$;

-- Backfill: chain the rows written before this migration in id order.
INSERT INTO "audit_chain_head" ("id", "last_id", "last_hash") VALUES (1, 0, repeat('0', 64));
DO $backfill$
DECLARE
  r audit_log;
  prev text := repeat('0', 64);
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    h := audit_row_hash(prev, r);
    UPDATE audit_log SET prev_hash = prev, hash = h WHERE id = r.id;
    UPDATE audit_chain_head SET last_id = r.id, last_hash = h WHERE id = 1;
    prev := h;
  END LOOP;
END
$backfill$;

-- Links each new row under the head lock. The id is drawn again after the lock is taken, so id
-- order is chain order even when two transactions insert at once (ids so advance by two; gaps
-- mean nothing: the chain links by hash). The previous hash is the head's
-- unless this statement already added rows after it; the head itself is moved once per statement
-- (updating one row per inserted row would make a 20,000-row import quadratic).
CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  head_id bigint;
  prev text;
  latest_id bigint;
  latest_hash text;
BEGIN
  SELECT last_id, last_hash INTO head_id, prev FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  SELECT id, hash INTO latest_id, latest_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  -- Rows newer than the head can only be this statement's (the lock is held); older ones are
  -- ignored, so a deleted tail stays missing: the new row links to the head's remembered hash.
  IF latest_id IS NOT NULL AND latest_id > head_id THEN
    prev := latest_hash;
  END IF;
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  NEW.prev_hash := prev;
  NEW.hash := audit_row_hash(prev, NEW);
  RETURN NEW;
END
$fn$;

CREATE FUNCTION audit_chain_advance() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE audit_chain_head h SET last_id = a.id, last_hash = a.hash
  FROM (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) a
  WHERE h.id = 1 AND a.id > h.last_id;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
CREATE TRIGGER audit_log_chain_head AFTER INSERT ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_advance();
