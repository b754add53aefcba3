import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import type { Database } from "../../db/database.ts";
import { grants, marketingEquipment, marketingHospitals, orgs } from "../../db/schema/index.ts";
import { NotFoundError } from "../../errors/index.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { GrantRepository } from "../grants/grant.repository.ts";
import { MarketingService } from "./marketing.service.ts";

const NOW = new Date("2026-06-01T00:00:00Z");
const HOSPITALS = ["m-h1", "m-h2", "m-h3", "m-h4"];
const actor = (orgId: string): Actor => ({
  userId: `u-${orgId}`,
  email: `${orgId}@m.test`,
  displayName: orgId,
  orgId,
  orgKind: "enterprise",
  role: "owner",
  via: "session",
  credentialId: "t",
});
const SUP = actor("m-sup");
const OLD_MONITORS = { deviceType: "patient monitor", minAgeYears: 8 };

/** A supplier, a rival and four county hospitals, each with 2 patient monitors from 2014. */
async function seed(db: Database) {
  await db.insert(orgs).values([
    { id: "m-sup", kind: "enterprise", nameZh: "监护仪厂", nameEn: "Monitor maker" },
    { id: "m-rival", kind: "enterprise", nameZh: "对手", nameEn: "Rival" },
    ...HOSPITALS.map((id, i) => ({
      id,
      kind: "service" as const,
      nameZh: `县医院${i + 1}`,
      nameEn: `County hospital ${i + 1}`,
    })),
  ]);
  await db
    .insert(marketingHospitals)
    .values(HOSPITALS.map((orgId) => ({ orgId, level: "county" as const, county: "海盐县" })));
  await db.insert(marketingEquipment).values(
    HOSPITALS.flatMap((orgId) => [
      {
        orgId,
        id: "e1",
        deviceType: "patient monitor",
        brand: "X",
        installYear: 2014,
        count: 2,
        usageHours: 100,
      },
      { orgId, id: "e2", deviceType: "ventilator", brand: "Y", installYear: 2024, count: 1, usageHours: 5 },
    ]),
  );
  // m-h4 shares only its indicators with the supplier: not its equipment, so never in a segment.
  await db.insert(grants).values({
    id: "m-g-h4",
    orgId: "m-h4",
    granteeOrgId: "m-sup",
    dataClass: "indicators",
    purpose: "x",
    expiresAt: new Date(NOW.getTime() + 86_400_000),
  });
}

async function consent(db: Database, orgId: string) {
  await db.insert(grants).values({
    id: `m-g-${orgId}`,
    orgId,
    granteeOrgId: "m-sup",
    dataClass: "equipment",
    purpose: "precision marketing",
    expiresAt: new Date(NOW.getTime() + 86_400_000),
  });
}

describeEachDatabase("precision marketing: consent by equipment grant, k ≥ 3 aggregates", (getDb) => {
  let service: MarketingService;
  beforeAll(async () => {
    await seed(getDb().db);
    service = new MarketingService(getDb().db, () => NOW);
  });

  describe("in order", () => {
    it("only hospitals with an active equipment grant are in a segment; 2 hospitals → aggregate withheld", async () => {
      await consent(getDb().db, "m-h1");
      await consent(getDb().db, "m-h2");
      const seg = await service.segment(SUP, OLD_MONITORS);
      expect(seg.hospitals.map((h) => h.orgId)).toEqual(["m-h1", "m-h2"]);
      expect(seg.hospitals[0]).toMatchObject({ devices: 2, oldestInstallYear: 2014 });
      expect(seg.aggregate.devices).toEqual({ value: null, firms: null, suppressed: true });
      expect(seg.aggregate.meanAgeYears.suppressed).toBe(true);
      expect((await service.segment(actor("m-rival"), {})).hospitals).toEqual([]);
    });

    it("a third consenting hospital → aggregate shown", async () => {
      await consent(getDb().db, "m-h3");
      const seg = await service.segment(SUP, OLD_MONITORS);
      expect(seg.hospitals.map((h) => h.orgId)).toEqual(["m-h1", "m-h2", "m-h3"]);
      expect(seg.aggregate.devices).toEqual({ value: 6, firms: 3, suppressed: false });
      expect(seg.aggregate.meanAgeYears.value).toBe(12);
      expect(seg.aggregate.usageHours.value).toBe(300);
      // The 2024 ventilators are not old: filtering on them finds nobody.
      expect((await service.segment(SUP, { deviceType: "ventilator", minAgeYears: 8 })).hospitals).toEqual(
        [],
      );
      expect((await service.segment(SUP, { county: "别的县" })).hospitals).toEqual([]);
    });

    it("a campaign on the segment gets one lead per hospital; only its org may work the leads", async () => {
      const bundle = await service.createBundle(SUP, {
        name: "监护仪换代套餐",
        segment: OLD_MONITORS,
        items: [
          { kind: "product", name: "monitor", quantity: 2 },
          { kind: "service", name: "3-year maintenance", quantity: 1 },
        ],
        price: 120_000,
      });
      const c = await service.createCampaign(SUP, {
        name: "春季",
        segment: OLD_MONITORS,
        bundleId: bundle.id,
      });
      expect(c.leads.map((l) => l.accountOrgId)).toEqual(["m-h1", "m-h2", "m-h3"]);
      expect(c.bundleId).toBe(bundle.id);
      const lead = await service.updateLead(SUP, c.leads[0].id, {
        stage: "contacted",
        contact: "王主任",
        activity: "电话拜访",
      });
      expect(lead).toMatchObject({
        stage: "contacted",
        contact: "王主任",
        activities: [{ note: "电话拜访" }],
      });
      await expect(service.updateLead(actor("m-rival"), c.leads[0].id, { stage: "lost" })).rejects.toThrow(
        NotFoundError,
      );
      await expect(
        service.createCampaign(actor("m-rival"), { name: "x", segment: {}, bundleId: bundle.id }),
      ).rejects.toThrow(NotFoundError);
      expect((await service.campaigns(actor("m-rival"))).items).toEqual([]);
    });

    it("revoking a grant removes the hospital from segments at once (and the aggregate is withheld again)", async () => {
      await new GrantRepository(getDb().db).revoke("m-g-m-h1", NOW);
      const seg = await service.segment(SUP, OLD_MONITORS);
      expect(seg.hospitals.map((h) => h.orgId)).toEqual(["m-h2", "m-h3"]);
      expect(seg.aggregate.devices.suppressed).toBe(true);
      const c = await service.createCampaign(SUP, { name: "after", segment: OLD_MONITORS });
      expect(c.leads.map((l) => l.accountOrgId)).toEqual(["m-h2", "m-h3"]);
    });
  });
});

