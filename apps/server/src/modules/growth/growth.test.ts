import { ccr, supplyNetwork } from "@clusterbrain/engine/analytics";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import type { Database } from "../../db/database.ts";
import {
  chainLinks,
  chainNodes,
  grants,
  growthMarketSignals,
  indicators,
  orgChainNodes,
  orgs,
  relations,
} from "../../db/schema/index.ts";
import { call, EMAILS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { GrowthService } from "./growth.service.ts";
import { deaData } from "./growth-micro.service.ts";

const NOW = new Date("2026-06-01T00:00:00Z");
const FIRMS = ["g-f1", "g-f2", "g-f3", "g-f4"];
const actor = (orgId: string, orgKind: Actor["orgKind"]): Actor => ({
  userId: `u-${orgId}`,
  email: `${orgId}@g.test`,
  displayName: orgId,
  orgId,
  orgKind,
  role: "owner",
  via: "session",
  credentialId: "t",
});
const OP = actor("g-op", "operator");

/** Four firms in one district, industry and chain node, two years of indicators, a ring of relations. */
async function seed(db: Database) {
  await db.insert(chainNodes).values([
    { id: "g-n1", code: "g-n1", nameZh: "磁材", nameEn: "Magnetics", stage: 1, sortOrder: 0 },
    { id: "g-n2", code: "g-n2", nameZh: "电感", nameEn: "Inductors", stage: 2, sortOrder: 0 },
  ]);
  await db.insert(chainLinks).values({ fromNodeId: "g-n1", toNodeId: "g-n2" });
  await db.insert(orgs).values([
    { id: "g-op", kind: "operator", nameZh: "运营中心", nameEn: "Operator" },
    ...FIRMS.map((id, i) => ({
      id,
      kind: "enterprise" as const,
      nameZh: `企业${i + 1}`,
      nameEn: `Firm ${i + 1}`,
      district: "南湖区",
      industryCode: "C3985",
      sizeBand: "small" as const,
      keyEquipment: [{ name: "press", count: 1 }],
    })),
  ]);
  await db.insert(orgChainNodes).values(FIRMS.map((orgId) => ({ orgId, nodeId: "g-n1" })));
  const row = (orgId: string, i: number, year: number) => ({
    orgId,
    year,
    revenue: 1000 + 300 * i + 50 * (year - 2023),
    rdSpend: 40 + 10 * i,
    employees: 80 + 15 * ((i * 7) % 4),
    patents: 1 + ((i * 5) % 3),
    energyUse: 30 + 4 * i,
    exports: 100 + 20 * i,
    fixedAssets: 500 + 90 * ((i * 3) % 4),
    profit: 60 + 5 * i,
  });
  await db.insert(indicators).values(FIRMS.flatMap((id, i) => [row(id, i, 2023), row(id, i, 2024)]));
  await db.insert(relations).values(
    FIRMS.map((id, i) => ({
      id: `g-rel-${i}`,
      orgId: id,
      supplierOrgId: id,
      customerOrgId: FIRMS[(i + 1) % 3],
      nodeId: "g-n1",
      product: `p${i}`,
      volumeBand: "lt1m" as const,
      sinceYear: 2020,
    })),
  );
  await declare(db, ["g-f1", "g-f2"]);
}

/**
 * Market signals are declared for the cluster's gap analysis (declaring is the consent); they are
 * shown only as sums over k or more declaring orgs.
 */
async function declare(db: Database, firmIds: readonly string[]) {
  const signal = (orgId: string, side: "demand" | "supply", value: number) => ({
    orgId,
    id: `s-${side}`,
    side,
    product: "x",
    nameZh: "X",
    nameEn: "X",
    nodeId: "g-n2",
    year: 2024,
    value,
  });
  await db
    .insert(growthMarketSignals)
    .values(firmIds.flatMap((orgId) => [signal(orgId, "demand", 100), signal(orgId, "supply", 30)]));
}

async function consent(db: Database, firmIds: readonly string[]) {
  await db.insert(grants).values(
    firmIds.flatMap((orgId) =>
      (["indicators", "relations", "equipment"] as const).map((dataClass) => ({
        id: `g-grant-${orgId}-${dataClass}`,
        orgId,
        granteeOrgId: "g-op",
        dataClass,
        purpose: "growth",
        expiresAt: new Date(NOW.getTime() + 86_400_000),
      })),
    ),
  );
}

/** Every new aggregate, flattened to [name, suppressed] pairs. */
async function aggregates(service: GrowthService, who: Actor) {
  const [mi, me, ma, st] = await Promise.all([
    service.micro(who, { year: 2024 }),
    service.meso(who, { year: 2024 }),
    service.macro(who, { year: 2024 }),
    service.strategy(who),
  ]);
  const node = mi.peerBench.groups.find((g) => g.by === "chainNode");
  const seg = me.io.segments.find((s) => s.stage === 1);
  const lq = ma.lq.cells.find((c) => c.district === "南湖区");
  const ss = ma.shiftShare.rows.find((r) => r.district === "南湖区");
  const lisa = ma.lisa.units.find((u) => u.district === "南湖区");
  const sp = ma.spillover.years.find((y) => y.year === 2024);
  const n1 = st.endowment.nodes.find((n) => n.nodeId === "g-n1");
  const gap = st.marketGaps.items.find((i) => i.product === "x");
  return {
    "dea.meanCcr": mi.dea.meanCcr.suppressed,
    "dea.efficientShare": mi.dea.efficientShare.suppressed,
    "dea.units": mi.dea.units.length === 0,
    "malmquist.M": mi.malmquist.periods[0]?.M.suppressed ?? true,
    "malmquist.EC": mi.malmquist.periods[0]?.EC.suppressed ?? true,
    "malmquist.TC": mi.malmquist.periods[0]?.TC.suppressed ?? true,
    "topsis.units": mi.topsis.units.length === 0,
    "peerBench.meanCloseness": node?.meanCloseness.suppressed ?? true,
    "peerBench.meanCcr": node?.meanCcr.suppressed ?? true,
    "io.output": seg?.output.suppressed ?? true,
    "io.flow": me.io.flows.find((f) => f.from === 1 && f.to === 1)?.value.suppressed ?? true,
    "network.density": me.network.density === null,
    "coupling.D": me.coupling.years.every((y) => y.D === null),
    "lq.cell": lq?.lq.suppressed ?? true,
    "shiftShare.total": ss?.total.suppressed ?? true,
    "lisa.value": lisa?.value.suppressed ?? true,
    "spillover.patentsPer100": sp?.patentsPer100.suppressed ?? true,
    "spillover.rdIntensity": sp?.rdIntensity.suppressed ?? true,
    "endowment.equipment": n1?.equipment.suppressed ?? true,
    "endowment.talent": n1?.talent.suppressed ?? true,
    "market.demand": gap?.demand.suppressed ?? true,
    "market.supply": gap?.supply.suppressed ?? true,
  };
}

describeEachDatabase("growth analytics: consent through grants, k ≥ 3 on every aggregate", (getDb) => {
  let service: GrowthService;
  beforeAll(async () => {
    await seed(getDb().db);
    service = new GrowthService(getDb().db, () => NOW);
  });

  describe("in order", () => {
    it("with two consenting firms every aggregate is withheld", async () => {
      await consent(getDb().db, ["g-f1", "g-f2"]);
      const agg = await aggregates(service, OP);
      // Coupling needs two segments of 3+ firms: the single-stage fixture never has them.
      const { "coupling.D": _c, ...rest } = agg;
      for (const [name, suppressed] of Object.entries(rest)) expect(suppressed, name).toBe(true);
      expect((await service.micro(OP, {})).contributors).toBe(2);
    });

    it("with a third consenting firm every aggregate is shown", async () => {
      await consent(getDb().db, ["g-f3"]);
      await declare(getDb().db, ["g-f3"]);
      const agg = await aggregates(service, OP);
      const { "coupling.D": _c, ...rest } = agg;
      for (const [name, suppressed] of Object.entries(rest)) expect(suppressed, name).toBe(false);
    });

    it("a firm without a grant is not counted, though its data is in the database", async () => {
      const mi = await service.micro(OP, { year: 2024 });
      expect(mi.contributors).toBe(3);
      expect(mi.dea.units.map((u) => u.orgId).sort()).toEqual(["g-f1", "g-f2", "g-f3"]);
      const st = await service.strategy(OP);
      expect(st.endowment.nodes.find((n) => n.nodeId === "g-n1")?.talent.firms).toBe(3);
      const me = await service.meso(OP, { year: 2024 });
      expect(me.network.firms).toBe(3);
      expect(st.marketGaps.items[0].gap).toBe(3 * 100 - 3 * 30);
    });

    it("figures equal the engine's on the same input", async () => {
      const mi = await service.micro(OP, { year: 2024 });
      const rows = (await getDb().db.select().from(indicators))
        .filter((r) => r.year === 2024 && r.orgId !== "g-f4")
        .sort((a, b) => a.orgId.localeCompare(b.orgId));
      const engine = ccr(deaData(rows));
      expect(mi.dea.units.map((u) => u.ccr)).toEqual(engine.units.map((u) => u.score));
      const mean = engine.units.reduce((a, u) => a + u.score, 0) / engine.units.length;
      expect(mi.dea.meanCcr.value).toBeCloseTo(mean, 12);
      const net = supplyNetwork(
        [
          { supplier: "g-f1", customer: "g-f2", weight: 10 },
          { supplier: "g-f2", customer: "g-f3", weight: 10 },
          { supplier: "g-f3", customer: "g-f1", weight: 10 },
        ],
        { seed: 1 },
      );
      expect((await service.meso(OP, { year: 2024 })).network.density).toBe(net.density);
    });

    it("a firm sees itself by name and its peers only as pseudonyms", async () => {
      const mi = await service.micro(actor("g-f1", "enterprise"), { year: 2024 });
      const named = mi.dea.units.filter((u) => u.orgId !== null);
      expect(named.map((u) => u.orgId)).toEqual(["g-f1"]);
      expect(mi.dea.units.filter((u) => u.orgId === null).every((u) => u.targets === null)).toBe(true);
      expect(JSON.stringify(mi)).not.toContain("g-f2");
      expect(JSON.stringify(mi)).not.toContain("企业2");
    });
  });
});

describeEachDatabase(
  "growth routes over HTTP: validation, the note round trip, viewers read only",
  (getDb) => {
    let app: FastifyInstance;
    let owner: Session;
    let viewer: Session;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      app = await testApp(getDb().db);
      [owner, viewer] = await Promise.all([login(app, EMAILS.aOwner), login(app, EMAILS.aViewer)]);
    });
    afterAll(() => app.close());

    it("a year that is not a year is a 400, not a 500", async () => {
      const res = await call(app, owner, "GET", "/api/v1/growth/micro?year=abc");
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBeDefined();
    });

    it("the owner saves a note with goals; the goal shows the KPI's current value; a viewer may not save", async () => {
      const body = {
        body: "扩产高端电感",
        goals: [{ title: "营收", kpi: "revenue", target: 5000, due: 2028 }],
      };
      const saved = await call(app, owner, "PUT", "/api/v1/growth/strategy/note", body);
      expect(saved.statusCode).toBe(200);
      expect(saved.json().goals[0]).toMatchObject({ kpi: "revenue", current: 1100 });
      const read = await call(app, viewer, "GET", "/api/v1/growth/strategy/note");
      expect(read.json().body).toBe("扩产高端电感");
      const denied = await call(app, viewer, "PUT", "/api/v1/growth/strategy/note", body);
      expect(denied.statusCode).toBe(403);
      const bad = await call(app, owner, "PUT", "/api/v1/growth/strategy/note", {
        body: "x",
        goals: [{ title: "", kpi: "nope", target: 1, due: 1 }],
      });
      expect(bad.statusCode).toBe(400);
    });
  },
);

