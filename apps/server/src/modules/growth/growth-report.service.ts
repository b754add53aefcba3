import type { GrowthReportRequest, JobSummary, ReportJobInput } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import type { DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError } from "../../errors/index.ts";
import type { JobService } from "../jobs/job.service.ts";
import type { ReportJobResult } from "../jobs/kinds/report.job.ts";
import { GrowthRepository } from "./growth.repository.ts";
import type { GrowthService } from "./growth.service.ts";

export type ReportFormat = "pdf" | "xlsx";

/**
 * Yearly reports as jobs. The job's input is what the dashboard routes answer this viewer for that
 * year (the same service calls), so the report's figures equal the dashboard's by construction.
 */
export class GrowthReportService {
  constructor(
    private readonly db: DbOrTx,
    private readonly growth: GrowthService,
  ) {}

  async start(actor: Actor, jobs: JobService, body: GrowthReportRequest): Promise<JobSummary> {
    const query = { year: body.year };
    const [micro, meso, macro, orgs] = await Promise.all([
      this.growth.micro(actor, query),
      this.growth.meso(actor, query),
      this.growth.macro(actor, query),
      new GrowthRepository(this.db).orgs(),
    ]);
    const org = orgs.find((o) => o.id === actor.orgId);
    const input: ReportJobInput = {
      scope: actor.orgKind === "operator" ? "cluster" : "firm",
      year: body.year ?? micro.year,
      orgNameZh: org?.nameZh ?? actor.orgId,
      orgNameEn: org?.nameEn ?? actor.orgId,
      micro,
      meso,
      macro,
    };
    return jobs.startInternal(actor, "report", input);
  }

  /** A finished report job's file; another org's job or a job of another kind is NotFound. */
  async file(actor: Actor, jobs: JobService, id: string, format: ReportFormat): Promise<Buffer> {
    const job = await jobs.get(actor, id);
    if (job.kind !== "report") throw new NotFoundError("report", id);
    if (job.status !== "succeeded" || job.result === null) {
      throw new ConflictError(`report ${id} is not ready (${job.status})`);
    }
    const result = job.result as ReportJobResult;
    return Buffer.from(format === "pdf" ? result.pdf : result.xlsx, "base64");
  }
}
