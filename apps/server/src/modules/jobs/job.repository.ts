import type { JobError, JobKind, JobStatus, JobSummary } from "@clusterbrain/contracts";
import { and, count, desc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { jobs } from "../../db/schema/index.ts";

export type JobRow = typeof jobs.$inferSelect;

export const UNFINISHED: JobStatus[] = ["queued", "running"];

export interface JobFilter {
  orgId?: string;
  kind?: JobKind;
  status?: JobStatus;
  limit: number;
  offset: number;
}

export interface JobFinish {
  status: Extract<JobStatus, "succeeded" | "failed" | "cancelled" | "interrupted">;
  result?: unknown;
  error?: JobError | null;
  progress?: number;
  at: Date;
}

const summaryColumns = {
  id: jobs.id,
  kind: jobs.kind,
  orgId: jobs.orgId,
  createdBy: jobs.createdBy,
  status: jobs.status,
  progress: jobs.progress,
  note: jobs.note,
  error: jobs.error,
  cancelRequestedAt: jobs.cancelRequestedAt,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
};
export type JobSummaryRow = Pick<JobRow, keyof typeof summaryColumns>;

export function toSummary(r: JobSummaryRow): JobSummary {
  return {
    id: r.id,
    kind: r.kind,
    orgId: r.orgId,
    createdBy: r.createdBy,
    status: r.status,
    progress: r.progress,
    note: r.note,
    error: r.error ?? null,
    cancelRequested: r.cancelRequestedAt !== null,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** All SQL about jobs. */
export class JobRepository {
  constructor(private readonly db: DbOrTx) {}

  async insert(row: {
    id: string;
    kind: JobKind;
    orgId: string;
    createdBy: string | null;
    input: unknown;
    at: Date;
  }) {
    const [created] = await this.db
      .insert(jobs)
      .values({ ...row, status: "queued", createdAt: row.at })
      .returning(summaryColumns);
    return created;
  }

  async find(id: string): Promise<JobRow | undefined> {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row;
  }

  async summary(id: string): Promise<JobSummaryRow | undefined> {
    const [row] = await this.db.select(summaryColumns).from(jobs).where(eq(jobs.id, id));
    return row;
  }

  async page(f: JobFilter): Promise<{ rows: JobSummaryRow[]; total: number }> {
    const conds: SQL[] = [];
    if (f.orgId) conds.push(eq(jobs.orgId, f.orgId));
    if (f.kind) conds.push(eq(jobs.kind, f.kind));
    if (f.status) conds.push(eq(jobs.status, f.status));
    const where = conds.length ? and(...conds) : undefined;
    const rows = await this.db
      .select(summaryColumns)
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(f.limit)
      .offset(f.offset);
    const [{ total }] = await this.db.select({ total: count() }).from(jobs).where(where);
    return { rows, total };
  }

  async countUnfinished(orgId: string): Promise<number> {
    const [{ n }] = await this.db
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.orgId, orgId), inArray(jobs.status, UNFINISHED)));
    return n;
  }

  async markRunning(id: string, at: Date): Promise<JobSummaryRow | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({ status: "running", startedAt: at })
      .where(and(eq(jobs.id, id), eq(jobs.status, "queued")))
      .returning(summaryColumns);
    return row;
  }

  async setProgress(id: string, progress: number, note: string | null): Promise<void> {
    await this.db
      .update(jobs)
      .set({ progress, note })
      .where(and(eq(jobs.id, id), eq(jobs.status, "running")));
  }

  /** Final state; only from queued/running, so a late worker answer cannot overwrite an interruption. */
  async finish(id: string, f: JobFinish): Promise<JobSummaryRow | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({
        status: f.status,
        result: f.result ?? null,
        error: f.error ?? null,
        finishedAt: f.at,
        ...(f.progress === undefined ? {} : { progress: f.progress }),
      })
      .where(and(eq(jobs.id, id), inArray(jobs.status, UNFINISHED)))
      .returning(summaryColumns);
    return row;
  }

  async requestCancel(id: string, at: Date): Promise<JobSummaryRow | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({ cancelRequestedAt: at })
      .where(and(eq(jobs.id, id), inArray(jobs.status, UNFINISHED)))
      .returning(summaryColumns);
    return row;
  }

  /** Of these ids, the ones someone asked to cancel (the CLI writes the request to the row). */
  async cancelRequested(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(inArray(jobs.id, ids), isNotNull(jobs.cancelRequestedAt)));
    return rows.map((r) => r.id);
  }

  /** Every job still queued or running (at start-up: left by a process that ended) becomes interrupted. */
  async interruptUnfinished(at: Date, error: JobError): Promise<number> {
    // A cancel that was acknowledged before the crash stays what the caller was told: cancelled.
    await this.db
      .update(jobs)
      .set({ status: "cancelled", finishedAt: at })
      .where(and(inArray(jobs.status, UNFINISHED), isNotNull(jobs.cancelRequestedAt)));
    const rows = await this.db
      .update(jobs)
      .set({ status: "interrupted", finishedAt: at, error })
      .where(inArray(jobs.status, UNFINISHED))
      .returning({ id: jobs.id });
    return rows.length;
  }
}