describeEachDatabase("marketing routes over HTTP: validation, roles, round trips", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  let viewer: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [owner, viewer] = await Promise.all([login(app, EMAILS.aOwner), login(app, EMAILS.aViewer)]);
  });
  afterAll(() => app.close());

  it("a hospital saves its inventory; a viewer may not; bad input is a 400", async () => {
    const body = {
      level: "county",
      county: "海盐县",
      items: [{ deviceType: "patient monitor", brand: "X", installYear: 2012, count: 3, usageHours: 9000 }],
    };
    const saved = await call(app, owner, "PUT", "/api/v1/marketing/inventory", body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ level: "county", items: [{ count: 3 }] });
    expect((await call(app, viewer, "GET", "/api/v1/marketing/inventory")).json().items).toHaveLength(1);
    expect((await call(app, viewer, "PUT", "/api/v1/marketing/inventory", body)).statusCode).toBe(403);
    const bad = await call(app, owner, "PUT", "/api/v1/marketing/inventory", { ...body, level: "galaxy" });
    expect(bad.statusCode).toBe(400);
  });

  it("segment query validates; bundle and campaign are created and listed", async () => {
    expect((await call(app, owner, "GET", "/api/v1/marketing/segment?minAgeYears=abc")).statusCode).toBe(400);
    const seg = await call(app, owner, "GET", "/api/v1/marketing/segment?deviceType=monitor&minAgeYears=5");
    expect(seg.statusCode).toBe(200);
    expect(seg.json().aggregate.devices.suppressed).toBe(true);
    const bundle = await call(app, owner, "POST", "/api/v1/marketing/bundles", {
      name: "套餐",
      segment: { deviceType: "monitor" },
      items: [{ kind: "product", name: "m", quantity: 1 }],
      price: 1,
    });
    expect(bundle.statusCode).toBe(200);
    const camp = await call(app, owner, "POST", "/api/v1/marketing/campaigns", {
      name: "展会",
      segment: {},
      bundleId: bundle.json().id,
      channel: "医疗器械博览会",
    });
    expect(camp.statusCode).toBe(200);
    const list = (await call(app, viewer, "GET", "/api/v1/marketing/campaigns")).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(["展会"]);
    expect((await call(app, owner, "POST", "/api/v1/marketing/campaigns", { name: "" })).statusCode).toBe(
      400,
    );
    const ghost = await call(app, owner, "PATCH", "/api/v1/marketing/leads/nope", { stage: "won" });
    expect(ghost.statusCode).toBe(404);
  });
  it("a lead of A's campaign is A's record: B patching it gets 404, A moves its stage", async () => {
    const db = getDb().db;
    await db.insert(marketingHospitals).values({ orgId: IDS.c, level: "city", county: "南湖区" });
    await db.insert(grants).values({
      id: "m-http-g-c-a",
      orgId: IDS.c,
      granteeOrgId: IDS.a,
      dataClass: "equipment",
      purpose: "precision marketing",
      expiresAt: new Date("2099-01-01T00:00:00Z"),
    });
    const camp = await call(app, owner, "POST", "/api/v1/marketing/campaigns", {
      name: "C only",
      segment: {},
    });
    expect(camp.json().leads.map((l: { accountOrgId: string }) => l.accountOrgId)).toEqual([IDS.c]);
    const leadId = camp.json().leads[0].id;
    const b = await login(app, EMAILS.bOwner);
    const foreign = await call(app, b, "PATCH", `/api/v1/marketing/leads/${leadId}`, { stage: "lost" });
    expect(foreign.statusCode).toBe(404);
    expect((await call(app, b, "GET", "/api/v1/marketing/segment")).json().hospitals).toEqual([]);
    const moved = await call(app, owner, "PATCH", `/api/v1/marketing/leads/${leadId}`, { stage: "proposal" });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().stage).toBe("proposal");
    expect(
      (await call(app, viewer, "PATCH", `/api/v1/marketing/leads/${leadId}`, { stage: "won" })).statusCode,
    ).toBe(403);
  });
});
