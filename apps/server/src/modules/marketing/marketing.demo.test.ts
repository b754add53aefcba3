import { FIRM_A_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import { expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import { loadDemoCluster } from "../../demo/demo.loader.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { MarketingService } from "./marketing.service.ts";

const NOW = new Date("2026-06-01T00:00:00Z");
const actor = (orgId: string): Actor => ({
  userId: `u-${orgId}`,
  email: `${orgId}@demo.test`,
  displayName: orgId,
  orgId,
  orgKind: "enterprise",
  role: "owner",
  via: "session",
  credentialId: "test",
});

describeEachDatabase("precision marketing on the demo cluster", (getDb) => {
  it("the monitor maker's segment of old patient monitors has the consenting hospitals, not 海盐", async () => {
    await loadDemoCluster(getDb().db, { now: () => NOW });
    const service = new MarketingService(getDb().db, () => NOW);
    const seg = await service.segment(actor(SHIYUAN_KEY), { deviceType: "patient monitor", minAgeYears: 8 });
    const ids = seg.hospitals.map((h) => h.orgId);
    expect(ids).toHaveLength(6);
    expect(ids).not.toContain("org-hosp-hy");
    expect(seg.aggregate.devices.suppressed).toBe(false);
    const county = await service.segment(actor(SHIYUAN_KEY), { level: "county", minAgeYears: 8 });
    expect(county.hospitals.map((h) => h.county).sort()).toEqual(["嘉善县", "平湖市", "桐乡市", "海宁市"]);
    // The inductor maker holds no equipment grant from any hospital.
    expect((await service.segment(actor(FIRM_A_KEY), {})).hospitals).toEqual([]);
  });
});
