import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import { DocumentService } from "../modules/innovation/document.service.ts";
import { ListingService } from "../modules/innovation/listing.service.ts";
import { ProjectService } from "../modules/innovation/project.service.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";
import { DEMO_RESOURCE_IDS } from "./demo.resources.ts";

const staff = (orgId: string): Actor => ({
  userId: `staff-${orgId}`,
  email: "staff@demo.cluster",
  displayName: "staff",
  orgId,
  orgKind: "enterprise",
  role: "owner",
  via: "session",
  credentialId: "test",
});

describeEachDatabase("demo innovation hub", (getDb) => {
  let listings: ListingService;
  let projects: ProjectService;
  beforeAll(async () => {
    await loadDemoCluster(getDb().db, { reset: true });
    const now = () => new Date("2026-12-07T00:00:00Z");
    listings = new ListingService(getDb().db, now);
    projects = new ProjectService(getDb().db, now);
  });

  it("each firm demand finds its real counterpart among the universities' and institutes' capabilities", async () => {
    const expectTop3 = async (orgId: string, listing: string, wanted: string) => {
      const ids = (await listings.matches(staff(orgId), listing)).items.slice(0, 3).map((m) => m.listing.id);
      expect(ids).toContain(wanted);
    };
    await expectTop3(FIRM_A_KEY, "listing-demo-huaci-core", "listing-demo-zju-ferrite");
    await expectTop3(FIRM_A_KEY, "listing-demo-huaci-core", "listing-demo-tsinghua-inductor");
    await expectTop3(FIRM_A_KEY, "listing-demo-huaci-aecq", "listing-demo-testing-aecq");
    await expectTop3(SHIYUAN_KEY, "listing-demo-shiyuan-psu", "listing-demo-tongji-emc");
    await expectTop3(SHIYUAN_KEY, "listing-demo-shiyuan-ecg", "listing-demo-nanhu-ecg");
    await expectTop3(HELIAN_KEY, "listing-demo-helian-aoi", "listing-demo-bit-aoi");
  });

  it("the demo expert (magnetics, inductors, EMC) ranks for a demand in her field, with reasons, and not for one outside it", async () => {
    const core = await listings.matches(staff(FIRM_A_KEY), "listing-demo-huaci-core");
    const [top] = core.experts;
    expect(top.expert).toMatchObject({
      resourceId: DEMO_RESOURCE_IDS.expert,
      orgId: "org-inst-tsinghua-yrd",
    });
    expect(top.score).toBeGreaterThan(0);
    expect(top.reasons.find((r) => r.feature === "keywords")?.contribution).toBeGreaterThan(0);
    expect(top.matchedTerms.map((t) => t.concept)).toEqual(expect.arrayContaining(["inductor"]));
    // Listings stay listings: the expert is not among the capability matches.
    expect(core.items.every((m) => m.listing.kind === "capability")).toBe(true);
    const aoi = await listings.matches(staff(HELIAN_KEY), "listing-demo-helian-aoi");
    expect(aoi.experts.map((e) => e.expert.resourceId)).not.toContain(DEMO_RESOURCE_IDS.expert);
    // A capability is not matched to experts.
    const cap = await listings.matches(staff("org-inst-zju-jx"), "listing-demo-zju-ferrite");
    expect(cap.experts).toEqual([]);
  });

  it("the running high-end inductor project is seen by its members only", async () => {
    const p = await projects.get(staff(FIRM_A_KEY), "project-demo-high-end-inductor");
    expect(p.members.map((m) => m.orgId)).toEqual([FIRM_A_KEY, "org-inst-zju-jx", "org-inst-tsinghua-yrd"]);
    expect(p.milestones.map((m) => m.status)).toEqual(["done", "open", "open"]);
    const docs = await new DocumentService(getDb().db, () => new Date()).list(
      staff("org-inst-tsinghua-yrd"),
      "project-demo-high-end-inductor",
    );
    expect(docs.items.map((d) => [d.name, d.versions.length])).toEqual([
      ["MnZn-material-test.csv", 1],
      ["项目任务书.md", 2],
    ]);
    await expect(projects.get(staff(HELIAN_KEY), "project-demo-high-end-inductor")).rejects.toMatchObject({
      status: 404,
    });
  });
});
