import type { JobSummary, ReportDocument } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { ConflictError, NotFoundError } from "../../errors/index.ts";
import type { JobService } from "../jobs/job.service.ts";
import type { DocumentJobResult } from "../jobs/kinds/document.job.ts";

export type DocumentFormat = "pdf" | "xlsx";

/**
 * Exported reports: a screen's route builds a ReportDocument from the figures it shows and starts
 * it here as a `document` job; the files are read back from the finished job. A job of another
 * org (the job service's policy) or of another kind is NotFound, one still running a Conflict.
 */
export class ReportService {
  constructor(private readonly jobs: JobService) {}

  start(actor: Actor, doc: ReportDocument): Promise<JobSummary> {
    return this.jobs.startInternal(actor, "document", doc);
  }

  async file(actor: Actor, id: string, format: DocumentFormat): Promise<{ name: string; bytes: Buffer }> {
    const job = await this.jobs.get(actor, id);
    if (job.kind !== "document") throw new NotFoundError("report", id);
    if (job.status !== "succeeded" || job.result === null) {
      throw new ConflictError(`report ${id} is not ready (${job.status})`);
    }
    const result = job.result as DocumentJobResult;
    return {
      name: `${result.fileStem}.${format}`,
      bytes: Buffer.from(format === "pdf" ? result.pdf : result.xlsx, "base64"),
    };
  }
}
