import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import type { Database } from "../../db/database.ts";
import { chainNodes, grants, orgChainNodes, orgs, relations, users } from "../../db/schema/index.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { ProjectService } from "../innovation/project.service.ts";
import { coProjectTies } from "./growth.pool.ts";
import { GrowthService } from "./growth.service.ts";

const NOW = new Date("2026-06-01T00:00:00Z");
const FIRMS = ["cp-f1", "cp-f2", "cp-f3", "cp-f4"];
const actor = (orgId: string, orgKind: Actor["orgKind"]): Actor => ({
  userId: `u-${orgId}`,
  email: `${orgId}@cp.test`,
  displayName: orgId,
  orgId,
  orgKind,
  role: "owner",
  via: "session",
  credentialId: "t",
});
const OP = actor("cp-op", "operator");

/** Four consenting firms in a supply ring f1→f2→f3→f4→f1, and a fifth firm that does not consent. */
async function seed(db: Database) {
  await db
    .insert(chainNodes)
    .values({ id: "cp-n1", code: "cp-n1", nameZh: "磁材", nameEn: "Magnetics", stage: 1, sortOrder: 0 });
  await db.insert(orgs).values([
    { id: "cp-op", kind: "operator", nameZh: "运营中心", nameEn: "Operator" },
    ...[...FIRMS, "cp-f5"].map((id, i) => ({
      id,
      kind: "enterprise" as const,
      nameZh: `企业${i + 1}`,
      nameEn: `Firm ${i + 1}`,
    })),
  ]);
  await db.insert(users).values(
    [...FIRMS, "cp-f5"].map((id) => ({
      id: `u-${id}`,
      email: `${id}@cp.test`,
      displayName: id,
      passwordHash: "x",
    })),
  );
  await db.insert(orgChainNodes).values(FIRMS.map((orgId) => ({ orgId, nodeId: "cp-n1" })));
  await db.insert(relations).values(
    FIRMS.map((id, i) => ({
      id: `cp-rel-${i}`,
      orgId: id,
      supplierOrgId: id,
      customerOrgId: FIRMS[(i + 1) % FIRMS.length],
      nodeId: "cp-n1",
      product: `p${i}`,
      volumeBand: "lt1m" as const,
      sinceYear: 2020,
    })),
  );
  await db.insert(grants).values(
    FIRMS.map((orgId) => ({
      id: `cp-grant-${orgId}`,
      orgId,
      granteeOrgId: "cp-op",
      dataClass: "relations" as const,
      purpose: "growth",
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    })),
  );
}

it("co-members pair up once per pair, dated by their earliest project", () => {
  const ties = coProjectTies([
    { projectId: "p1", orgId: "b", year: 2025 },
    { projectId: "p1", orgId: "a", year: 2025 },
    { projectId: "p1", orgId: "c", year: 2025 },
    { projectId: "p2", orgId: "a", year: 2024 },
    { projectId: "p2", orgId: "b", year: 2024 },
  ]);
  expect(ties).toEqual([
    { a: "a", b: "b", year: 2024 },
    { a: "a", b: "c", year: 2025 },
    { a: "b", b: "c", year: 2025 },
  ]);
});

describeEachDatabase("growth network: joint projects are collaboration ties", (getDb) => {
  let growth: GrowthService;
  let projects: ProjectService;
  beforeAll(async () => {
    await seed(getDb().db);
    growth = new GrowthService(getDb().db, () => NOW);
    projects = new ProjectService(getDb().db, () => NOW);
  });

  const open = (lead: string, partner: string) =>
    projects.create(actor(lead, "enterprise"), {
      title: `${lead}+${partner}`,
      description: "",
      budgetTotal: 0,
      leadBudgetShare: 50,
      ip: { ownership: "joint", licensing: "none", publication: "review", notes: "" },
      members: [{ orgId: partner, role: "industry", budgetShare: 50 }],
    });

  it("a new joint project between two firms adds their tie; a cancelled one and a non-consenting firm add none", async () => {
    const before = (await growth.meso(OP, { year: 2026 })).network;
    expect(before).toMatchObject({ links: 4, coProjectTies: 0, firms: 4 });

    const p = await open("cp-f1", "cp-f3");
    const after = (await growth.meso(OP, { year: 2026 })).network;
    expect(after).toMatchObject({ links: 5, coProjectTies: 1, firms: 4 });
    expect(after.density).toBeGreaterThan(before.density ?? 0);
    // Dated by the project's start: not in the network of an earlier year.
    expect((await growth.meso(OP, { year: 2025 })).network.coProjectTies).toBe(0);

    await open("cp-f2", "cp-f5");
    expect((await growth.meso(OP, { year: 2026 })).network).toMatchObject({ links: 5, coProjectTies: 1 });

    await projects.update(actor("cp-f1", "enterprise"), p.id, { status: "cancelled" });
    expect((await growth.meso(OP, { year: 2026 })).network).toMatchObject({ links: 4, coProjectTies: 0 });
  });

  it("a tie between firms a supply link joins already adds no edge", async () => {
    await open("cp-f2", "cp-f3");
    expect((await growth.meso(OP, { year: 2026 })).network).toMatchObject({ links: 4, coProjectTies: 0 });
  });
});
