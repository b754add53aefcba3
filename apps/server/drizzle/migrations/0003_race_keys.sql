-- "Only one" rules the database settles (a read before the write cannot under concurrency).
-- Grants: one live grant per grantor, grantee and data class. An index cannot compare with now(), so
-- a grant that ran out is closed (revoked_at = expires_at) when the next one is made; closing the ones
-- already expired here keeps older databases within the key.
UPDATE "grants" SET "revoked_at" = "expires_at" WHERE "revoked_at" IS NULL AND "expires_at" <= now();
--> statement-breakpoint
-- Duplicates a past race left: keep the grant running longest, revoke the others now.
UPDATE "grants" g SET "revoked_at" = now()
WHERE g."revoked_at" IS NULL AND EXISTS (
	SELECT 1 FROM "grants" o
	WHERE o."org_id" = g."org_id" AND o."grantee_org_id" = g."grantee_org_id" AND o."data_class" = g."data_class"
		AND o."revoked_at" IS NULL AND (o."expires_at", o."id") > (g."expires_at", g."id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "grants_live_key" ON "grants" USING btree ("org_id","grantee_org_id","data_class") WHERE "revoked_at" IS NULL;
--> statement-breakpoint
-- Relations: a supplier sells a product to a customer once (volume, node and year are attributes of it);
-- product names compare without case, as the importer does. Duplicates a past race left: keep the first.
DELETE FROM "relations" r
WHERE EXISTS (
	SELECT 1 FROM "relations" o
	WHERE o."supplier_org_id" = r."supplier_org_id" AND o."customer_org_id" = r."customer_org_id"
		AND lower(o."product") = lower(r."product") AND (o."created_at", o."id") < (r."created_at", r."id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "relations_party_product_key" ON "relations" USING btree ("supplier_org_id","customer_org_id",lower("product"));
