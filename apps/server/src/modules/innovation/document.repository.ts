import { and, desc, eq, max } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { innovationDocuments } from "../../db/schema/index.ts";

export type DocumentRow = typeof innovationDocuments.$inferSelect;
export type DocumentMeta = Omit<DocumentRow, "content">;

const meta = {
  id: innovationDocuments.id,
  orgId: innovationDocuments.orgId,
  projectId: innovationDocuments.projectId,
  name: innovationDocuments.name,
  version: innovationDocuments.version,
  contentType: innovationDocuments.contentType,
  sizeBytes: innovationDocuments.sizeBytes,
  sha256: innovationDocuments.sha256,
  uploadedByOrgId: innovationDocuments.uploadedByOrgId,
  uploadedBy: innovationDocuments.uploadedBy,
  uploadedAt: innovationDocuments.uploadedAt,
};

/** Versioned project documents. Callers check project membership via the policy first. */
export class DocumentRepository {
  constructor(private readonly db: DbOrTx) {}

  /** The highest version of `name` in the project, 0 when there is none. */
  async latestVersion(projectId: string, name: string): Promise<number> {
    const [row] = await this.db
      .select({ v: max(innovationDocuments.version) })
      .from(innovationDocuments)
      .where(and(eq(innovationDocuments.projectId, projectId), eq(innovationDocuments.name, name)));
    return row?.v ?? 0;
  }

  async insert(values: typeof innovationDocuments.$inferInsert): Promise<void> {
    await this.db.insert(innovationDocuments).values(values);
  }

  /** Every version of every document of the project (no bytes), by name then newest version first. */
  async list(projectId: string): Promise<DocumentMeta[]> {
    return this.db
      .select(meta)
      .from(innovationDocuments)
      .where(eq(innovationDocuments.projectId, projectId))
      .orderBy(innovationDocuments.name, desc(innovationDocuments.version))
      .limit(2000);
  }

  async find(projectId: string, id: string): Promise<DocumentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(innovationDocuments)
      .where(and(eq(innovationDocuments.projectId, projectId), eq(innovationDocuments.id, id)));
    return row;
  }
}
