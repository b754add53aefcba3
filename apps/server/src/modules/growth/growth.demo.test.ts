import { FIRM_A_KEY, OPERATOR_KEY } from "@clusterbrain/demo";
import { expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import { loadDemoCluster } from "../../demo/demo.loader.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { GrowthService } from "./growth.service.ts";

const actor = (orgId: string, orgKind: Actor["orgKind"]): Actor => ({
  userId: `u-${orgId}`,
  email: `${orgId}@demo.test`,
  displayName: orgId,
  orgId,
  orgKind,
  role: "owner",
  via: "session",
  credentialId: "test",
});

describeEachDatabase("growth dashboards on the demo cluster: every view has data", (getDb) => {
  it("micro, meso, macro and the strategy workbench answer with figures; the inductor gap shows", async () => {
    await loadDemoCluster(getDb().db, { now: () => new Date("2026-06-01T00:00:00Z") });
    const service = new GrowthService(getDb().db, () => new Date("2026-06-01T00:00:00Z"));
    const op = actor(OPERATOR_KEY, "operator");
    const t0 = performance.now();
    const micro = await service.micro(op, {});
    const tMicro = performance.now() - t0;
    expect(micro.dea.units.length).toBeGreaterThan(100);
    expect(micro.dea.meanCcr.suppressed).toBe(false);
    expect(micro.malmquist.periods.length).toBe(4);
    expect(micro.malmquist.periods.every((p) => p.M.value !== null)).toBe(true);
    expect(micro.topsis.units[0].rank).toBe(1);
    expect(micro.peerBench.groups.some((g) => !g.meanCloseness.suppressed)).toBe(true);
    // Every tenth firm withheld its consent: fewer contributors than enterprises.
    expect(micro.contributors).toBeLessThan(280);
    expect(micro.contributors).toBeGreaterThan(240);

    const meso = await service.meso(op, {});
    expect(meso.io.segments.filter((s) => s.outputMultiplier !== null).length).toBeGreaterThanOrEqual(2);
    expect(meso.network.density).not.toBeNull();
    expect(meso.coupling.years.some((y) => y.D !== null)).toBe(true);

    const macro = await service.macro(op, {});
    expect(macro.moran.I).not.toBeNull();
    expect(macro.lisa.units.filter((u) => u.Ii !== null).length).toBeGreaterThanOrEqual(4);
    expect(macro.lq.cells.some((c) => !c.lq.suppressed)).toBe(true);
    expect(macro.shiftShare.rows.some((r) => !r.total.suppressed)).toBe(true);
    expect(macro.spillover.years.length).toBe(5);

    const firm = actor(FIRM_A_KEY, "enterprise");
    const strategy = await service.strategy(firm);
    const gap = strategy.marketGaps.items.find((i) => i.product === "high-end-inductor");
    expect(gap?.gap).toBeGreaterThan(0);
    expect(strategy.marketGaps.items[0].product).toBe("high-end-inductor");
    expect(strategy.position.nodes.length).toBeGreaterThan(0);
    const own = (await service.micro(firm, {})).dea.units.filter((u) => u.orgId !== null);
    expect(own.map((u) => u.orgId)).toEqual([FIRM_A_KEY]);
    console.log(
      `growth demo: micro ${tMicro.toFixed(0)} ms; contributors ${micro.contributors}; meanCCR ${micro.dea.meanCcr.value?.toFixed(3)}; Moran I ${macro.moran.I?.toFixed(3)} p ${macro.moran.p}; IO ${JSON.stringify(meso.io.segments.map((s) => [s.stage, s.outputMultiplier?.toFixed(3), s.sectorClass]))}; gap ${gap?.gap}`,
    );
  }, 120_000);
});
