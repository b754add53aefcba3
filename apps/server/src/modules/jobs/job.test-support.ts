import type { JobDetail, JobSummary, StartJobBody } from "@clusterbrain/contracts";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../app.ts";
import { type AppConfig, defaultConfig } from "../../config/config.ts";
import type { Database } from "../../db/database.ts";
import { call, type Session } from "../../test/fixtures.ts";

export const TEST_SECRET = "test-secret-0123456789-0123456789-abcdef";

/** An app with its modules started and a small job pool (two threads, one running job per org). */
export async function jobsApp(db: Database, jobs: Partial<AppConfig["jobs"]> = {}): Promise<FastifyInstance> {
  const config = defaultConfig({ sessionSecret: TEST_SECRET, shutdownSeconds: 5 });
  const app = await buildApp({
    db,
    sessionSecret: TEST_SECRET,
    logLevel: "silent",
    config: { ...config, jobs: { threads: 2, perOrgRunning: 1, perOrgQueued: 1, ...jobs } },
  });
  await app.ready();
  return app;
}

/** A generated job shop run that keeps improving for `seconds` (square, so it rarely reaches its lower bound early). */
export function scheduleBody(seconds: number, seed = 1): StartJobBody {
  return {
    kind: "schedule",
    input: {
      instance: { source: "generated", jobs: 15, machines: 15, seed },
      timeLimitSeconds: seconds,
      seed,
    },
  };
}

export async function startJob(app: FastifyInstance, s: Session, body: StartJobBody): Promise<JobSummary> {
  const res = await call(app, s, "POST", "/api/v1/jobs", body);
  if (res.statusCode !== 200) throw new Error(`start job: ${res.statusCode} ${res.body}`);
  return res.json() as JobSummary;
}

export async function getJob(app: FastifyInstance, s: Session, id: string): Promise<JobDetail> {
  const res = await call(app, s, "GET", `/api/v1/jobs/${id}`);
  if (res.statusCode !== 200) throw new Error(`get job: ${res.statusCode} ${res.body}`);
  return res.json() as JobDetail;
}

/** Polls the job until `done` holds (or fails the test after `timeoutMs`). */
export async function waitForJob(
  app: FastifyInstance,
  s: Session,
  id: string,
  done: (job: JobDetail) => boolean,
  timeoutMs = 60_000,
): Promise<JobDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(app, s, id);
    if (done(job)) return job;
    if (Date.now() > until)
      throw new Error(`job ${id} still ${job.status} (progress ${job.progress}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const finished = (job: JobSummary) => !["queued", "running"].includes(job.status);
