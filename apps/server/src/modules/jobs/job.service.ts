import type {
  JobDetail,
  JobKind,
  JobListQuery,
  JobPage,
  JobSummary,
  StartJobBody,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, NotFoundError } from "../../errors/index.ts";
import { JobRepository, toSummary, UNFINISHED } from "./job.repository.ts";
import type { JobRunner } from "./job.runner.ts";

/** Jobs of the caller's org: start, list, show, cancel. Another org's job is NotFound. */
export class JobService {
  private readonly repo: JobRepository;

  constructor(
    db: Database,
    private readonly runner: JobRunner,
    private readonly now: () => Date,
  ) {
    this.repo = new JobRepository(db);
  }

  async start(actor: Actor, body: StartJobBody): Promise<JobSummary> {
    policy.assert(actor, "job.run", { kind: "job", orgId: actor.orgId });
    return this.runner.submit(actor.orgId, actor.userId, body.kind, body.input);
  }

  /** A kind no client may start through POST /jobs (its input is built by a server module). */
  async startInternal(actor: Actor, kind: JobKind, input: unknown): Promise<JobSummary> {
    policy.assert(actor, "job.run", { kind: "job", orgId: actor.orgId });
    return this.runner.submit(actor.orgId, actor.userId, kind, input);
  }

  async list(actor: Actor, q: JobListQuery): Promise<JobPage> {
    const { rows, total } = await this.repo.page({
      orgId: actor.orgId,
      kind: q.kind,
      status: q.status,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<JobDetail> {
    const found = await this.repo.find(id);
    if (!found) throw new NotFoundError("job", id);
    policy.assert(actor, "job.read", { kind: "job", id, orgId: found.orgId });
    return { ...toSummary(found), input: found.input, result: found.result ?? null };
  }

  async cancel(actor: Actor, id: string): Promise<JobSummary> {
    const found = await this.repo.summary(id);
    if (!found) throw new NotFoundError("job", id);
    policy.assert(actor, "job.run", { kind: "job", id, orgId: found.orgId });
    if (!UNFINISHED.includes(found.status))
      throw new ConflictError(`job ${id} has already finished (${found.status})`);
    // The request is kept on the row too, so a job owned by another process sees it on its next poll.
    await this.repo.requestCancel(id, this.now());
    await this.runner.cancel(id);
    const after = await this.repo.summary(id);
    return toSummary(after ?? found);
  }
}
