import type { JobDetail, JobStatus, JobSummary } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import { JobRepository, toSummary } from "./job.repository.ts";

/**
 * Jobs as the operator's command line sees them: straight from the database, across orgs.
 * Cancelling writes the request to the row; the server that runs the job picks it up within a second.
 */
export class JobConsole {
  private readonly repo: JobRepository;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new JobRepository(db);
  }

  async list(f: { orgId?: string; status?: JobStatus; limit: number }): Promise<JobSummary[]> {
    const { rows } = await this.repo.page({ orgId: f.orgId, status: f.status, limit: f.limit, offset: 0 });
    return rows.map(toSummary);
  }

  async show(id: string): Promise<JobDetail | undefined> {
    const row = await this.repo.find(id);
    return row && { ...toSummary(row), input: row.input, result: row.result ?? null };
  }

  /** undefined: no such job; otherwise the job after the request (unchanged when it had finished). */
  async cancel(id: string): Promise<{ job: JobSummary; requested: boolean } | undefined> {
    const requested = await this.repo.requestCancel(id, this.now());
    if (requested) return { job: toSummary(requested), requested: true };
    const row = await this.repo.summary(id);
    return row && { job: toSummary(row), requested: false };
  }
}
