import { scheduleJobInputSchema } from "@clusterbrain/contracts";
import {
  parseBrandimarte,
  parseJobShop,
  type ScheduleInstance,
  solveSchedule,
  validateSchedule,
} from "@clusterbrain/engine/schedule";
import { planToInstance } from "../../scheduling/scheduling.plan.ts";
import type { KindRunner } from "../job.protocol.ts";
import { mulberry32 } from "./random.ts";

/** A random classic job shop: every job visits every machine once in random order, durations 1–99 (Taillard-like). */
export function generateJobShop(jobs: number, machines: number, seed: number): ScheduleInstance {
  const rand = mulberry32(seed);
  return {
    name: `generated-${jobs}x${machines}-s${seed}`,
    machineCount: machines,
    jobs: Array.from({ length: jobs }, () => {
      const order = Array.from({ length: machines }, (_, m) => m);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      return {
        operations: order.map((machine) => ({
          alternatives: [{ machine, duration: 1 + Math.floor(rand() * 99) }],
        })),
      };
    }),
  };
}

function loadText(text: string, format: "auto" | "jobshop" | "brandimarte"): ScheduleInstance {
  if (format === "jobshop") return parseJobShop(text, "uploaded");
  if (format === "brandimarte") return parseBrandimarte(text, "uploaded");
  try {
    return parseJobShop(text, "uploaded");
  } catch (jobShopError) {
    try {
      return parseBrandimarte(text, "uploaded");
    } catch {
      throw jobShopError;
    }
  }
}

/** The anytime solver: progress is the share of the time limit used; cancel keeps the best schedule so far. */
export const runScheduleJob: KindRunner = async (raw, ctx) => {
  const input = scheduleJobInputSchema.parse(raw);
  const source = input.instance;
  const instance =
    source.source === "generated"
      ? generateJobShop(source.jobs, source.machines, source.seed)
      : source.source === "plan"
        ? planToInstance(source.plan)
        : loadText(source.text, source.format);
  const timeLimitMs = input.timeLimitSeconds * 1000;
  const objective = input.objective ?? "makespan";
  const result = solveSchedule(instance, {
    timeLimitMs,
    objective,
    seed: input.seed,
    progressIntervalMs: 200,
    signal: {
      get aborted() {
        return ctx.cancelRequested();
      },
    },
    onProgress: (p) =>
      ctx.progress(
        Math.min(0.99, p.elapsedMs / timeLimitMs),
        `best ${objective === "makespan" ? "makespan" : "weighted tardiness"} ${p.bestObjective} · ${p.iterations} it`,
      ),
  });
  const report = validateSchedule(instance, result.schedule);
  if (!report.valid) throw new Error(`schedule failed validation: ${report.violations[0].message}`);
  return {
    cancelled: result.stopReason === "aborted",
    result: {
      instance: instance.name ?? null,
      jobs: instance.jobs.length,
      machines: instance.machineCount,
      makespan: result.makespan,
      weightedTardiness: result.weightedTardiness,
      lowerBound: result.lowerBound,
      iterations: result.iterations,
      elapsedMs: Math.round(result.elapsedMs),
      stopReason: result.stopReason,
      algorithm: result.algorithm,
      operations: result.schedule.operations.slice(0, 20_000),
    },
  };
};
