import { JOB_STATUSES, type JobStatus, type JobSummary } from "@clusterbrain/contracts";
import { JobConsole } from "@clusterbrain/server";
import { withDatabase } from "./demo.command.ts";
import type { RegisterCommand } from "./index.ts";

interface DbOption {
  database?: string;
}

const DB_HELP = "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)";

function line(j: JobSummary): string {
  const pct = `${Math.round(j.progress * 100)}%`.padStart(4);
  const took =
    j.startedAt && j.finishedAt
      ? ` ${((Date.parse(j.finishedAt) - Date.parse(j.startedAt)) / 1000).toFixed(1)} s`
      : "";
  return `${j.id}  ${j.kind.padEnd(8)} ${j.status.padEnd(11)} ${pct}  ${j.orgId}  ${j.createdAt}${took}${j.note ? `  ${j.note}` : ""}${j.error ? `  ${j.error.code}: ${j.error.message}` : ""}`;
}

function limitOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`--limit must be 1–10000, got "${value}"`);
  return n;
}

/** `clusterbrain jobs list|show|cancel`: the job table as the operator sees it (PostgreSQL while a server runs). */
export const registerJobs: RegisterCommand = (program) => {
  const jobs = program
    .command("jobs")
    .description("Long engine runs (schedule, mrp, forecast, analyze): list, show, cancel");

  jobs
    .command("list")
    .description("Newest jobs first")
    .option("--org <id>", "only this organisation's jobs")
    .option("--status <status>", `only jobs in this state (${JOB_STATUSES.join(", ")})`)
    .option("--limit <n>", "how many", limitOf, 20)
    .option("--json", "print JSON")
    .option("--database <url>", DB_HELP)
    .action(async (opts: DbOption & { org?: string; status?: string; limit: number; json?: boolean }) => {
      if (opts.status !== undefined && !(JOB_STATUSES as readonly string[]).includes(opts.status))
        throw new Error(`--status must be one of ${JOB_STATUSES.join(", ")}, got "${opts.status}"`);
      const list = await withDatabase(opts.database, (h) =>
        new JobConsole(h.db).list({
          orgId: opts.org,
          status: opts.status as JobStatus | undefined,
          limit: opts.limit,
        }),
      );
      if (opts.json) console.log(JSON.stringify(list, null, 2));
      else if (list.length === 0) console.log("no jobs");
      else for (const j of list) console.log(line(j));
    });

  jobs
    .command("show <id>")
    .description("One job with its input and result (JSON)")
    .option("--database <url>", DB_HELP)
    .action(async (id: string, opts: DbOption) => {
      const job = await withDatabase(opts.database, (h) => new JobConsole(h.db).show(id));
      if (!job) throw new Error(`no job ${id}`);
      console.log(JSON.stringify(job, null, 2));
    });

  jobs
    .command("cancel <id>")
    .description("Ask the server running the job to cancel it (picked up within a second)")
    .option("--database <url>", DB_HELP)
    .action(async (id: string, opts: DbOption) => {
      const out = await withDatabase(opts.database, (h) => new JobConsole(h.db).cancel(id));
      if (!out) throw new Error(`no job ${id}`);
      if (!out.requested) throw new Error(`job ${id} has already finished (${out.job.status})`);
      console.log(`cancel requested: ${line(out.job)}`);
    });
};
