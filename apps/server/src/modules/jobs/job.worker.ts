import type { JobKind } from "@clusterbrain/contracts";
import { ZodError } from "zod";
import type { CodedError, JobOutcome, JobTask, KindRunner, WorkerMessage } from "./job.protocol.ts";
import { runAnalyzeJob } from "./kinds/analyze.job.ts";
import { runDocumentJob } from "./kinds/document.job.ts";
import { runForecastJob } from "./kinds/forecast.job.ts";
import { runMrpJob } from "./kinds/mrp.job.ts";
import { runReportJob } from "./kinds/report.job.ts";
import { runScheduleJob } from "./kinds/schedule.job.ts";

const RUNNERS: Record<JobKind, KindRunner> = {
  schedule: runScheduleJob,
  mrp: runMrpJob,
  forecast: runForecastJob,
  analyze: runAnalyzeJob,
  report: runReportJob,
  document: runDocumentJob,
};

/** Progress messages at most this often; the main thread throttles again before the database. */
const PROGRESS_EVERY_MS = 150;

/** Runs one job on a piscina worker thread (loaded through job.worker.mjs, which registers tsx). */
export default async function runJob(task: JobTask): Promise<JobOutcome> {
  const flag = new Int32Array(task.cancelFlag);
  const post = (message: WorkerMessage) => task.port.postMessage(message);
  let last = 0;
  post({ type: "started" });
  try {
    return await RUNNERS[task.kind](task.input, {
      cancelRequested: () => Atomics.load(flag, 0) === 1,
      progress: (progress, note) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && progress < 1) return;
        last = now;
        post({ type: "progress", progress: Math.max(0, Math.min(1, progress)), note });
      },
    });
  } catch (err) {
    return { cancelled: false, result: null, error: describeError(err) };
  } finally {
    task.port.close();
  }
}

/** Engine errors carry a code (e.g. BOM_CYCLE, PARSE_ERROR) and a message naming the bad record. */
function describeError(err: unknown): CodedError {
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return { code: "VALIDATION_FAILED", message: `${issue.path.join(".")}: ${issue.message}` };
  }
  if (err instanceof Error) {
    const code = "code" in err && typeof err.code === "string" ? err.code : "INTERNAL";
    return { code, message: err.message };
  }
  return { code: "INTERNAL", message: String(err) };
}
