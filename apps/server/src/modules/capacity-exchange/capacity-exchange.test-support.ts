import type { PlanInstance } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import { scheduleScenarios } from "../../db/schema/index.ts";
import { addDays, DAY_MIN, weekday } from "../scheduling/scheduling.calendar.ts";
import { factoryToday } from "../scheduling/scheduling.service.ts";

/** Next Monday (factory time): a published plan starting then has whole weeks ahead of today. */
export function nextMonday(now = new Date()): string {
  const today = factoryToday(now);
  return addDays(today, 8 - weekday(today));
}

/**
 * A published schedule of `orgId` from next Monday: two WIND machines working 08:00–16:00 on
 * weekdays for four weeks (80 h a week together), busy 4 h on Monday (machine 0) and 8 h on
 * Tuesday (machine 1) of the first week, so 68 idle hours that week and 80 in the others.
 */
export async function publishTestSchedule(
  db: Database,
  orgId: string,
): Promise<{ id: string; origin: string }> {
  const origin = nextMonday();
  const windows = [0, 1].map(() =>
    Array.from({ length: 28 }, (_, d) => d)
      .filter((d) => d % 7 < 5)
      .map((d) => ({ start: d * DAY_MIN + 480, end: d * DAY_MIN + 960 })),
  );
  const job = { release: 0, due: 5 * DAY_MIN, weight: 1, family: 0, operations: [] };
  const id = `scenario-test-${orgId}`;
  await db.insert(scheduleScenarios).values({
    orgId,
    id,
    name: "测试计划",
    objective: "makespan",
    timeLimitSeconds: 1,
    status: "ready",
    origin,
    plan: { machineCount: 2, jobs: [job, job] } as unknown as PlanInstance,
    meta: {
      origin,
      machines: [
        { code: "WIND-1", name: "绕线 1", workCentre: "WIND" },
        { code: "WIND-2", name: "绕线 2", workCentre: "WIND" },
      ],
      families: ["F"],
      jobs: [],
      skipped: [],
      windows,
    },
    operations: [
      { job: 0, op: 0, machine: 0, start: 480, end: 720 },
      { job: 1, op: 0, machine: 1, start: DAY_MIN + 480, end: DAY_MIN + 960 },
    ],
    published: true,
  });
  return { id, origin };
}
