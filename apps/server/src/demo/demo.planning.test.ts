import { DEMO_HISTORY_MONTHS, FIRM_A_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import { PlanningService } from "../modules/planning/planning.service.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

const planner = (orgId: string): Actor => ({
  userId: `planner-${orgId}`,
  email: "planner@demo.cluster",
  displayName: "planner",
  orgId,
  orgKind: "enterprise",
  role: "member",
  via: "session",
  credentialId: "test",
});

describeEachDatabase("demo planning data", (getDb) => {
  let service: PlanningService;
  beforeAll(async () => {
    const summary = await loadDemoCluster(getDb().db, { reset: true });
    expect(summary.planningRecords).toBeGreaterThan(200);
    service = new PlanningService(getDb().db, () => new Date("2026-12-07T00:00:00Z"));
  });

  it("the inductor maker's history is 24+ monthly points and forecasts with a 12-month season from its dates", async () => {
    const f = await service.forecast(planner(FIRM_A_KEY), "IND-MOLD-0630", 12);
    expect(f.history.length).toBe(DEMO_HISTORY_MONTHS);
    expect(DEMO_HISTORY_MONTHS).toBeGreaterThanOrEqual(24);
    expect(f.season).toMatchObject({ source: "timestamps", periods: [12] });
    expect(f.forecast[0].date).toBe("2026-11-01");
    expect(f.accuracy?.smape).toBeLessThan(25);
  });

  it("MRP of the monitor maker plans Huaci inductors pegged back to hospital orders, and raises actions", async () => {
    const plan = await service.mrp(planner(SHIYUAN_KEY), 6);
    expect(plan.periods[0]).toBe("2026-11-01");
    const inductors = plan.plannedOrders.filter((o) => o.item === "IND-MOLD-1040");
    expect(inductors.length).toBeGreaterThan(0);
    const pegged = inductors.flatMap((o) => o.pegs.map((g) => g.demandId));
    expect(pegged.some((id) => id.startsWith("SO-SY-"))).toBe(true);
    expect(plan.actions.some((a) => a.kind !== "release")).toBe(true);
    const huaci = await service.mrp(planner(FIRM_A_KEY), 6);
    expect(huaci.plannedOrders.some((o) => o.item === "MAT-POWDER-FESIAL")).toBe(true);
  });
});
