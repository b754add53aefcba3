import { eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  auditLog,
  chainNodes,
  orgChainNodes,
  orgSearchTokens,
  orgs,
  relations,
} from "../../db/schema/index.ts";
import type { AuditRecord } from "../audit/audit.repository.ts";
import { orgSearchTokens as tokensOf } from "../orgs/org-search.ts";
import type { OrgDraft } from "./org-import.validator.ts";
import { type RelationDraft, relationKey } from "./relation-import.validator.ts";

/** Slices for multi-row inserts (PostgreSQL allows 65,535 bind parameters per statement). */
function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export class ImportRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Chain node code and lower-cased Chinese name → id, so a sheet may name nodes either way. */
  async chainNodeIndex(): Promise<Map<string, string>> {
    const rows = await this.db
      .select({
        id: chainNodes.id,
        code: chainNodes.code,
        nameZh: chainNodes.nameZh,
        nameEn: chainNodes.nameEn,
      })
      .from(chainNodes);
    const index = new Map<string, string>();
    for (const r of rows) {
      // Names in either language: the directory export writes names, not codes.
      index.set(r.nameZh.toLowerCase(), r.id);
      index.set(r.nameEn.toLowerCase(), r.id);
      index.set(r.code.toLowerCase(), r.id);
    }
    return index;
  }

  async orgIdsByUscc(usccs: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks([...new Set(usccs)], 5000)) {
      const rows = await this.db
        .select({ id: orgs.id, uscc: orgs.uscc })
        .from(orgs)
        .where(inArray(orgs.uscc, part));
      for (const r of rows) if (r.uscc) out.set(r.uscc, r.id);
    }
    return out;
  }

  async relationKeysOf(orgId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({
        supplier: relations.supplierOrgId,
        customer: relations.customerOrgId,
        product: relations.product,
      })
      .from(relations)
      .where(or(eq(relations.supplierOrgId, orgId), eq(relations.customerOrgId, orgId)));
    return new Set(rows.map((r) => relationKey(r.supplier, r.customer, r.product)));
  }

  /** Inserts organisations with their chain nodes and search tokens. */
  async insertOrgs(drafts: { id: string; draft: OrgDraft }[], at: Date): Promise<void> {
    const orgRows = drafts.map(({ id, draft: d }) => ({
      id,
      kind: d.kind,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      uscc: d.uscc,
      address: d.address,
      district: d.district,
      industryCode: d.industryCode,
      sizeBand: d.sizeBand,
      foundedYear: d.foundedYear,
      website: d.website,
      products: d.products,
      createdAt: at,
      updatedAt: at,
    }));
    for (const part of chunks(orgRows, 500)) await this.db.insert(orgs).values(part);
    const links = drafts.flatMap(({ id, draft }) =>
      draft.chainNodeIds.map((nodeId) => ({ orgId: id, nodeId })),
    );
    for (const part of chunks(links, 5000)) await this.db.insert(orgChainNodes).values(part);
    const tokens = drafts.flatMap(({ id, draft: d }) =>
      tokensOf({
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        products: d.products,
        capabilities: [],
        certifications: [],
        industryCode: d.industryCode,
      }).map((t) => ({ orgId: id, ...t })),
    );
    for (const part of chunks(tokens, 5000)) await this.db.insert(orgSearchTokens).values(part);
  }

  async insertRelations(
    orgId: string,
    drafts: { id: string; draft: RelationDraft }[],
    at: Date,
  ): Promise<void> {
    const rows = drafts.map(({ id, draft: d }) => ({
      id,
      orgId,
      supplierOrgId: d.supplierOrgId,
      customerOrgId: d.customerOrgId,
      nodeId: d.nodeId,
      product: d.product,
      volumeBand: d.volumeBand,
      sinceYear: d.sinceYear,
      createdAt: at,
    }));
    for (const part of chunks(rows, 1000)) await this.db.insert(relations).values(part);
  }

  /**
   * One audit entry per created row, in the same shape AuditRepository writes, but as multi-row
   * inserts: a 10,000-row import would otherwise spend most of its time on single inserts.
   */
  async insertAudit(records: AuditRecord[]): Promise<void> {
    const rows = records.map((r) => ({
      orgId: r.orgId,
      actorUserId: r.actorUserId,
      actorOrgId: r.actorOrgId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.requestId ?? null,
      at: r.at,
    }));
    for (const part of chunks(rows, 1000)) await this.db.insert(auditLog).values(part);
  }
}
