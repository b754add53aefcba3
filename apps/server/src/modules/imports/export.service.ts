import type { DirectoryExportQuery } from "@clusterbrain/contracts";
import { asc, eq, inArray, or } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Actor } from "../../auth/actor.ts";
import type { Database } from "../../db/database.ts";
import { chainNodes, indicators, orgChainNodes, orgs, relations } from "../../db/schema/index.ts";
import { NotFoundError } from "../../errors/index.ts";
import { directoryTable } from "./directory-export.ts";
import { type ColumnSpec, headerText, ORG_COLUMNS, RELATION_COLUMNS } from "./import.columns.ts";
import { addSheet, type Cell, toCsv } from "./sheet.writer.ts";

type OrgRow = typeof orgs.$inferSelect;

/** The org columns in template order, so an exported directory can be imported again as is. */
function orgCells(org: OrgRow, nodeCodes: string[]): Cell[] {
  const values: Record<string, Cell> = {
    uscc: org.uscc,
    kind: org.kind,
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    district: org.district,
    address: org.address,
    industryCode: org.industryCode,
    sizeBand: org.sizeBand,
    foundedYear: org.foundedYear,
    website: org.website,
    products: org.products.map((p) => `${p.zh}|${p.en}`).join("; "),
    chainNodes: nodeCodes.join("; "),
  };
  return ORG_COLUMNS.map((c: ColumnSpec) => values[c.key] ?? null);
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** .xlsx exports: the public directory (anyone signed in) and one's own organisation's data. */
export class ExportService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private newWorkbook(): ExcelJS.Workbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Cluster Brain 产业集群大脑";
    workbook.created = this.now();
    return workbook;
  }

  private async nodeCodesByOrg(orgId?: string): Promise<Map<string, string[]>> {
    const rows = await this.db
      .select({ orgId: orgChainNodes.orgId, code: chainNodes.code })
      .from(orgChainNodes)
      .innerJoin(chainNodes, eq(orgChainNodes.nodeId, chainNodes.id))
      .where(orgId === undefined ? undefined : eq(orgChainNodes.orgId, orgId))
      .orderBy(asc(chainNodes.sortOrder));
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), r.code]);
    return out;
  }

  /** The directory as the screen shows it (see directoryTable), as .xlsx or .csv. */
  async directory(_actor: Actor, q: DirectoryExportQuery): Promise<Buffer> {
    const { headers, rows } = await directoryTable(this.db, q);
    if (q.format === "csv") return toCsv(headers, rows);
    const workbook = this.newWorkbook();
    addSheet(workbook, q.lang === "en" ? "Directory" : "名录", headers, rows);
    return toBuffer(workbook);
  }

  /** The caller's own organisation: profile with private fields, its relations, its indicators. */
  async ownOrg(actor: Actor): Promise<Buffer> {
    const [org] = await this.db.select().from(orgs).where(eq(orgs.id, actor.orgId));
    if (!org) throw new NotFoundError("org", actor.orgId);
    const codes = await this.nodeCodesByOrg(org.id);
    const workbook = this.newWorkbook();
    addSheet(
      workbook,
      "组织 Organisation",
      [
        ...ORG_COLUMNS.map(headerText),
        "认证 (certifications)",
        "关键设备 (keyEquipment)",
        "联系人 (contactName)",
        "电话 (contactPhone)",
        "邮箱 (contactEmail)",
      ],
      [
        [
          ...orgCells(org, codes.get(org.id) ?? []),
          org.certifications.join("; "),
          org.keyEquipment.map((e) => `${e.name}${e.count === undefined ? "" : ` ×${e.count}`}`).join("; "),
          org.contactName,
          org.contactPhone,
          org.contactEmail,
        ],
      ],
    );

    const rels = await this.db
      .select()
      .from(relations)
      .where(or(eq(relations.supplierOrgId, org.id), eq(relations.customerOrgId, org.id)))
      .orderBy(asc(relations.createdAt), asc(relations.id));
    const partyIds = [...new Set(rels.flatMap((r) => [r.supplierOrgId, r.customerOrgId]))];
    const parties = new Map<string, OrgRow>();
    if (partyIds.length > 0) {
      for (const p of await this.db.select().from(orgs).where(inArray(orgs.id, partyIds)))
        parties.set(p.id, p);
    }
    const nodeCode = new Map((await this.db.select().from(chainNodes)).map((n) => [n.id, n.code]));
    addSheet(
      workbook,
      "供需关系 Relations",
      [...RELATION_COLUMNS.map(headerText), "供应方 (supplierName)", "客户 (customerName)"],
      rels.map((r) => [
        parties.get(r.supplierOrgId)?.uscc ?? null,
        parties.get(r.customerOrgId)?.uscc ?? null,
        r.product,
        r.volumeBand,
        r.nodeId ? (nodeCode.get(r.nodeId) ?? null) : null,
        r.sinceYear,
        parties.get(r.supplierOrgId)?.nameZh ?? null,
        parties.get(r.customerOrgId)?.nameZh ?? null,
      ]),
    );

    const years = await this.db
      .select()
      .from(indicators)
      .where(eq(indicators.orgId, org.id))
      .orderBy(asc(indicators.year));
    addSheet(
      workbook,
      "年度指标 Indicators",
      [
        "年份 (year)",
        "营业收入 万元 (revenue)",
        "研发投入 万元 (rdSpend)",
        "从业人员 (employees)",
        "专利授权 (patents)",
        "能耗 吨标煤 (energyUse)",
        "出口额 万元 (exports)",
        "固定资产 万元 (fixedAssets)",
        "利润 万元 (profit)",
      ],
      years.map((y) => [
        y.year,
        y.revenue,
        y.rdSpend,
        y.employees,
        y.patents,
        y.energyUse,
        y.exports,
        y.fixedAssets,
        y.profit,
      ]),
    );
    return toBuffer(workbook);
  }
}
