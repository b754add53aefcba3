import type { PlanInstance } from "@clusterbrain/contracts";
import type { ScheduleInstance } from "@clusterbrain/engine/schedule";

/** The engine's instance from the compact plan: family setups expanded to every pair of jobs per machine. */
export function planToInstance(plan: PlanInstance): ScheduleInstance {
  const fam = plan.jobs.map((j) => j.family);
  const setupTimes = plan.familySetups
    ? plan.familySetups.map((byFamily) => fam.map((from) => fam.map((to) => byFamily[from]?.[to] ?? 0)))
    : undefined;
  return {
    machineCount: plan.machineCount,
    jobs: plan.jobs.map((j) => ({
      release: j.release,
      due: j.due,
      weight: j.weight,
      operations: j.operations.map((o) => ({ alternatives: o.alternatives.map((a) => ({ ...a })) })),
    })),
    ...(setupTimes ? { setupTimes } : {}),
    unavailable: plan.unavailable,
  };
}
