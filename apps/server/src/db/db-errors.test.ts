import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../errors/index.ts";
import { ChainRepository } from "../modules/chain/chain.repository.ts";
import { MemberRepository } from "../modules/members/member.repository.ts";
import { OrgRepository } from "../modules/orgs/org.repository.ts";
import { ResourceRepository } from "../modules/resources/resource.repository.ts";
import { IDS, seedCluster } from "../test/fixtures.ts";
import { describeEachDatabase } from "../test/test-database.ts";

const user = (id: string, email: string) => ({
  id,
  email,
  displayName: "x",
  passwordHash: "h",
  createdAt: new Date(),
});

/**
 * Repositories called directly, with input the HTTP boundary would have refused: whatever the
 * database says about it must come back as a domain error (400/409), never as a raw driver error
 * (a 500).
 */
describeEachDatabase("database errors become domain errors", (getDb) => {
  beforeAll(async () => {
    await seedCluster(getDb().db);
  });

  it("U+0000 in a query parameter is a validation error, on reads and on writes", async () => {
    const repo = new MemberRepository(getDb().db);
    await expect(repo.findUserByEmail("a\u0000b@x.test")).rejects.toBeInstanceOf(ValidationError);
    await expect(repo.insertUser(user("nul-user", "nul\u0000@x.test"))).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(new OrgRepository(getDb().db).findById("\u0000")).rejects.toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
    });
  });

  it("a unique violation is a conflict naming the field, without the value", async () => {
    const repo = new MemberRepository(getDb().db);
    await repo.insertUser(user("dup-1", "dup@x.test"));
    const err = await repo.insertUser(user("dup-2", "dup@x.test")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ status: 409, details: { reason: "UNIQUE_VIOLATION", fields: ["email"] } });
    expect((err as Error).message).toMatch(/^email: /);
    expect((err as Error).message).not.toContain("dup@x.test");
  });

  it("a composite primary key violation names every column of the key", async () => {
    const repo = new MemberRepository(getDb().db);
    await repo.insert(IDS.b, "dup-1", "member", new Date());
    await expect(repo.insert(IDS.b, "dup-1", "viewer", new Date())).rejects.toMatchObject({
      status: 409,
      details: { fields: ["orgId", "userId"] },
    });
  });

  it("an expression key (lower(product)) names the column inside it, with the key's own message", async () => {
    const repo = new ChainRepository(getDb().db);
    const rel = (id: string, product: string) => ({
      id,
      orgId: IDS.a,
      supplierOrgId: IDS.a,
      customerOrgId: IDS.b,
      product,
      volumeBand: "lt1m" as const,
    });
    await repo.insertRelation(rel("rel-key-1", "Ferrite"));
    const err = await repo.insertRelation(rel("rel-key-2", "FERRITE")).catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 409,
      details: {
        fields: ["supplierOrgId", "customerOrgId", "product"],
        constraint: "relations_party_product_key",
      },
    });
    expect((err as Error).message).toMatch(/already recorded/);
    expect((err as Error).message).not.toContain("FERRITE");
  });

  it("a reference to a missing row is a validation error naming the column", async () => {
    const repo = new MemberRepository(getDb().db);
    await expect(repo.insert(IDS.b, "no-such-user", "member", new Date())).rejects.toMatchObject({
      status: 400,
      details: [{ path: "userId", message: "refers to a record that does not exist" }],
    });
  });

  it("an overlapping booking (exclusion violation) is a 409 BOOKING_OVERLAP, also past the service", async () => {
    const repo = new ResourceRepository(getDb().db);
    await repo.insertResource({ id: "res-x", orgId: IDS.b, kind: "lab", nameZh: "x", nameEn: "x" });
    const booking = (id: string, from: string, to: string) => ({
      id,
      orgId: IDS.a,
      resourceId: "res-x",
      ownerOrgId: IDS.b,
      startsAt: new Date(from),
      endsAt: new Date(to),
      status: "pending" as const,
      purpose: "p",
    });
    await repo.insertBooking(booking("bk-1", "2099-01-01T10:00:00Z", "2099-01-01T12:00:00Z"));
    await expect(
      repo.insertBooking(booking("bk-2", "2099-01-01T11:00:00Z", "2099-01-01T13:00:00Z")),
    ).rejects.toMatchObject({ status: 409, code: "BOOKING_OVERLAP" });
    // Adjacent is fine; a cancelled booking holds nothing.
    await repo.insertBooking(booking("bk-3", "2099-01-01T12:00:00Z", "2099-01-01T13:00:00Z"));
    await repo.insertBooking({
      ...booking("bk-4", "2099-01-01T10:00:00Z", "2099-01-01T13:00:00Z"),
      status: "cancelled",
    });
  });

  it("a check violation, a too-long value and a bad literal are validation errors", async () => {
    const { db } = getDb();
    // A real table (this test database is thrown away): a pooled connection would not see a TEMP one.
    await db.execute(sql`CREATE TABLE IF NOT EXISTS t_checked (n int CHECK (n > 0), s varchar(3))`);
    // Raw SQL through Drizzle goes through the same mapping as the query builder.
    await expect(db.execute(sql`INSERT INTO t_checked (n) VALUES (-1)`)).rejects.toMatchObject({
      status: 400,
    });
    await expect(db.execute(sql`INSERT INTO t_checked (s) VALUES ('abcd')`)).rejects.toMatchObject({
      status: 400,
    });
    await expect(db.execute(sql`SELECT ${"x"}::int`)).rejects.toMatchObject({ status: 400 });
  });

  it("errors bad input cannot cause are not disguised: a broken query stays an internal error", async () => {
    const err = await getDb()
      .db.execute(sql`SELECT * FROM no_such_table`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ValidationError);
    expect(err).not.toBeInstanceOf(ConflictError);
  });

  it("inside a transaction the mapped error still rolls everything back", async () => {
    const { db } = getDb();
    const err = await db
      .transaction(async (tx) => {
        const repo = new MemberRepository(tx);
        await repo.insertUser(user("tx-1", "tx@x.test"));
        await repo.insertUser(user("tx-2", "tx@x.test"));
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(await new MemberRepository(db).findUserByEmail("tx@x.test")).toBeUndefined();
    expect(await new ChainRepository(db).orgExists(IDS.a)).toBe(true);
  });
});
