import { createHash, randomUUID } from "node:crypto";
import {
  PROJECT_DOCUMENT_MAX_BYTES,
  type ProjectDocumentList,
  type ProjectDocumentUpload,
  type ProjectDocumentVersion,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { DomainError, NotFoundError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { type DocumentMeta, DocumentRepository } from "./document.repository.ts";
import { ProjectRepository, type ProjectRow } from "./project.repository.ts";
import { resourceOf } from "./project.service.ts";

/** A document over the size limit: 413 with the limit and the size in the details. */
export class DocumentTooLargeError extends DomainError {
  readonly code = "PAYLOAD_TOO_LARGE";
  readonly status = 413;
  constructor(sizeBytes: number) {
    super(`document is ${sizeBytes} bytes; the limit is ${PROJECT_DOCUMENT_MAX_BYTES} bytes (10 MiB)`, {
      reason: "DOCUMENT_TOO_LARGE",
      sizeBytes,
      maxBytes: PROJECT_DOCUMENT_MAX_BYTES,
    });
  }
}

function view(d: DocumentMeta): ProjectDocumentVersion {
  return {
    id: d.id,
    version: d.version,
    sizeBytes: d.sizeBytes,
    contentType: d.contentType,
    sha256: d.sha256,
    uploadedByOrgId: d.uploadedByOrgId,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

/**
 * Documents of a joint project: every upload of a name is its next version; members read, members
 * who may work on the project upload; each upload lands in the activity log and the audit trail.
 */
export class DocumentService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor, projectId: string): Promise<ProjectDocumentList> {
    await this.authorise(this.db, actor, projectId, "innovation.project.read");
    const rows = await new DocumentRepository(this.db).list(projectId);
    const byName = new Map<string, ProjectDocumentVersion[]>();
    for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), view(r)]);
    return {
      maxBytes: PROJECT_DOCUMENT_MAX_BYTES,
      items: [...byName].map(([name, versions]) => ({ name, latest: versions[0], versions })),
    };
  }

  async upload(
    actor: Actor,
    projectId: string,
    input: ProjectDocumentUpload,
  ): Promise<ProjectDocumentVersion> {
    // Cheap bound before decoding: base64 is 4 chars per 3 bytes.
    if (Math.floor((input.contentBase64.length * 3) / 4) - 2 > PROJECT_DOCUMENT_MAX_BYTES)
      throw new DocumentTooLargeError(Math.floor((input.contentBase64.length * 3) / 4));
    const content = Buffer.from(input.contentBase64, "base64");
    if (content.length > PROJECT_DOCUMENT_MAX_BYTES) throw new DocumentTooLargeError(content.length);
    const now = this.now();
    const id = randomUUID();
    let version = 0;
    await this.db.transaction(async (tx) => {
      const project = await this.authorise(tx, actor, projectId, "innovation.project.work");
      const docs = new DocumentRepository(tx);
      version = (await docs.latestVersion(projectId, input.name)) + 1;
      const sha256 = createHash("sha256").update(content).digest("hex");
      await docs.insert({
        id,
        orgId: project.orgId,
        projectId,
        name: input.name,
        version,
        contentType: input.contentType,
        sizeBytes: content.length,
        sha256,
        content,
        uploadedByOrgId: actor.orgId,
        uploadedBy: actor.userId,
        uploadedAt: now,
      });
      await new ProjectRepository(tx).log({
        id: randomUUID(),
        projectId,
        orgId: actor.orgId,
        at: now,
        action: "document.uploaded",
        detail: `${input.name} v${version}`,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: project.orgId,
          action: "innovation.document.upload",
          entity: "project_document",
          entityId: id,
          after: { projectId, name: input.name, version, sizeBytes: content.length, sha256 },
        },
        now,
      );
    });
    const row = await new DocumentRepository(this.db).find(projectId, id);
    if (!row) throw new NotFoundError("document", id);
    return view(row);
  }

  async download(
    actor: Actor,
    projectId: string,
    documentId: string,
  ): Promise<{ name: string; contentType: string; content: Buffer }> {
    await this.authorise(this.db, actor, projectId, "innovation.project.read");
    const row = await new DocumentRepository(this.db).find(projectId, documentId);
    if (!row) throw new NotFoundError("document", documentId);
    return { name: row.name, contentType: row.contentType, content: row.content };
  }

  /** The project if the actor may do `action` on it; to non-members it does not exist (404). */
  private async authorise(
    db: DbOrTx,
    actor: Actor,
    id: string,
    action: "innovation.project.read" | "innovation.project.work",
  ): Promise<ProjectRow> {
    const repo = new ProjectRepository(db);
    const project = await repo.find(id);
    if (!project) throw new NotFoundError("project", id);
    const members = (await repo.members([id])).get(id) ?? [];
    policy.assert(actor, action, resourceOf(project, members));
    return project;
  }
}
