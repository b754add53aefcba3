import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import { solveSchedule, validateSchedule } from "@clusterbrain/engine/schedule";
import { beforeAll, expect, it } from "vitest";
import type { JobRunner } from "../modules/jobs/job.runner.ts";
import { buildPlan } from "../modules/scheduling/scheduling.instance.ts";
import { scenarioKpis } from "../modules/scheduling/scheduling.kpis.ts";
import { planToInstance } from "../modules/scheduling/scheduling.plan.ts";
import { SchedulingService } from "../modules/scheduling/scheduling.service.ts";
import { describeEachDatabase } from "../test/test-database.ts";
import { loadDemoCluster } from "./demo.loader.ts";

describeEachDatabase("demo scheduling data", (getDb) => {
  let service: SchedulingService;
  beforeAll(async () => {
    await loadDemoCluster(getDb().db, { reset: true, now: () => new Date("2026-12-07T01:00:00Z") });
    service = new SchedulingService(getDb().db, {} as JobRunner, () => new Date("2026-12-07T01:00:00Z"));
  });

  for (const [firm, key, machines] of [
    ["inductor maker", FIRM_A_KEY, 6],
    ["patient-monitor maker", SHIYUAN_KEY, 6],
    ["SMT assembler", HELIAN_KEY, 6],
  ] as const) {
    it(`the ${firm}'s production orders all compile and schedule validly within shifts, holidays and setups`, async () => {
      const data = await service.masterData(key);
      expect(data.machines).toHaveLength(machines);
      const { plan, meta } = buildPlan(data, "2026-12-07", "weightedTardiness");
      expect(meta.skipped).toEqual([]);
      expect(plan.jobs.length).toBeGreaterThanOrEqual(6);
      expect(plan.familySetups).not.toBeNull();
      const instance = planToInstance(plan);
      const result = solveSchedule(instance, {
        objective: "weightedTardiness",
        iterationLimit: 200,
        seed: 1,
      });
      expect(validateSchedule(instance, result.schedule).valid).toBe(true);
      const kpis = scenarioKpis(plan, meta, result.schedule.operations, result.stopReason);
      expect(kpis.utilisationPct).toBeGreaterThan(0);
      expect(kpis.setups).toBeGreaterThan(0);
    });
  }

  it("the 调休 swap is data: 2027-02-20 (a Saturday) works, 2027-02-10 (a Wednesday) is a holiday", async () => {
    const data = await service.masterData(SHIYUAN_KEY);
    const byDate = new Map(data.calendar.map((c) => [c.date, c.kind]));
    expect(byDate.get("2027-02-20")).toBe("workday");
    expect(byDate.get("2027-02-10")).toBe("holiday");
  });
});
