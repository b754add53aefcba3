import type { MachineStateName } from "@clusterbrain/contracts";
import { SeededRandom } from "@clusterbrain/engine/shared";
import type { Tx } from "../db/database.ts";
import { oeeCounts, oeeMachineSettings, oeeStateEvents } from "../db/schema/index.ts";
import { DEMO_PLANTS } from "../modules/telemetry/telemetry-demo.data.ts";

const MIN = 60_000;
const DAYS = 7;
/** The simulator counts about 2 good parts a second while running: 0.4 s ideal → performance ≈ 80 %. */
export const DEMO_IDEAL_CYCLE_S = 0.4;
const BUCKET_MIN = 15;

const REASONS: Record<Exclude<MachineStateName, "running" | "planned_stop">, string[]> = {
  down: ["jam", "nozzle_clog", "maintenance", "quality_hold", "power_dip"],
  setup: ["changeover", "first_article"],
  idle: ["waiting_material", "waiting_operator", "no_order"],
};
/** Mean minutes per state. */
const DWELL = { running: 55, down: 14, setup: 22, idle: 9 };

/**
 * A week of machine states and counts for every demo machine, ending at `at`, so the OEE page has
 * a trend, a Pareto and stops on the first look (the simulator carries on live from there). Lunch
 * and midnight breaks (12:00 and 00:00 China time, 30 min) are planned stops.
 */
export function demoOeeRows(at: Date) {
  const end = Math.floor(at.getTime() / MIN) * MIN;
  const start = end - DAYS * 1440 * MIN;
  const settings: (typeof oeeMachineSettings.$inferInsert)[] = [];
  const events: (typeof oeeStateEvents.$inferInsert)[] = [];
  const counts: (typeof oeeCounts.$inferInsert)[] = [];
  let seed = 11;
  for (const plant of DEMO_PLANTS) {
    for (const m of plant.machines) {
      const machineId = `demo-${m.id}`;
      const orgId = plant.orgId;
      const rng = new SeededRandom(seed++);
      settings.push({ orgId, machineId, idealCycleS: DEMO_IDEAL_CYCLE_S, updatedAt: at });
      // Minute by minute: the state, then intervals and 15-minute count buckets from it.
      const speed = 0.85 + rng.uniform(-0.08, 0.08);
      const rejectRate = 0.01 + rng.uniform(0, 0.02);
      let state: MachineStateName = "running";
      let reason = "";
      let until = start + Math.round(-Math.log(1 - rng.next()) * DWELL.running) * MIN;
      let open: typeof oeeStateEvents.$inferInsert | null = null;
      let bucket = { start, good: 0, total: 0 };
      for (let t = start; t < end; t += MIN) {
        const localMin = (((t / MIN + 8 * 60) % 1440) + 1440) % 1440;
        const onBreak = localMin % 720 < 30;
        let s: MachineStateName;
        let r: string;
        if (onBreak) {
          s = "planned_stop";
          r = "break";
        } else {
          if (t >= until) {
            if (state === "running") {
              const kinds = ["down", "setup", "idle"] as const;
              state = kinds[rng.weightedIndex([0.4, 0.25, 0.35])];
              reason = rng.pick(REASONS[state]);
            } else {
              state = "running";
              reason = "";
            }
            until = t + Math.max(1, Math.round(-Math.log(1 - rng.next()) * DWELL[state])) * MIN;
          }
          s = state;
          r = reason;
        }
        if (!open || open.state !== s || open.reason !== r) {
          if (open) open.endedAt = new Date(t);
          open = {
            orgId,
            id: `demo-oee-${machineId}-${events.length}`,
            machineId,
            state: s,
            reason: r,
            startedAt: new Date(t),
            source: "tag",
          };
          events.push(open);
        }
        if (s === "running") {
          const made = rng.poisson((60 / DEMO_IDEAL_CYCLE_S) * speed);
          const bad = rng.poisson(made * rejectRate);
          bucket.total += made;
          bucket.good += Math.max(0, made - bad);
        }
        if (((t - start) / MIN) % BUCKET_MIN === BUCKET_MIN - 1) {
          if (bucket.total > 0)
            counts.push({
              orgId,
              machineId,
              bucket: new Date(bucket.start),
              good: bucket.good,
              total: bucket.total,
            });
          bucket = { start: t + MIN, good: 0, total: 0 };
        }
      }
      if (open) open.endedAt = new Date(end);
    }
  }
  return { settings, events, counts };
}

/** Writes the demo week (the machines themselves appear with the demo telemetry). */
export async function loadDemoOee(tx: Tx, at: Date): Promise<void> {
  const { settings, events, counts } = demoOeeRows(at);
  await tx.insert(oeeMachineSettings).values(settings);
  for (let i = 0; i < events.length; i += 1000)
    await tx.insert(oeeStateEvents).values(events.slice(i, i + 1000));
  for (let i = 0; i < counts.length; i += 1000) await tx.insert(oeeCounts).values(counts.slice(i, i + 1000));
}
