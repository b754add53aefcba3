import { sql } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database, Tx } from "../../db/database.ts";
import { call, EMAILS, login, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const CONCURRENT = 30;

/** Requests blocked on a lock of the users table (PostgreSQL). */
async function waitingOnUsers(db: Database | Tx): Promise<number> {
  // Database is typed over both drivers, so raw results are untyped; both return { rows }.
  const res = (await db.execute(
    sql`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'users'::regclass AND NOT granted`,
  )) as unknown as { rows: { n: number }[] };
  return res.rows[0]?.n ?? 0;
}

/**
 * On PostgreSQL, hold the inserts back: a SHARE lock on users lets every request's "is this email
 * taken?" read through but stops its insert, so several requests pass the check before any insert
 * lands, which is exactly the race the outside check hit by luck (4 in 30). Returns how many were
 * caught waiting at once.
 */
async function withInsertsHeld(db: Database, fire: () => Promise<LightMyRequestResponse[]>) {
  let answers: Promise<LightMyRequestResponse[]> | undefined;
  let held = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE users IN SHARE MODE`);
    answers = fire();
    // 10 pooled connections: this one holds the lock (and polls on itself: asking the pool for
    // another would wait behind the blocked requests), so up to 9 requests can wait at once.
    for (let i = 0; i < 300 && held < 9; i++) {
      await new Promise((r) => setTimeout(r, 50));
      held = await waitingOnUsers(tx);
    }
  });
  return { answers: await (answers ?? Promise.resolve([])), held };
}

/**
 * Two admins of one firm add the same new person at the same moment. The service checks before it
 * inserts; the unique key on users.email must settle it: one winner, the rest 409, no 5xx.
 * (PGlite has one connection and runs the requests one after another; the answer must be the same.)
 */
describeEachDatabase("members: concurrent adds of the same new member", (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db, { security: { ipMaxAttempts: 10_000 } });
  });
  afterAll(() => app.close());

  it(`${CONCURRENT} requests at once: exactly 1 winner, the others 409, none 5xx`, async () => {
    const admins = [await login(app, EMAILS.aOwner), await login(app, EMAILS.aAdmin)];
    const body = { email: "race@a.test", displayName: "竞速", role: "member", password: "quick pass 12345" };
    const fire = () =>
      Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          call(app, admins[i % 2], "POST", "/api/v1/members", body),
        ),
      );
    const { db, kind } = getDb();
    const { answers, held } =
      kind === "postgres" ? await withInsertsHeld(db, fire) : { answers: await fire(), held: 0 };
    // The race really happened: several requests had passed the check and were inserting at once.
    if (kind === "postgres") expect(held).toBeGreaterThanOrEqual(2);
    const statuses = answers.map((r) => r.statusCode);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    console.log(
      `[${kind}] ${CONCURRENT} concurrent adds (${held} inserts racing): 200×${count(200)} 409×${count(409)}`,
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(count(200)).toBe(1);
    expect(count(409)).toBe(CONCURRENT - 1);
    for (const r of answers.filter((a) => a.statusCode === 409)) expect(r.json().error.code).toBe("CONFLICT");
    const list = (await call(app, admins[0], "GET", `/api/v1/orgs/${admins[0].orgId}/members`)).json();
    expect(list.items.filter((m: { email: string }) => m.email === "race@a.test")).toHaveLength(1);
  });
});
