import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import { ListingService } from "../modules/innovation/listing.service.ts";
import { ProjectService } from "../modules/innovation/project.service.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

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

  it("the running high-end inductor project is seen by its members only", async () => {
    const p = await projects.get(staff(FIRM_A_KEY), "project-demo-high-end-inductor");
    expect(p.members.map((m) => m.orgId)).toEqual([FIRM_A_KEY, "org-inst-zju-jx", "org-inst-tsinghua-yrd"]);
    expect(p.milestones.map((m) => m.status)).toEqual(["done", "open", "open"]);
    await expect(projects.get(staff(HELIAN_KEY), "project-demo-high-end-inductor")).rejects.toMatchObject({
      status: 404,
    });
  });
});
