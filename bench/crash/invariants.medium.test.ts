// The crash bench is only as good as its checks: each broken state a crash could leave behind
// (partial import, change without audit row, audit row without change, lost ack, stuck job)
// must be reported, and a consistent state must not be.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../apps/server/src/db/database.ts";
import { migrate } from "../../apps/server/src/db/migrate.ts";
import { auditLog, grants, jobs, memberships, orgs, users } from "../../apps/server/src/db/schema/index.ts";
import { IDS } from "../../apps/server/src/test/fixtures.ts";
import { checkInvariants, type Ledger } from "./invariants.ts";

const at = new Date("2026-01-01T00:00:00Z");
const audit = (action: string, entity: string, entityId: string, orgId: string, after: unknown = null) => ({
  orgId,
  action,
  entity,
  entityId,
  after,
  at,
});

describe("crash invariants", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ url: "memory://" });
    await migrate(handle);
    const { seedCluster } = await import("../../apps/server/src/test/fixtures.ts");
    await seedCluster(handle.db);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  const ledger = (over: Partial<Ledger> = {}): Ledger => ({ imports: [], acks: [], orgId: IDS.a, ...over });

  it("a whole import, audited grants and members and finished jobs hold; each break is reported", async () => {
    const db = handle.db;
    const ids = ["o1", "o2", "o3"];
    await db
      .insert(orgs)
      .values(
        ids.map((id, j) => ({ id, kind: "enterprise" as const, nameZh: id, nameEn: `crash-t-i0 row ${j}` })),
      );
    await db.insert(auditLog).values(ids.map((id) => audit("org.import", "org", id, id)));
    await db.insert(grants).values({
      id: "g1",
      orgId: IDS.a,
      granteeOrgId: IDS.b,
      dataClass: "indicators",
      purpose: "crash-t-g0",
      expiresAt: new Date("2099-01-01T00:00:00Z"),
      createdBy: null,
      createdAt: at,
    });
    await db.insert(auditLog).values(audit("grant.create", "grant", "g1", IDS.a));
    await db
      .insert(users)
      .values({ id: "u1", email: "crash-t@a.test", displayName: "t", passwordHash: "x", createdAt: at });
    await db.insert(memberships).values({ orgId: IDS.a, userId: "u1", role: "member", createdAt: at });
    await db.insert(auditLog).values(
      audit("membership.create", "membership", `${IDS.a}:u1`, IDS.a, {
        email: "crash-t@a.test",
        role: "member",
      }),
    );
    const whole = ledger({
      imports: [
        { marker: "crash-t-i0", rows: 3, acked: true },
        { marker: "crash-t-i1", rows: 5, acked: false },
      ],
      acks: [
        { kind: "import", marker: "crash-t-i0", rows: 3 },
        { kind: "grant.create", id: "g1" },
        { kind: "member.add", userId: "u1", role: "member" },
      ],
    });
    const ok = await checkInvariants(db, whole);
    expect(ok.violations).toEqual([]);
    expect(ok.imports).toEqual({ whole: 1, absent: 1, partial: 0 });

    // Partial import: one row gone (with its audit row: still partial).
    await db.delete(auditLog).where(eq(auditLog.entityId, "o3"));
    await db.delete(orgs).where(eq(orgs.id, "o3"));
    const partial = await checkInvariants(db, whole);
    expect(partial.violations.join("\n")).toMatch(/2 of 3 rows \(partial import\)/);
    expect(partial.violations.join("\n")).toMatch(/acknowledged but holds 2 of 3/);
    await db.insert(orgs).values({ id: "o3", kind: "enterprise", nameZh: "o3", nameEn: "crash-t-i0 row 2" });
    // A change without its audit row, then an audit row without its change.
    expect((await checkInvariants(db, whole)).violations.join("\n")).toMatch(/1 imported org\(s\) without/);
    await db
      .insert(auditLog)
      .values([audit("org.import", "org", "o3", "o3"), audit("org.import", "org", "gone", "gone")]);
    expect((await checkInvariants(db, whole)).violations.join("\n")).toMatch(
      /1 org.import audit row\(s\) whose org is missing/,
    );
    await db.delete(auditLog).where(eq(auditLog.entityId, "gone"));

    // Grant revoked without its audit row; a revoke audit row for a grant not revoked.
    await db.update(grants).set({ revokedAt: at }).where(eq(grants.id, "g1"));
    expect((await checkInvariants(db, whole)).violations.join("\n")).toMatch(/grant g1: revoked=true but 0/);
    await db.update(grants).set({ revokedAt: null }).where(eq(grants.id, "g1"));
    await db.insert(auditLog).values(audit("grant.revoke", "grant", "g1", IDS.a));
    const revokeOrphan = (await checkInvariants(db, whole)).violations.join("\n");
    expect(revokeOrphan).toMatch(/grant g1: revoked=false but 1/);
    expect(revokeOrphan).toMatch(/1 grant audit row\(s\) whose change is not in the database/);
    await db.delete(auditLog).where(eq(auditLog.action, "grant.revoke"));

    // Member re-roled without an audit row; acknowledged removal not applied.
    await db.update(memberships).set({ role: "admin" }).where(eq(memberships.userId, "u1"));
    const reroled = (
      await checkInvariants(db, ledger({ acks: [{ kind: "member.remove", userId: "u1" }] }))
    ).violations.join("\n");
    expect(reroled).toMatch(/member u1: audit log says member, database admin/);
    expect(reroled).toMatch(/acknowledged member.remove lost/);
    await db.update(memberships).set({ role: "member" }).where(eq(memberships.userId, "u1"));

    // A job left running, and an acknowledged job that is not there.
    await db
      .insert(jobs)
      .values({ id: "j1", orgId: IDS.a, kind: "schedule", status: "running", input: {}, createdAt: at });
    const stuck = (
      await checkInvariants(db, ledger({ acks: [{ kind: "job.start", id: "j2" }] }))
    ).violations.join("\n");
    expect(stuck).toMatch(/1 job\(s\) still queued\/running/);
    expect(stuck).toMatch(/job j2 missing/);
  });
});
