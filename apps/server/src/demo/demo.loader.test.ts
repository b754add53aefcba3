import { generateDemoCluster } from "@clusterbrain/demo";
import { count, countDistinct, eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { verifyPassword } from "../auth/secrets.ts";
import type { Database } from "../db/database.ts";
import {
  auditLog,
  chainLinks,
  chainNodes,
  indicators,
  memberships,
  orgChainNodes,
  orgSearchTokens,
  orgs,
  relations,
  users,
} from "../db/schema/index.ts";
import { ConflictError } from "../errors/index.ts";
import { verifyAuditChain } from "../modules/audit/audit-chain.service.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

const expected = generateDemoCluster();

async function counts(db: Database) {
  const rows = async (q: Promise<{ n: number }[]>) => Number((await q)[0].n);
  return {
    orgs: await rows(db.select({ n: count() }).from(orgs)),
    chainNodes: await rows(db.select({ n: count() }).from(chainNodes)),
    chainLinks: await rows(db.select({ n: count() }).from(chainLinks)),
    orgChainNodes: await rows(db.select({ n: count() }).from(orgChainNodes)),
    relations: await rows(db.select({ n: count() }).from(relations)),
    indicators: await rows(db.select({ n: count() }).from(indicators)),
    users: await rows(db.select({ n: count() }).from(users)),
    memberships: await rows(db.select({ n: count() }).from(memberships)),
  };
}

describeEachDatabase("demo loader", (getDb) => {
  it("writes the whole generated cluster", async () => {
    const { db } = getDb();
    const summary = await loadDemoCluster(db);
    expect(await counts(db)).toEqual({
      orgs: expected.orgs.length,
      chainNodes: expected.chainNodes.length,
      chainLinks: expected.chainNodes.reduce((s, n) => s + n.upstream.length, 0),
      orgChainNodes: expected.orgs.reduce((s, o) => s + o.nodeKeys.length, 0),
      relations: expected.relations.length,
      indicators: expected.indicators.length,
      users: expected.users.length,
      memberships: expected.users.length,
    });
    expect(summary.orgs).toBeGreaterThanOrEqual(300);
    expect(summary.relations).toBeGreaterThanOrEqual(1000);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "demo.load"));
    expect(audit.entityId).toBe(`demo-${expected.seed}`);
  });

  it("stores search tokens so 电感 finds inductor makers", async () => {
    const { db } = getDb();
    const [hit] = await db
      .select({ n: countDistinct(orgSearchTokens.orgId) })
      .from(orgSearchTokens)
      .where(like(orgSearchTokens.token, "%电感%"));
    expect(Number(hit.n)).toBeGreaterThanOrEqual(5);
  });

  it("stores demo users whose shown passwords verify", async () => {
    const { db } = getDb();
    for (const u of expected.users) {
      const [row] = await db.select().from(users).where(eq(users.email, u.email));
      expect(await verifyPassword(row.passwordHash, u.password)).toBe(true);
    }
  });

  it("refuses to mix the demo into a non-empty database, and rebuilds it with reset", async () => {
    const { db } = getDb();
    await expect(loadDemoCluster(db)).rejects.toBeInstanceOf(ConflictError);
    await db.update(orgs).set({ nameZh: "改过的名字" }).where(eq(orgs.id, expected.orgs[0].key));
    const summary = await loadDemoCluster(db, { reset: true });
    expect(summary.orgs).toBe(expected.orgs.length);
    const [row] = await db.select().from(orgs).where(eq(orgs.id, expected.orgs[0].key));
    expect(row.nameZh).toBe(expected.orgs[0].nameZh);
    expect((await counts(db)).relations).toBe(expected.relations.length);
    const log = await db.select().from(auditLog);
    expect(log.map((e) => e.action)).toEqual(["demo.reset"]);
    // The wipe restarts the hash chain: the new log verifies instead of reporting the old tail missing.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rowsChecked: 1 });
  });
});
