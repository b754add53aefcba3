import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { IDS, seedCluster } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { migrate } from "./migrate.ts";
import { grants, relations } from "./schema/index.ts";

const DAY = 86_400_000;

/**
 * 0003_race_keys on a database that predates it: duplicates earlier races left must not stop the
 * unique indexes from being built. The test database is rolled back to before 0003 (indexes dropped,
 * the migration forgotten), given such duplicates, and migrated again.
 */
describeEachDatabase("migration 0003: race keys over existing duplicates", (getDb) => {
  beforeAll(async () => {
    const { db, handle } = getDb();
    await seedCluster(db);
    await handle.exec(`DROP INDEX grants_live_key; DROP INDEX relations_party_product_key;
      DELETE FROM schema_migrations WHERE name = '0003_race_keys';`);
    const now = Date.now();
    const grant = (id: string, expiresInDays: number) => ({
      id,
      orgId: IDS.a,
      granteeOrgId: IDS.d,
      dataClass: "equipment" as const,
      purpose: "old race",
      expiresAt: new Date(now + expiresInDays * DAY),
    });
    await db.insert(grants).values([grant("g-ran-out", -3), grant("g-short", 10), grant("g-long", 90)]);
    const relation = (id: string, product: string, createdAt: Date) => ({
      id,
      orgId: IDS.a,
      supplierOrgId: IDS.a,
      customerOrgId: IDS.d,
      product,
      volumeBand: "lt1m" as const,
      createdAt,
    });
    await db
      .insert(relations)
      .values([
        relation("r-first", "Coil", new Date(now - 2 * DAY)),
        relation("r-again", "coil", new Date(now - DAY)),
        relation("r-other", "core", new Date(now)),
      ]);
    expect(await migrate(handle)).toEqual(["0003_race_keys"]);
  });

  it("keeps the live grant running longest; the expired one is closed at its expiry", async () => {
    const { db } = getDb();
    const rows = await db.select().from(grants).where(eq(grants.purpose, "old race")).orderBy(grants.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("g-long")?.revokedAt).toBeNull();
    expect(byId.get("g-short")?.revokedAt).not.toBeNull();
    expect(byId.get("g-ran-out")?.revokedAt?.getTime()).toBe(byId.get("g-ran-out")?.expiresAt.getTime());
  });

  it("keeps the first of duplicate relations (case ignored), and the keys now hold", async () => {
    const { db } = getDb();
    const rows = await db
      .select({ id: relations.id })
      .from(relations)
      .where(eq(relations.customerOrgId, IDS.d));
    expect(rows.map((r) => r.id).sort()).toEqual(["r-first", "r-other"]);
    await expect(
      db.execute(sql`INSERT INTO relations (id, org_id, supplier_org_id, customer_org_id, product, volume_band)
        VALUES ('r-third', ${IDS.a}, ${IDS.a}, ${IDS.d}, 'COIL', 'lt1m')`),
    ).rejects.toMatchObject({ status: 409 });
    const live = await db
      .select({ id: grants.id })
      .from(grants)
      .where(and(eq(grants.orgId, IDS.a), eq(grants.granteeOrgId, IDS.d), isNull(grants.revokedAt)));
    expect(live).toHaveLength(1);
  });
});
