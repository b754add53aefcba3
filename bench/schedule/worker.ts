// Worker thread: parse + solve one instance per message; the main thread validates (a solver
// never grades itself).
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { parseBrandimarte, parseJobShop, solveSchedule } from "@clusterbrain/engine/schedule";
import type { SolveJob, SolveReply } from "./protocol.ts";

parentPort?.on("message", (job: SolveJob) => {
  try {
    const text = readFileSync(job.file, "utf8");
    const instance =
      job.format === "brandimarte" ? parseBrandimarte(text, job.name) : parseJobShop(text, job.name);
    const started = performance.now();
    const res = solveSchedule(instance, { timeLimitMs: job.timeLimitMs, seed: job.seed });
    const reply: SolveReply = {
      ok: true,
      name: job.name,
      schedule: res.schedule,
      makespan: res.makespan,
      iterations: res.iterations,
      elapsedMs: performance.now() - started,
      stopReason: res.stopReason,
      algorithm: res.algorithm,
    };
    parentPort?.postMessage(reply);
  } catch (err) {
    const reply: SolveReply = {
      ok: false,
      name: job.name,
      error: err instanceof Error ? err.message : String(err),
    };
    parentPort?.postMessage(reply);
  }
});
