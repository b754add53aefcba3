import { Worker } from "node:worker_threads";
import type { SolveJob, SolveReply } from "./protocol.ts";

/**
 * Runs jobs on `size` worker threads, one instance per thread at a time (the solver itself is
 * single-threaded), and calls `onDone` as each finishes.
 */
export async function runPool(
  jobs: SolveJob[],
  size: number,
  onDone: (job: SolveJob, reply: SolveReply) => void,
) {
  const queue = [...jobs];
  const workerUrl = new URL("./worker-entry.mjs", import.meta.url);
  const lanes = Array.from({ length: Math.min(size, queue.length) }, async () => {
    const worker = new Worker(workerUrl);
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const current = job;
        const reply = await new Promise<SolveReply>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.postMessage(current);
        });
        worker.removeAllListeners("error");
        onDone(current, reply);
      }
    } finally {
      await worker.terminate();
    }
  });
  await Promise.all(lanes);
}
