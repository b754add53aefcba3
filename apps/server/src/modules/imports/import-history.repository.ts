import type { ImportIssue } from "@clusterbrain/contracts";
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { chainNodes, importHistory, users } from "../../db/schema/index.ts";

export type ImportHistoryInsert = typeof importHistory.$inferInsert;

/** Import runs of an organisation, and the reference lists a template needs. */
export class ImportHistoryRepository {
  constructor(private readonly db: DbOrTx) {}

  async insert(values: ImportHistoryInsert): Promise<void> {
    await this.db.insert(importHistory).values(values);
  }

  async page(orgId: string, limit: number, offset: number) {
    const rows = await this.db
      .select({
        id: importHistory.id,
        at: importHistory.at,
        userName: users.displayName,
        entity: importHistory.entity,
        format: importHistory.format,
        mode: importHistory.mode,
        dryRun: importHistory.dryRun,
        fileName: importHistory.fileName,
        totalRows: importHistory.totalRows,
        validRows: importHistory.validRows,
        invalidRows: importHistory.invalidRows,
        written: importHistory.written,
        committed: importHistory.committed,
        issues: importHistory.issues,
      })
      .from(importHistory)
      .leftJoin(users, eq(users.id, importHistory.userId))
      .where(eq(importHistory.orgId, orgId))
      .orderBy(desc(importHistory.at), desc(importHistory.id))
      .limit(limit)
      .offset(offset);
    const [total] = await this.db
      .select({ n: count() })
      .from(importHistory)
      .where(eq(importHistory.orgId, orgId));
    return { rows, total: Number(total?.n ?? 0) };
  }

  async issuesOf(orgId: string, id: string): Promise<{ issues: ImportIssue[]; entity: string } | undefined> {
    const [row] = await this.db
      .select({ issues: importHistory.issues, entity: importHistory.entity })
      .from(importHistory)
      .where(and(eq(importHistory.orgId, orgId), eq(importHistory.id, id)));
    return row;
  }

  async chainNodeList() {
    return this.db
      .select({
        code: chainNodes.code,
        nameZh: chainNodes.nameZh,
        nameEn: chainNodes.nameEn,
        stage: chainNodes.stage,
      })
      .from(chainNodes)
      .orderBy(asc(chainNodes.stage), asc(chainNodes.sortOrder), asc(chainNodes.id));
  }
}
