import { randomUUID } from "node:crypto";
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportEntity,
  type ImportHistoryPage,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { CLUSTER, policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import type { AuditRecord } from "../audit/audit.repository.ts";
import type { AuditEvent } from "../audit/audit.service.ts";
import { COLUMNS } from "./import.columns.ts";
import { ImportFileError } from "./import.errors.ts";
import { type HeaderMap, mapHeader, sortIssues } from "./import.header.ts";
import { ImportRepository } from "./import.repository.ts";
import { ImportHistoryRepository } from "./import-history.repository.ts";
import { issueReportWorkbook, templateWorkbook } from "./import-workbooks.ts";
import { validateOrgRows } from "./org-import.validator.ts";
import { validateRelationRows } from "./relation-import.validator.ts";
import { readSheet, type SheetRow } from "./sheet.reader.ts";

/** The audit entry for one imported row (who, when, what; no "before": the row is new). */
function auditRecord(
  actor: Actor,
  at: Date,
  event: Omit<AuditEvent, "after">,
  draft: { row: number },
): AuditRecord {
  const { row: _row, ...after } = draft;
  return {
    ...event,
    after,
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    requestId: actor.requestId ?? null,
    at,
  };
}

/** Warnings (formula-like cells) never keep a row out; only errors do. */
function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((i) => i.severity !== "warning");
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Result of validating (and perhaps writing) inside one database scope. */
interface Outcome {
  issues: ImportIssue[];
  validRows: number;
  createdIds: string[];
}

/**
 * File imports. Validation reads the database (existing USCCs, chain nodes, relations) and, for a
 * real run, happens in the same transaction as the writes, so what was checked is what is written.
 */
export class ImportService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private authorize(actor: Actor, entity: ImportOptions["entity"]): void {
    if (entity === "orgs") policy.assert(actor, "org.import", CLUSTER);
    else policy.assert(actor, "relation.import", { kind: "org", orgId: actor.orgId });
  }

  /** Runs an import and records it in the organisation's import history (dry runs too). */
  async run(actor: Actor, options: ImportOptions, bytes: Uint8Array, fileName = ""): Promise<ImportReport> {
    const report = await this.runUnrecorded(actor, options, bytes);
    const historyId = randomUUID();
    await new ImportHistoryRepository(this.db).insert({
      orgId: actor.orgId,
      id: historyId,
      at: this.now(),
      userId: actor.userId,
      entity: report.entity,
      format: report.format,
      mode: report.mode,
      dryRun: report.dryRun,
      fileName: fileName.slice(0, 255),
      totalRows: report.totalRows,
      validRows: report.validRows,
      invalidRows: report.invalidRows,
      written: report.written,
      committed: report.committed,
      issues: report.issues,
    });
    return { ...report, historyId };
  }

  /** The caller's organisation's runs, newest first. */
  async history(actor: Actor, page: number, pageSize: number): Promise<ImportHistoryPage> {
    policy.assert(actor, "import.history.read", { kind: "org", orgId: actor.orgId });
    const { rows, total } = await new ImportHistoryRepository(this.db).page(
      actor.orgId,
      pageSize,
      (page - 1) * pageSize,
    );
    return {
      items: rows.map(({ issues, at, ...r }) => ({ ...r, at: at.toISOString(), issueCount: issues.length })),
      total,
      page,
      pageSize,
    };
  }

  /** One past run's issues, as an .xlsx error report; another organisation's run answers 404. */
  async historyReport(actor: Actor, id: string, lang: "zh" | "en"): Promise<Buffer> {
    policy.assert(actor, "import.history.read", { kind: "org", orgId: actor.orgId });
    const found = await new ImportHistoryRepository(this.db).issuesOf(actor.orgId, id);
    if (found === undefined) throw new NotFoundError("import", id);
    return issueReportWorkbook(found.issues, lang, this.now());
  }

  /** A template workbook with example rows and the chain-node code list. */
  async template(entity: ImportEntity, lang: "zh" | "en"): Promise<Buffer> {
    const nodes = await new ImportHistoryRepository(this.db).chainNodeList();
    return templateWorkbook(entity, lang, nodes, this.now());
  }

  private async runUnrecorded(
    actor: Actor,
    options: ImportOptions,
    bytes: Uint8Array,
  ): Promise<ImportReport> {
    this.authorize(actor, options.entity);
    if (bytes.length > IMPORT_MAX_BYTES)
      throw new ImportFileError(`the file is larger than ${IMPORT_MAX_BYTES} bytes`, {
        key: "importFile.tooLarge",
        params: { max: IMPORT_MAX_BYTES },
      });
    if (options.format === "csv" && ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new ImportFileError("this looks like an .xlsx workbook; send it with format xlsx", {
        key: "importFile.looksXlsx",
        params: {},
      });
    }
    const rows = await readSheet(bytes, options.format);
    if (rows.length === 0)
      throw new ImportFileError("the file has no header row", { key: "importFile.noHeader", params: {} });
    const [headerRow, ...dataRows] = rows;
    if (dataRows.length > IMPORT_MAX_ROWS) {
      throw new ImportFileError(
        `the file has ${dataRows.length} data rows; at most ${IMPORT_MAX_ROWS} per import`,
        { key: "importFile.tooManyRows", params: { rows: dataRows.length, max: IMPORT_MAX_ROWS } },
      );
    }
    const columns = COLUMNS[options.entity];
    const header = mapHeader(headerRow, columns);
    const base = {
      entity: options.entity,
      format: options.format,
      mode: options.mode,
      dryRun: options.dryRun,
      totalRows: dataRows.length,
      ignoredColumns: header.ignored,
    };
    if (header.issues.length > 0) {
      // Without the right columns no row can be read; say so once, on the header.
      return {
        ...base,
        validRows: 0,
        invalidRows: dataRows.length,
        written: 0,
        committed: false,
        issues: header.issues,
        createdIds: [],
      };
    }

    const write = !options.dryRun;
    const outcome = write
      ? await this.db.transaction((tx) => this.validateAndWrite(tx, actor, options, header, dataRows, true))
      : await this.validateAndWrite(this.db, actor, options, header, dataRows, false);
    const committed = write && outcome.createdIds.length > 0;
    return {
      ...base,
      validRows: outcome.validRows,
      invalidRows: dataRows.length - outcome.validRows,
      written: outcome.createdIds.length,
      committed,
      issues: sortIssues(outcome.issues, columns),
      createdIds: outcome.createdIds,
    };
  }

  private async validateAndWrite(
    db: DbOrTx,
    actor: Actor,
    options: ImportOptions,
    header: HeaderMap,
    rows: SheetRow[],
    write: boolean,
  ): Promise<Outcome> {
    const repo = new ImportRepository(db);
    const chainNodeIds = await repo.chainNodeIndex();
    const usccsInFile = (keys: string[]) =>
      rows.flatMap((r) =>
        keys.map((k) => (r.cells[header.columnIndex.get(k) ?? -1] ?? "").trim().toUpperCase()),
      );
    const at = this.now();

    if (options.entity === "orgs") {
      const existing = await repo.orgIdsByUscc(usccsInFile(["uscc"]).filter((u) => u !== ""));
      const result = validateOrgRows(rows, header, { existingUsccs: new Set(existing.keys()), chainNodeIds });
      const apply = write && (options.mode === "valid-rows" || !hasErrors(result.issues));
      if (!apply || result.drafts.length === 0)
        return { issues: result.issues, validRows: result.drafts.length, createdIds: [] };
      const withIds = result.drafts.map((draft) => ({ id: randomUUID(), draft }));
      await repo.insertOrgs(withIds, at);
      await repo.insertAudit(
        withIds.map(({ id, draft }) =>
          auditRecord(actor, at, { orgId: id, action: "org.import", entity: "org", entityId: id }, draft),
        ),
      );
      return { issues: result.issues, validRows: result.drafts.length, createdIds: withIds.map((d) => d.id) };
    }

    const orgIdByUscc = await repo.orgIdsByUscc(
      usccsInFile(["supplierUscc", "customerUscc"]).filter((u) => u !== ""),
    );
    const existingKeys = await repo.relationKeysOf(actor.orgId);
    const result = validateRelationRows(rows, header, {
      actorOrgId: actor.orgId,
      orgIdByUscc,
      chainNodeIds,
      existingKeys,
    });
    const apply = write && (options.mode === "valid-rows" || !hasErrors(result.issues));
    if (!apply || result.drafts.length === 0)
      return { issues: result.issues, validRows: result.drafts.length, createdIds: [] };
    const withIds = result.drafts.map((draft) => ({ id: randomUUID(), draft }));
    await repo.insertRelations(actor.orgId, withIds, at);
    await repo.insertAudit(
      withIds.map(({ id, draft }) =>
        auditRecord(
          actor,
          at,
          { orgId: actor.orgId, action: "relation.import", entity: "relation", entityId: id },
          draft,
        ),
      ),
    );
    return { issues: result.issues, validRows: result.drafts.length, createdIds: withIds.map((d) => d.id) };
  }
}
