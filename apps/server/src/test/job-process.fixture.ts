/**
 * A server process for the restart test (jobs-restart.test.ts): opens the database named by
 * JOB_DB_URL (+ JOB_DB_SCHEMA), starts a long schedule job as firm A, prints its id once the job
 * is running with progress, and then keeps running until it is killed.
 */
import { openDatabase } from "../db/database.ts";
import { jobsApp, scheduleBody, startJob, waitForJob } from "../modules/jobs/job.test-support.ts";
import { EMAILS, login } from "./fixtures.ts";

const url = process.env.JOB_DB_URL;
if (!url) throw new Error("JOB_DB_URL is not set");
const handle = await openDatabase({ url, schema: process.env.JOB_DB_SCHEMA || undefined });
const app = await jobsApp(handle.db);
const session = await login(app, EMAILS.aOwner);
const job = await startJob(app, session, scheduleBody(300, 21));
await waitForJob(app, session, job.id, (j) => j.status === "running" && j.progress > 0, 60_000);
process.stdout.write(`${JSON.stringify({ id: job.id })}\n`);
setInterval(() => undefined, 60_000);