describeEachDatabase("growth jobs: a DEA run as a job holds only firms the caller may name", (getDb) => {
  let app: FastifyInstance;
  let op: Session;
  let a: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [op, a] = await Promise.all([login(app, EMAILS.opAdmin), login(app, EMAILS.aOwner)]);
  });
  afterAll(() => app.close());

  it("too few consenting firms is a 400; with three the operator's job starts; a firm with pseudonymous peers gets 403", async () => {
    expect(
      (await call(app, op, "POST", "/api/v1/growth/jobs", { method: "dea-ccr", year: 2023 })).statusCode,
    ).toBe(400);
    await getDb()
      .db.insert(grants)
      .values(
        ["org-a", "org-b", "org-c"].map((orgId) => ({
          id: `g-op-${orgId}`,
          orgId,
          granteeOrgId: "org-operator",
          dataClass: "indicators" as const,
          purpose: "growth",
          expiresAt: new Date("2099-01-01T00:00:00Z"),
        })),
      );
    const started = await call(app, op, "POST", "/api/v1/growth/jobs", { method: "dea-ccr", year: 2023 });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ kind: "analyze", orgId: "org-operator" });
    const firm = await call(app, a, "POST", "/api/v1/growth/jobs", { method: "dea-ccr", year: 2023 });
    expect(firm.statusCode).toBe(403);
  });
});
